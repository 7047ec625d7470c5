import { useEffect, useState, type DragEvent } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Space, Tag, Typography, theme } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { showError, showSuccess } from '@/components/feedback';
import { isoWeekKey, startOfIsoWeek } from '@/components/dates';
import { useWeekBoard } from '../api/getWeekBoard';
import { updateTask } from '../api/updateTask';
import { changeTaskStatus } from '../api/changeTaskStatus';
import { taskKeys } from '../api/keys';
import { boardColumns, dropChange, type BoardColumn } from './boardDrop';
import { TaskDrawer } from './TaskDrawer';
import { MonthBoard } from './MonthBoard';

type Task = Schemas['TaskDto'];
const priorityColor: Record<Schemas['TaskItemPriority'], string> = { Low: 'default', Normal: 'blue', High: 'orange', Urgent: 'red' };
const columnColor: Record<BoardColumn, string> = { overdue: '#ff4d4f', dueToday: '#1668dc', tomorrow: '#13c2c2', restOfWeek: '#8c8c8c', doneThisWeek: '#52c41a' };

/** The weekly board (看板): overdue, today, tomorrow, rest of week, done; drag cards between columns. The monthly
 *  board (?view=month) shows the month's plan and each week. */
export function BoardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'month' ? 'month' : 'week';
  const month = params.get('month') ?? undefined;
  const { token } = theme.useToken();
  const queryClient = useQueryClient();
  // The API's "today" (its time zone may differ from the browser's) anchors the weeks: offset 0 asks for the
  // current week without a parameter, other weeks are counted from the API's today.
  const [offset, setOffset] = useState(0);
  const [anchor, setAnchor] = useState<string | null>(null);
  const base = startOfIsoWeek(dayjs(anchor ?? undefined));
  const monday = base.add(offset * 7, 'day');
  const board = useWeekBoard(offset === 0 ? undefined : isoWeekKey(monday));
  const serverToday = board.data?.today;
  useEffect(() => {
    if (serverToday && !anchor) setAnchor(serverToday);
  }, [serverToday, anchor]);
  const [editing, setEditing] = useState<Task | null | undefined>(undefined);
  const [dragging, setDragging] = useState<{ task: Task; from: BoardColumn } | null>(null);
  const [over, setOver] = useState<BoardColumn | null>(null);
  const [moving, setMoving] = useState(false);

  const drop = async (to: BoardColumn) => {
    setOver(null);
    if (!dragging || !board.data) return;
    const { task, from } = dragging;
    setDragging(null);
    const change = dropChange(task, from, to, board.data.today, monday.add(6, 'day').format('YYYY-MM-DD'));
    if (!change) {
      if (from !== to) showError(new Error(t('work.tasks.cannotMove')));
      return;
    }
    setMoving(true);
    try {
      if (change.dueDate) {
        await updateTask({
          id: task.id, version: task.version,
          body: {
            title: task.title, description: task.description ?? null, customerId: task.customerId ?? null, assigneeId: task.assigneeId,
            dueDate: change.dueDate, dueTime: task.dueTime ?? null, priority: task.priority, boardPeriod: task.boardPeriod ?? null,
          },
        });
      }
      if (change.status) await changeTaskStatus(task.id, change.status);
      showSuccess(t('work.tasks.moved'));
    } catch (error) {
      showError(error);
    } finally {
      setMoving(false);
      await queryClient.invalidateQueries({ queryKey: taskKeys.all });
    }
  };

  const card = (task: Task, column: BoardColumn) => (
    <Card
      key={task.id}
      size="small"
      draggable
      data-testid="task-card"
      onDragStart={(e: DragEvent) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', task.id);
        setDragging({ task, from: column });
      }}
      onDragEnd={() => setDragging(null)}
      onClick={() => setEditing(task)}
      hoverable
      style={{ cursor: 'grab', opacity: dragging?.task.id === task.id ? 0.5 : 1 }}
      styles={{ body: { padding: 8 } }}
    >
      {/* A button, so the card opens from the keyboard too (the drawer changes status and due date without dragging). */}
      <button
        type="button"
        className="crm-card-title"
        onClick={(e) => { e.stopPropagation(); setEditing(task); }}
        style={{ textDecoration: task.status === 'Done' ? 'line-through' : undefined }}
      >
        {task.title}
      </button>
      {task.customerName && task.customerId && (
        <Link to={`/customers/${task.customerId}`} onClick={(e) => e.stopPropagation()} style={{ fontSize: 12 }}>{task.customerName}</Link>
      )}
      <Flex wrap gap={4} style={{ marginTop: 4 }}>
        <Tag color={priorityColor[task.priority]}>{t(`work.enums.taskPriority.${task.priority}`)}</Tag>
        <Tag>{dayjs(task.dueDate).format('MM-DD')}{task.dueTime ? ` ${task.dueTime.slice(0, 5)}` : ''}</Tag>
        {task.status === 'InProgress' && <Tag color="processing">{t('work.enums.taskStatus.InProgress')}</Tag>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{task.assigneeName}</Typography.Text>
      </Flex>
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t('work.tasks.boardTitle')}
        subtitle={`${board.data?.week ?? isoWeekKey(monday)} · ${t('work.tasks.dragHint')}`}
        extra={
          <>
            <Segmented
              value={view}
              onChange={(v) => setParams(v === 'month' ? { view: 'month' } : {}, { replace: true })}
              options={[{ value: 'week', label: t('work.tasks.weekBoard') }, { value: 'month', label: t('work.tasks.monthBoard') }]}
            />
            {view === 'week' && (
              <Space.Compact>
                <Button icon={<LeftOutlined />} aria-label={t('work.tasks.prevWeek')} onClick={() => setOffset(offset - 1)} />
                <Button onClick={() => setOffset(0)}>{t('work.tasks.thisWeek')}</Button>
                <Button icon={<RightOutlined />} aria-label={t('work.tasks.nextWeek')} onClick={() => setOffset(offset + 1)} />
              </Space.Compact>
            )}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>{t('work.tasks.newTask')}</Button>
          </>
        }
      />
      {view === 'month' ? (
        <MonthBoard month={month} onMonth={(m) => setParams(m ? { view: 'month', month: m } : { view: 'month' }, { replace: true })} onOpen={setEditing} />
      ) : board.isPending ? (
        <LoadingBlock />
      ) : board.isError ? (
        <ErrorResult error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          {board.data.focusThisWeek.length > 0 && (
            <Card size="small" title={t('work.tasks.columns.focusThisWeek')} style={{ marginBottom: 12 }}>
              <Flex wrap gap={8}>{board.data.focusThisWeek.map((task) => <Tag key={task.id} color="gold" onClick={() => setEditing(task)} style={{ cursor: 'pointer' }}>{task.title}</Tag>)}</Flex>
            </Card>
          )}
          <Row gutter={12} wrap={false} style={{ overflowX: 'auto', opacity: moving ? 0.6 : 1 }} data-testid="board">
            {boardColumns.map((column) => {
              const tasks = board.data[column];
              return (
                <Col key={column} flex="1 0 220px">
                  <Card
                    size="small"
                    data-testid={`column-${column}`}
                    title={<Space><span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: columnColor[column] }} />{t(`work.tasks.columns.${column}`)}<Tag>{tasks.length}</Tag></Space>}
                    onDragOver={(e: DragEvent) => {
                      e.preventDefault();
                      if (over !== column) setOver(column);
                    }}
                    onDragLeave={() => setOver((o) => (o === column ? null : o))}
                    onDrop={(e: DragEvent) => {
                      e.preventDefault();
                      void drop(column);
                    }}
                    style={{ minHeight: 420, background: over === column ? token.colorPrimaryBg : token.colorFillQuaternary }}
                  >
                    <Flex vertical gap={8}>
                      {tasks.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.tasks.emptyColumn')} /> : tasks.map((task) => card(task, column))}
                    </Flex>
                  </Card>
                </Col>
              );
            })}
          </Row>
        </>
      )}
      <TaskDrawer open={editing !== undefined} task={editing ?? null} today={board.data?.today} onClose={() => setEditing(undefined)} />
    </>
  );
}

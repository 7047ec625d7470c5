import { Button, Card, Col, Empty, Flex, Row, Space, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { useMonthBoard } from '../api/getMonthBoard';

type Task = Schemas['TaskDto'];
const priorityColor: Record<Schemas['TaskItemPriority'], string> = { Low: 'default', Normal: 'blue', High: 'orange', Urgent: 'red' };

/** The monthly board (月看板): what is overdue, the month's plan, and each week's tasks; a card opens the task. */
export function MonthBoard({ month, onMonth, onOpen }: { month?: string; onMonth: (month: string | undefined) => void; onOpen: (task: Task) => void }) {
  const { t } = useTranslation();
  const board = useMonthBoard(month);
  const shown = dayjs(`${board.data?.month ?? month ?? dayjs().format('YYYY-MM')}-01`);

  const column = (key: string, title: string, tasks: Task[], color?: string) => (
    <Col key={key} flex="1 0 200px">
      <Card size="small" data-testid={`month-column-${key}`} title={<Space>{title}<Tag color={color}>{tasks.length}</Tag></Space>} style={{ minHeight: 360 }}>
        <Flex vertical gap={8}>
          {tasks.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.tasks.emptyColumn')} />
          ) : (
            tasks.map((task) => (
              <Card key={task.id} size="small" styles={{ body: { padding: 8 } }}>
                <button type="button" className="crm-card-title" onClick={() => onOpen(task)} style={{ textDecoration: task.status === 'Done' ? 'line-through' : undefined }}>
                  {task.title}
                </button>
                {task.customerName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{task.customerName}</Typography.Text>}
                <Flex wrap gap={4} style={{ marginTop: 4 }}>
                  <Tag color={priorityColor[task.priority]}>{t(`work.enums.taskPriority.${task.priority}`)}</Tag>
                  <Tag>{dayjs(task.dueDate).format('MM-DD')}</Tag>
                  {task.status !== 'ToDo' && <Tag>{t(`work.enums.taskStatus.${task.status}`)}</Tag>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{task.assigneeName}</Typography.Text>
                </Flex>
              </Card>
            ))
          )}
        </Flex>
      </Card>
    </Col>
  );

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>{shown.format('YYYY-MM')}</Typography.Title>
        <Space.Compact>
          <Button icon={<LeftOutlined />} aria-label={t('work.visits.prevMonth')} onClick={() => onMonth(shown.subtract(1, 'month').format('YYYY-MM'))} />
          <Button onClick={() => onMonth(undefined)}>{t('work.visits.thisMonth')}</Button>
          <Button icon={<RightOutlined />} aria-label={t('work.visits.nextMonth')} onClick={() => onMonth(shown.add(1, 'month').format('YYYY-MM'))} />
        </Space.Compact>
      </Flex>
      {board.isPending ? (
        <LoadingBlock />
      ) : board.isError ? (
        <ErrorResult error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }} data-testid="month-board">
          {column('overdue', t('work.tasks.columns.overdue'), board.data.overdue, 'red')}
          {column('plan', t('work.tasks.monthPlan'), board.data.monthPlan, 'gold')}
          {board.data.weeks.map((w) =>
            column(w.week, t('work.tasks.weekColumn', { week: w.week.replace(/^\d{4}-/, ''), from: dayjs(w.from).format('MM-DD'), to: dayjs(w.to).format('MM-DD') }), w.tasks),
          )}
        </Row>
      )}
    </>
  );
}

import { useState } from 'react';
import { Badge, Button, Checkbox, Col, DatePicker, Drawer, Empty, Flex, Form, Input, List, Row, Select, Tag, Typography } from 'antd';
import { CheckSquareOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { formatDate } from '@/components/format';
import { useCreateTask } from '../api/createTask';
import { useChangeTaskStatus } from '../api/changeTaskStatus';
import { useRecordTasks } from '../api/listRecordTasks';

type Task = Schemas['TaskDto'];
type Values = { title: string; description?: string; dueDate: Dayjs; priority: Schemas['TaskItemPriority'] };
const priorities: Schemas['TaskItemPriority'][] = ['Low', 'Normal', 'High', 'Urgent'];
const open = (t: Task) => t.status === 'ToDo' || t.status === 'InProgress';

type Props = {
  /** The record's customer: new tasks are linked to it, and its tasks are listed. */
  customerId: string | null | undefined;
  /** The record itself (visit, complaint, referral); tasks the API made from it are marked and listed first. */
  sourceId?: string;
  /** How the record reads in a task ("投诉 CMP-2026-00042"); written into a new task's description. */
  recordLabel: string;
  canCreate: boolean;
  size?: 'small' | 'middle';
};

/** A "Tasks" button for any record page: a drawer with the tasks linked to the record and a form to add one. */
export function RecordTasksButton({ customerId, sourceId, recordLabel, canCreate, size }: Props) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const tasks = useRecordTasks(customerId, sourceId);
  const create = useCreateTask();
  const status = useChangeTaskStatus();
  const [form] = Form.useForm<Values>();
  const f = (name: string) => t(`work.tasks.fields.${name}`);
  const rows = [...(tasks.data ?? [])].sort((a, b) => Number(b.sourceId === sourceId && !!sourceId) - Number(a.sourceId === sourceId && !!sourceId) || Number(open(b)) - Number(open(a)) || a.dueDate.localeCompare(b.dueDate));
  const openCount = rows.filter(open).length;

  const submit = (v: Values) =>
    create.mutate(
      {
        title: v.title.trim(), description: [v.description?.trim(), t('insights.recordTasks.linkNote', { label: recordLabel })].filter(Boolean).join('\n'),
        dueDate: v.dueDate.format('YYYY-MM-DD'), priority: v.priority, customerId: customerId ?? null,
      },
      {
        onSuccess: () => { showSuccess(t('insights.recordTasks.created')); form.resetFields(); },
        onError: (e) => { if (!applyProblemToForm(form, e, ['title', 'description', 'dueDate', 'priority'])) showError(e); },
      },
    );

  return (
    <>
      <Badge count={openCount} size="small" offset={[-4, 4]}>
        <Button size={size} icon={<CheckSquareOutlined />} onClick={() => setVisible(true)} data-testid="record-tasks-button"
          aria-label={openCount ? t('insights.recordTasks.buttonCount', { count: openCount }) : t('insights.recordTasks.button')}>
          {t('insights.recordTasks.button')}
        </Button>
      </Badge>
      <Drawer open={visible} onClose={() => setVisible(false)} title={`${t('insights.recordTasks.title')} · ${recordLabel}`} size={480} extra={<Link to="/board">{t('insights.recordTasks.openBoard')}</Link>}>
        <List<Task>
          loading={tasks.isPending} dataSource={rows} data-testid="record-tasks"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insights.recordTasks.empty')} /> }}
          renderItem={(task) => (
            <List.Item>
              <Flex gap={8} align="start" style={{ width: '100%' }}>
                <Checkbox
                  checked={task.status === 'Done'} disabled={!canCreate || !(open(task) ? task.allowedNext.includes('Done') : task.allowedNext.includes('ToDo'))}
                  aria-label={task.title} onChange={(e) => status.mutate({ id: task.id, status: e.target.checked ? 'Done' : 'ToDo' })}
                />
                <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text delete={task.status === 'Done'} type={task.status === 'Cancelled' ? 'secondary' : undefined}>{task.title}</Typography.Text>
                  <Flex gap={4} wrap>
                    <Tag>{t(`work.enums.taskStatus.${task.status}`)}</Tag>
                    <Tag color={open(task) && task.dueDate < dayjs().format('YYYY-MM-DD') ? 'red' : undefined}>{f('dueDate')} {formatDate(task.dueDate)}</Tag>
                    <Tag>{task.assigneeName}</Tag>
                    {sourceId && task.sourceId === sourceId && <Tag color="blue">{recordLabel}</Tag>}
                  </Flex>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
        {canCreate && customerId && (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('insights.recordTasks.new')}</Typography.Title>
            <Form form={form} layout="vertical" initialValues={{ dueDate: dayjs().add(1, 'day'), priority: 'Normal' }} onFinish={submit}>
              <Form.Item name="title" label={f('title')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('title') }) }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="description" label={f('description')}>
                <Input.TextArea maxLength={1800} autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="dueDate" label={f('dueDate')} rules={[{ required: true, message: t('common.required', { field: f('dueDate') }) }]}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="priority" label={f('priority')}>
                    <Select options={priorities.map((p) => ({ value: p, label: t(`work.enums.taskPriority.${p}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>{t('insights.recordTasks.add')}</Button>
            </Form>
          </>
        )}
      </Drawer>
    </>
  );
}

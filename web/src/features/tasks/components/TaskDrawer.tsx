import { useEffect, useState } from 'react';
import { Button, Checkbox, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { isoWeekKey } from '@/components/dates';
import { useCreateTask } from '../api/createTask';
import { useUpdateTask } from '../api/updateTask';
import { useAssignableUsers } from '../api/listAssignableUsers';
import { useCustomerSearch } from '../api/searchCustomers';

type Values = {
  title: string; description?: string; dueDate: Dayjs; dueTime?: Dayjs | null; priority: Schemas['TaskItemPriority'];
  customerId?: string | null; assigneeId?: string; focus?: boolean;
};
const priorities: Schemas['TaskItemPriority'][] = ['Low', 'Normal', 'High', 'Urgent'];

/** Creates a task, or edits one (PUT with If-Match). */
/** `today` is the organisation's date from the board (the API's time zone may differ from the browser's). */
export function TaskDrawer({ open, task, today, onClose }: { open: boolean; task: Schemas['TaskDto'] | null; today?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const customers = useCustomerSearch(q);
  const users = useAssignableUsers();
  const create = useCreateTask();
  const update = useUpdateTask();
  const f = (name: string) => t(`work.tasks.fields.${name}`);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      task
        ? {
            title: task.title, description: task.description ?? '', dueDate: dayjs(task.dueDate), dueTime: task.dueTime ? dayjs(`2000-01-01T${task.dueTime}`) : null,
            priority: task.priority, customerId: task.customerId ?? null, assigneeId: task.assigneeId, focus: !!task.boardPeriod,
          }
        : { dueDate: today ? dayjs(today) : dayjs(), priority: 'Normal', focus: false },
    );
  }, [open, task, today, form]);

  const customerOptions = [
    ...(task?.customerId && task.customerName ? [{ value: task.customerId, label: task.customerName }] : []),
    ...(customers.data ?? []).filter((c) => c.id !== task?.customerId).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` })),
  ];

  const submit = (v: Values) => {
    const body: Schemas['TaskInput'] = {
      title: v.title.trim(), description: v.description?.trim() || null, dueDate: v.dueDate.format('YYYY-MM-DD'),
      dueTime: v.dueTime ? v.dueTime.format('HH:mm:ss') : null, priority: v.priority, customerId: v.customerId ?? null,
      assigneeId: v.assigneeId ?? null, boardPeriod: v.focus ? task?.boardPeriod ?? isoWeekKey(v.dueDate) : null,
    };
    const handlers = {
      onSuccess: () => {
        showSuccess(task ? t('work.tasks.updated') : t('work.tasks.created'));
        onClose();
      },
      onError: (error: unknown) => {
        if (!applyProblemToForm(form, error, ['title', 'description', 'dueDate', 'dueTime', 'priority', 'customerId', 'assigneeId'])) showError(error);
      },
    };
    if (task) update.mutate({ id: task.id, version: task.version, body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={task ? t('work.tasks.editTask') : t('work.tasks.newTask')}
      size={480}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>{t('common.save')}</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="title" label={f('title')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('title') }) }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={f('description')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="dueDate" label={f('dueDate')} rules={[{ required: true, message: t('common.required', { field: f('dueDate') }) }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dueTime" label={f('dueTime')}>
              <TimePicker format="HH:mm" minuteStep={15} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="priority" label={f('priority')} rules={[{ required: true }]}>
          <Select options={priorities.map((p) => ({ value: p, label: t(`work.enums.taskPriority.${p}`) }))} />
        </Form.Item>
        <Form.Item name="customerId" label={f('customer')}>
          <Select allowClear showSearch={{ filterOption: false, onSearch: setQ }} options={customerOptions} loading={customers.isFetching} />
        </Form.Item>
        <Form.Item name="assigneeId" label={f('assignee')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={users.isPending} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
        </Form.Item>
        <Form.Item name="focus" valuePropName="checked">
          <Checkbox>{f('focus')}</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  );
}

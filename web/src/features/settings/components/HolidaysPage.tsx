import { Button, Card, DatePicker, Empty, Flex, Form, Input, Popconfirm, Switch, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { formatDate } from '@/components/format';
import { useHolidays } from '../api/listHolidays';
import { useSetHoliday } from '../api/setHoliday';
import { useRemoveHoliday } from '../api/removeHoliday';

type Values = { date: Dayjs; name: string; isWorkingDay: boolean };

/** Holidays and make-up working days of a year (Admin); the target split counts working days with them. */
export function HolidaysPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year();
  const holidays = useHolidays(year);
  const set = useSetHoliday();
  const remove = useRemoveHoliday();
  const [form] = Form.useForm<Values>();
  const f = (name: string, values: Record<string, unknown> = {}) => t(`insights.settings.holidays.${name}`, values);

  return (
    <>
      <PageHeader
        title={f('title')} subtitle={f('subtitle')}
        extra={<DatePicker picker="year" allowClear={false} aria-label={f('year')} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setParams({ year: String(d.year()) }, { replace: true })} />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={form} layout="inline" initialValues={{ isWorkingDay: false }}
          onFinish={(v) => set.mutate(
            { date: v.date.format('YYYY-MM-DD'), name: v.name.trim(), isWorkingDay: v.isWorkingDay },
            {
              onSuccess: () => { showSuccess(f('saved')); form.resetFields(); if (v.date.year() !== year) setParams({ year: String(v.date.year()) }, { replace: true }); },
              onError: (e) => { if (!applyProblemToForm(form, e, ['date', 'name', 'isWorkingDay'])) showError(e); },
            },
          )}
        >
          <Form.Item name="date" label={f('date')} rules={[{ required: true, message: t('common.required', { field: f('date') }) }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('name') }) }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="isWorkingDay" label={f('isWorkingDay')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={set.isPending}>{f('add')}</Button>
          </Form.Item>
        </Form>
      </Card>
      {holidays.isError ? (
        <ErrorResult error={holidays.error} onRetry={() => void holidays.refetch()} />
      ) : (
        <Card size="small">
          <Table<Schemas['HolidayDto']>
            rowKey="date" size="small" loading={holidays.isPending} dataSource={holidays.data ?? []} pagination={false} data-testid="holidays-table"
            locale={{ emptyText: <Empty description={f('empty')} /> }}
            columns={[
              { title: f('date'), width: 140, render: (_, h) => formatDate(h.date) },
              { title: f('name'), dataIndex: 'name' },
              { title: f('kind'), width: 120, render: (_, h) => (h.isWorkingDay ? <Tag color="blue">{f('workingDay')}</Tag> : <Tag color="red">{f('holiday')}</Tag>) },
              {
                title: t('common.actions'), width: 100,
                render: (_, h) => (
                  <Flex>
                    <Popconfirm title={f('removeConfirm', { date: formatDate(h.date), name: h.name })} okText={t('common.confirm')} cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutateAsync(h.date).then(() => showSuccess(f('removed'))).catch(() => undefined)}>
                      <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={`${f('remove')} ${formatDate(h.date)}`}>{f('remove')}</Button>
                    </Popconfirm>
                  </Flex>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}

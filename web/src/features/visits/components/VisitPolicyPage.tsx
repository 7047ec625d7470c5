import { useEffect } from 'react';
import { Button, Card, Form, InputNumber, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { showSuccess } from '@/components/feedback';
import { useVisitPolicy } from '../api/getVisitPolicy';
import { useUpdateVisitPolicy } from '../api/updateVisitPolicy';

type Values = { levels: Schemas['VisitPolicyLevelDto'][] };

/** The visit frequency policy (拜访频率): minimum visits per ISO week by customer level (Admin). */
export function VisitPolicyPage() {
  const { t } = useTranslation();
  const policy = useVisitPolicy();
  const update = useUpdateVisitPolicy();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (policy.data) form.setFieldsValue({ levels: policy.data.levels });
  }, [policy.data, form]);
  if (policy.isPending) return <LoadingBlock />;
  if (policy.isError) return <ErrorResult error={policy.error} onRetry={() => void policy.refetch()} />;
  const p = policy.data;
  return (
    <>
      <PageHeader title={t('work.visits.policy.title')} subtitle={t('work.visits.policy.subtitle')} />
      <Card style={{ maxWidth: 720 }}>
        <Form form={form} onFinish={(v) => update.mutate({ version: p.version, body: { levels: v.levels } }, { onSuccess: () => showSuccess(t('common.saved')) })}>
          <Form.List name="levels">
            {(fields) => (
              <Table
                rowKey="key"
                pagination={false}
                dataSource={fields}
                columns={[
                  { title: t('work.visits.fields.level'), render: (_, field) => t(`enums.level.${p.levels[field.name]?.level ?? 'C'}`) },
                  {
                    title: t('work.visits.policy.minOnSite'),
                    render: (_, field) => (
                      <Form.Item name={[field.name, 'minOnSitePerWeek']} noStyle><InputNumber min={0} max={14} aria-label={t('work.visits.policy.minOnSite')} /></Form.Item>
                    ),
                  },
                  {
                    title: t('work.visits.policy.minTotal'),
                    render: (_, field) => (
                      <Form.Item name={[field.name, 'minTotalPerWeek']} noStyle><InputNumber min={0} max={14} aria-label={t('work.visits.policy.minTotal')} /></Form.Item>
                    ),
                  },
                ]}
              />
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={update.isPending} style={{ marginTop: 16 }}>{t('common.save')}</Button>
        </Form>
      </Card>
    </>
  );
}

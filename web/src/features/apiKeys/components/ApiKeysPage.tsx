import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, DatePicker, Empty, Form, Input, Modal, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { formatDateTime } from '@/components/format';
import { useApiKeys } from '../api/listApiKeys';
import { useCreateApiKey } from '../api/createApiKey';
import { useRevokeApiKey } from '../api/revokeApiKey';
import { useApiKeyScopes } from '../api/listApiKeyScopes';

type ApiKey = Schemas['ApiKeyDto'];

/** "customers:read" → "客户：读取" (an area the SPA has no word for shows as the API names it). */
function useScopeLabel() {
  const { t } = useTranslation();
  return (scope: string) => {
    const [area = '', access = ''] = scope.split(':');
    return t('apiKeys.scopeLabel', { area: t(`apiKeys.scopeArea.${area}`, { defaultValue: area }), access: t(`apiKeys.scopeAccess.${access}`, { defaultValue: access }) });
  };
}

function CreateApiKeyModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; scopes: string[]; expiresAt?: Dayjs | null }>();
  const create = useCreateApiKey();
  const scopes = useApiKeyScopes();
  const scopeLabel = useScopeLabel();
  const f = (name: string) => t(`apiKeys.fields.${name}`);
  return (
    <Modal
      open={open}
      title={t('apiKeys.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ scopes: ['customers:read'] }}
        onFinish={(v) =>
          create.mutate(
            { name: v.name.trim(), scopes: v.scopes, expiresAt: v.expiresAt ? v.expiresAt.endOf('day').toISOString() : null },
            {
              onSuccess: (created) => {
                form.resetFields();
                onCreated(created.key);
              },
              onError: (error) => {
                if (!applyProblemToForm(form, error, ['name', 'scopes', 'expiresAt'])) showError(error);
              },
            },
          )
        }
      >
        <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="scopes" label={f('scopes')} rules={[{ required: true, type: 'array', min: 1, message: t('common.required', { field: f('scopes') }) }]}>
          {scopes.isPending ? (
            <Skeleton.Input active block />
          ) : (
            <Checkbox.Group options={(scopes.data ?? []).map((s) => ({ value: s, label: scopeLabel(s) }))} style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 4 }} />
          )}
        </Form.Item>
        <Form.Item name="expiresAt" label={f('expiresAt')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} placeholder={t('apiKeys.neverExpires')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ApiKeysPage() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const scopeLabel = useScopeLabel();
  const f = (name: string) => t(`apiKeys.fields.${name}`);

  const status = (k: ApiKey) =>
    k.revokedAt ? (
      <Badge status="default" text={t('apiKeys.revoked')} />
    ) : k.expiresAt && dayjs(k.expiresAt).isBefore(dayjs()) ? (
      <Badge status="warning" text={t('apiKeys.expired')} />
    ) : (
      <Badge status="success" text={t('apiKeys.active')} />
    );

  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('apiKeys.create')}
          </Button>
        }
      />
      {keys.isError ? (
        <ErrorResult error={keys.error} onRetry={() => void keys.refetch()} />
      ) : (
        <Table<ApiKey>
          rowKey="id"
          loading={keys.isPending}
          dataSource={keys.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('apiKeys.empty')} /> }}
          columns={[
            { title: f('name'), dataIndex: 'name' },
            { title: f('prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
            {
              title: f('scopes'), dataIndex: 'scopes',
              render: (s: string[]) => (
                <Space wrap size={[4, 4]}>
                  {s.map((scope) => (
                    <Tag key={scope}>{scopeLabel(scope)}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: f('status'), key: 'status', width: 100, render: (_, k) => status(k) },
            { title: f('createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
            { title: f('lastUsedAt'), dataIndex: 'lastUsedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : t('apiKeys.neverUsed')) },
            { title: f('expiresAt'), dataIndex: 'expiresAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : t('apiKeys.neverExpires')) },
            {
              title: t('common.actions'), key: 'actions', width: 90, fixed: 'right',
              render: (_, k) =>
                !k.revokedAt && (
                  <Popconfirm
                    title={t('apiKeys.revokeConfirm')}
                    okText={t('apiKeys.revoke')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => revoke.mutateAsync(k.id).then(() => showSuccess(t('apiKeys.revokedMsg'))).catch(() => undefined)}
                  >
                    <Button size="small" danger>
                      {t('apiKeys.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      <CreateApiKeyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setSecret(key);
        }}
      />
      <Modal
        open={secret !== null}
        title={t('apiKeys.secretTitle')}
        onCancel={() => setSecret(null)}
        footer={<Button type="primary" onClick={() => setSecret(null)}>{t('common.close')}</Button>}
        mask={{ closable: false }}
        destroyOnHidden // the secret leaves the page with the dialog: shown once, never again
      >
        <Alert type="warning" showIcon title={t('apiKeys.secretBody')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          code
          copyable={{ text: secret ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
          style={{ wordBreak: 'break-all', fontSize: 13 }}
          data-testid="api-key-secret"
        >
          {secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Form, Input, Modal, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined, UserAddOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useTeams } from '../api/listTeams';
import { useCreateTeam } from '../api/createTeam';
import { useAddTeamMember } from '../api/addTeamMember';
import { useRemoveTeamMember } from '../api/removeTeamMember';
import { useUserOptions } from '../api/listUserOptions';

type Team = Schemas['TeamDto'];

function TeamCard({ team }: { team: Team }) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const add = useAddTeamMember();
  const remove = useRemoveTeamMember();
  const [picked, setPicked] = useState<string>();
  const memberIds = new Set(team.members.map((m) => m.id));

  return (
    <Card
      title={team.name}
      extra={<Typography.Text type="secondary">{t('teams.manager')}: {team.managerName ?? '—'}</Typography.Text>}
      style={{ height: '100%' }}
    >
      <Typography.Text strong>
        {t('teams.members')} ({team.members.length})
      </Typography.Text>
      <div style={{ margin: '8px 0 16px', minHeight: 32 }}>
        {team.members.length === 0 ? (
          <Typography.Text type="secondary">{t('teams.noMembers')}</Typography.Text>
        ) : (
          <Space wrap size={[4, 8]}>
            {team.members.map((m) => (
              <Tag key={m.id} style={{ paddingInlineEnd: 2 }}>
                {m.displayName} · {t(`role.${m.role}`)}
                <Popconfirm
                  title={t('teams.removeConfirm', { name: m.displayName })}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove
                      .mutateAsync({ teamId: team.id, userId: m.id, version: team.version })
                      .then(() => showSuccess(t('teams.memberRemoved')))
                      .catch(() => undefined)
                  }
                >
                  <Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('teams.removeMember', { name: m.displayName })} />
                </Popconfirm>
              </Tag>
            ))}
          </Space>
        )}
      </div>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: '100%' }}
          aria-label={`${t('teams.addMember')} · ${team.name}`}
          placeholder={t('teams.pickUser')}
          loading={users.isPending}
          value={picked}
          onChange={setPicked}
          options={(users.data ?? []).filter((u) => !memberIds.has(u.id) && !u.isDisabled).map((u) => ({ value: u.id, label: `${u.displayName} (${t(`role.${u.role}`)})` }))}
        />
        <Button
          icon={<UserAddOutlined />}
          disabled={!picked}
          loading={add.isPending}
          onClick={() =>
            picked &&
            add.mutate({ teamId: team.id, userId: picked }, { onSuccess: () => (setPicked(undefined), showSuccess(t('teams.memberAdded'))) })
          }
        >
          {t('teams.addMember')}
        </Button>
      </Space.Compact>
    </Card>
  );
}

function CreateTeamModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; managerId?: string }>();
  const create = useCreateTeam();
  const users = useUserOptions();
  return (
    <Modal
      open={open}
      title={t('teams.create')}
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
        onFinish={(v) =>
          create.mutate(
            { name: v.name.trim(), managerId: v.managerId ?? null },
            {
              onSuccess: () => {
                showSuccess(t('teams.created'));
                form.resetFields();
                onClose();
              },
              onError: (error) => {
                if (!applyProblemToForm(form, error, ['name', 'managerId'])) showError(error);
              },
            },
          )
        }
      >
        <Form.Item name="name" label={t('teams.fields.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('teams.fields.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="managerId" label={t('teams.fields.manager')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={users.isPending}
            options={(users.data ?? []).filter((u) => u.role === 'Manager' || u.role === 'Admin').map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('teams.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('teams.create')}
          </Button>
        }
      />
      {teams.isPending ? (
        <LoadingBlock />
      ) : teams.isError ? (
        <ErrorResult error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data.length === 0 ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Empty description={t('teams.empty')} />
        </Flex>
      ) : (
        <Row gutter={[16, 16]}>
          {teams.data.map((team) => (
            <Col key={team.id} xs={24} lg={12}>
              <TeamCard team={team} />
            </Col>
          ))}
        </Row>
      )}
      <CreateTeamModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

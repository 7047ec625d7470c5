import { useMemo, useState } from 'react';
import { Badge, Button, Empty, Flex, Popconfirm, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { showSuccess } from '@/components/feedback';
import { formatDate } from '@/components/format';
import { useMe } from '@/lib/session/session';
import { useUsers } from '../api/listUsers';
import { useTeamOptions } from '../api/listTeamOptions';
import { useDisableUser } from '../api/disableUser';
import { useEnableUser } from '../api/enableUser';
import { useChangeUserRole } from '../api/changeUserRole';
import { CreateUserModal } from './CreateUserModal';
import { roleColor, roles } from './roles';

type User = Schemas['UserDto'];

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [role, setRole] = useState<Schemas['Role']>();
  const users = useUsers(role);
  const teams = useTeamOptions();
  const disable = useDisableUser();
  const enable = useEnableUser();
  const changeRole = useChangeUserRole();
  const [creating, setCreating] = useState(false);
  const rows = useMemo(() => users.data?.pages.flatMap((p) => p.items) ?? [], [users.data]);
  const teamName = (id: string | null | undefined) => teams.data?.find((team) => team.id === id)?.name ?? '—';
  const f = (name: string) => t(`users.fields.${name}`);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <>
            <Select
              allowClear
              aria-label={t('users.filterRole')}
              placeholder={t('users.filterRole')}
              style={{ width: 160 }}
              value={role}
              onChange={setRole}
              options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          </>
        }
      />
      {users.isError ? (
        <ErrorResult error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          loading={users.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('users.empty')} /> }}
          columns={[
            { title: f('displayName'), dataIndex: 'displayName' },
            { title: f('email'), dataIndex: 'email' },
            {
              title: f('role'), dataIndex: 'role', width: 200,
              render: (value: Schemas['Role'], u) =>
                u.id === me.id ? (
                  <Tag color={roleColor[value]}>{t(`role.${value}`)}</Tag>
                ) : (
                  <Select
                    size="small"
                    aria-label={`${t('users.changeRole')} ${u.displayName}`}
                    value={value}
                    style={{ width: 150 }}
                    loading={changeRole.isPending && changeRole.variables?.id === u.id}
                    onChange={(next: Schemas['Role']) => changeRole.mutate({ id: u.id, role: next }, { onSuccess: () => showSuccess(t('users.roleChanged')) })}
                    options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
                  />
                ),
            },
            { title: f('team'), dataIndex: 'teamId', render: teamName },
            {
              title: f('status'), dataIndex: 'isDisabled', width: 100,
              render: (disabled: boolean) => <Badge status={disabled ? 'default' : 'success'} text={disabled ? t('users.disabled') : t('users.active')} />,
            },
            { title: f('createdAt'), dataIndex: 'createdAt', width: 120, render: formatDate },
            {
              title: t('common.actions'), key: 'actions', width: 100, fixed: 'right',
              render: (_, u) =>
                u.id === me.id ? null : u.isDisabled ? (
                  <Button size="small" loading={enable.isPending && enable.variables === u.id} onClick={() => enable.mutate(u.id, { onSuccess: () => showSuccess(t('users.enabledMsg')) })}>
                    {t('users.enable')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('users.disableConfirm')}
                    okText={t('users.disable')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => disable.mutateAsync(u.id).then(() => showSuccess(t('users.disabledMsg'))).catch(() => undefined)}
                  >
                    <Button size="small" danger>
                      {t('users.disable')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      {users.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

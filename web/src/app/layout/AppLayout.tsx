import { Suspense, useState } from 'react';
import { Avatar, Button, Dropdown, Flex, Grid, Layout, Menu, Typography, theme, type MenuProps } from 'antd';
import {
  ApiOutlined, HomeOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined,
  TeamOutlined, UserOutlined, ContactsOutlined, CalendarOutlined, CarryOutOutlined, AuditOutlined, BarChartOutlined,
  AlertOutlined, BookOutlined, SettingOutlined, ProjectOutlined, ShareAltOutlined, PieChartOutlined,
  FundOutlined, HeartOutlined, FormOutlined, AimOutlined, BellOutlined, FieldTimeOutlined, ProfileOutlined, CrownOutlined, ScheduleOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { LoadingBlock } from '@/components/LoadingBlock';
import { hasRole, useMe, useSession } from '@/lib/session/session';
import { useLogOut } from '@/features/auth/api/logOut';
import { OverdueBadge } from '@/features/tasks/components/OverdueBadge';
import { roles } from '../roles';

function selectedKey(pathname: string): string {
  if (pathname.startsWith('/customers')) return '/customers';
  for (const key of ['/visits/my-week', '/visits/review', '/visits/compliance', '/complaints/stats', '/complaints/answers']) if (pathname.startsWith(key)) return key;
  for (const key of ['/visits', '/complaints', '/board', '/referrals']) if (pathname.startsWith(key)) return key;
  if (pathname.startsWith('/admin/') || pathname.startsWith('/analytics/')) return pathname.split('/').slice(0, 3).join('/');
  return '/';
}

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useMe();
  const { signedOut } = useSession();
  const logOut = useLogOut();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const isCollapsed = collapsed ?? !screens.xl;

  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    { key: '/customers', icon: <ContactsOutlined />, label: <Link to="/customers">{t('nav.customers')}</Link> },
    {
      key: 'work',
      label: t('work.nav.work'),
      type: 'group' as const,
      children: [
        ...(hasRole(me, ...roles.visits) ? [{ key: '/visits/my-week', icon: <CarryOutOutlined />, label: <Link to="/visits/my-week">{t('work.nav.myWeek')}</Link> }] : []),
        ...(hasRole(me, ...roles.visits) ? [{ key: '/visits', icon: <CalendarOutlined />, label: <Link to="/visits">{t('work.nav.visits')}</Link> }] : []),
        ...(hasRole(me, ...roles.review) ? [{ key: '/visits/review', icon: <AuditOutlined />, label: <Link to="/visits/review">{t('work.nav.reviewQueue')}</Link> }] : []),
        ...(hasRole(me, ...roles.compliance) ? [{ key: '/visits/compliance', icon: <BarChartOutlined />, label: <Link to="/visits/compliance">{t('work.nav.compliance')}</Link> }] : []),
        ...(hasRole(me, ...roles.complaints) ? [{ key: '/complaints', icon: <AlertOutlined />, label: <Link to="/complaints">{t('work.nav.complaints')}</Link> }] : []),
        ...(hasRole(me, ...roles.complaintStats) ? [{ key: '/complaints/stats', icon: <PieChartOutlined />, label: <Link to="/complaints/stats">{t('work.nav.complaintStats')}</Link> }] : []),
        ...(hasRole(me, ...roles.standardAnswers) ? [{ key: '/complaints/answers', icon: <BookOutlined />, label: <Link to="/complaints/answers">{t('work.nav.standardAnswers')}</Link> }] : []),
        ...(hasRole(me, ...roles.referrals) ? [{ key: '/referrals', icon: <ShareAltOutlined />, label: <Link to="/referrals">{t('work.nav.referrals')}</Link> }] : []),
        { key: '/board', icon: <ProjectOutlined />, label: <Link to="/board">{t('work.nav.board')}</Link> },
      ],
    },
    ...(hasRole(me, ...roles.analytics, ...roles.reminders)
      ? [
          {
            key: 'analytics',
            label: t('insights.nav.analytics'),
            type: 'group' as const,
            children: [
              ...(hasRole(me, ...roles.analytics) ? [{ key: '/analytics/composition', icon: <FundOutlined />, label: <Link to="/analytics/composition">{t('insights.nav.composition')}</Link> }] : []),
              ...(hasRole(me, ...roles.analytics) ? [{ key: '/analytics/loyalty', icon: <HeartOutlined />, label: <Link to="/analytics/loyalty">{t('insights.nav.loyalty')}</Link> }] : []),
              ...(hasRole(me, ...roles.targets) ? [{ key: '/analytics/targets', icon: <AimOutlined />, label: <Link to="/analytics/targets">{t('insights.nav.targets')}</Link> }] : []),
              ...(hasRole(me, ...roles.assessments) ? [{ key: '/analytics/assessments-due', icon: <FormOutlined />, label: <Link to="/analytics/assessments-due">{t('insights.nav.assessmentsDue')}</Link> }] : []),
              ...(hasRole(me, ...roles.reminders) ? [{ key: '/analytics/reminders', icon: <BellOutlined />, label: <Link to="/analytics/reminders">{t('insights.nav.reminders')}</Link> }] : []),
            ],
          },
        ]
      : []),
    ...(hasRole(me, 'Admin')
      ? [
          {
            key: 'admin',
            label: t('nav.admin'),
            type: 'group' as const,
            children: [
              { key: '/admin/users', icon: <UserOutlined />, label: <Link to="/admin/users">{t('nav.users')}</Link> },
              { key: '/admin/teams', icon: <TeamOutlined />, label: <Link to="/admin/teams">{t('nav.teams')}</Link> },
              { key: '/admin/api-keys', icon: <ApiOutlined />, label: <Link to="/admin/api-keys">{t('nav.apiKeys')}</Link> },
              { key: '/admin/visit-policy', icon: <SettingOutlined />, label: <Link to="/admin/visit-policy">{t('work.nav.visitPolicy')}</Link> },
              { key: '/admin/complaint-sla', icon: <FieldTimeOutlined />, label: <Link to="/admin/complaint-sla">{t('insights.nav.complaintSla')}</Link> },
              { key: '/admin/scorecard', icon: <ProfileOutlined />, label: <Link to="/admin/scorecard">{t('insights.nav.scorecard')}</Link> },
              { key: '/admin/loyalty', icon: <CrownOutlined />, label: <Link to="/admin/loyalty">{t('insights.nav.loyaltySettings')}</Link> },
              { key: '/admin/holidays', icon: <ScheduleOutlined />, label: <Link to="/admin/holidays">{t('insights.nav.holidays')}</Link> },
            ],
          },
        ]
      : []),
  ];

  const userMenu: MenuProps = {
    items: [
      { key: 'who', label: <Typography.Text type="secondary">{me.email}</Typography.Text>, disabled: true },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'logout') logOut.mutate(undefined, { onSettled: signedOut });
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={isCollapsed}
        onCollapse={setCollapsed}
        trigger={null}
        width={216}
        theme="light"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: 0, height: '100vh' }}
      >
        <Flex align="center" gap={10} style={{ height: 56, paddingInline: isCollapsed ? 24 : 20 }}>
          <div
            aria-hidden
            style={{ width: 30, height: 30, flex: 'none', borderRadius: 8, background: token.colorPrimary, color: '#fff', display: 'grid', placeItems: 'center', fontSize: 11, fontWeight: 700 }}
          >
            {t('app.shortName')}
          </div>
          {!isCollapsed && (
            <Typography.Text strong ellipsis style={{ fontSize: 15 }}>
              {t('app.name')}
            </Typography.Text>
          )}
        </Flex>
        <nav aria-label={t('nav.mainMenu')}>
          <Menu mode="inline" selectedKeys={[selectedKey(location.pathname)]} items={items} style={{ borderInlineEnd: 0 }} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer, paddingInline: 16, height: 56, lineHeight: '56px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`, position: 'sticky', top: 0, zIndex: 10,
          }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Button
              type="text"
              aria-label={t('nav.toggleMenu')}
              icon={isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!isCollapsed)}
            />
            <Flex align="center" gap={12}>
              <OverdueBadge />
              <LanguageSwitch />
              <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
                <Button type="text" title={t('header.userMenu')} data-testid="user-menu" style={{ height: 40 }}>
                  <Flex align="center" gap={8}>
                    <Avatar size="small" style={{ background: token.colorPrimary }}>
                      {me.displayName.slice(0, 1)}
                    </Avatar>
                    <Flex vertical align="start" style={{ lineHeight: 1.2 }}>
                      <Typography.Text strong>{me.displayName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`role.${me.role}`, { defaultValue: me.role })}
                      </Typography.Text>
                    </Flex>
                  </Flex>
                </Button>
              </Dropdown>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: screens.md ? 24 : 12 }}>
          <main>
            <Suspense fallback={<LoadingBlock minHeight={400} />}>
              <ErrorBoundary key={location.pathname}>
                <Outlet />
              </ErrorBoundary>
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

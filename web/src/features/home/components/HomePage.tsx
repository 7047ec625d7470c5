import type { ReactNode } from 'react';
import { Button, Card, Col, Flex, Row, Skeleton, Statistic, Typography, theme } from 'antd';
import { AlertOutlined, CrownOutlined, PlusOutlined, RiseOutlined, TeamOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '@/lib/session/session';
import { useCustomerCount } from '../api/countCustomers';
import { DashboardCharts, type DashboardLinks } from './DashboardCharts';

function CountCard({ title, icon, color, filters, to }: { title: string; icon: ReactNode; color: string; filters: Record<string, string | boolean>; to: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const count = useCustomerCount(filters);
  return (
    <Card hoverable onClick={() => navigate(to)} role="link" tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && navigate(to)}>
      <Flex justify="space-between" align="center">
        {count.isPending ? (
          <Skeleton active paragraph={false} title={{ width: 120 }} />
        ) : (
          <Statistic
            title={title}
            value={count.isError ? '—' : count.data.more ? t('home.atLeast', { count: count.data.count }) : count.data.count}
          />
        )}
        <div style={{ fontSize: 28, color, background: `${color}14`, borderRadius: 12, width: 56, height: 56, display: 'grid', placeItems: 'center' }} aria-hidden>
          {icon}
        </div>
      </Flex>
    </Card>
  );
}

/** Home: the user's customer counts, the dashboard charts and quick links. `links` says which list pages the user may open. */
export function HomePage({ links }: { links: DashboardLinks }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const me = useMe();
  const navigate = useNavigate();
  const mine = { ownerId: me.id };
  const scope = hasRole(me, 'Rep') ? mine : {};
  const toList = (params: Record<string, string>) => `/customers?${new URLSearchParams(params).toString()}`;

  return (
    <>
      <Card style={{ marginBottom: 16, background: `linear-gradient(120deg, ${token.colorPrimaryBg}, ${token.colorBgContainer})` }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.intro')}</Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <CountCard title={t('home.myCustomers')} icon={<TeamOutlined />} color={token.colorPrimary} filters={mine} to={toList({ ownerId: me.id })} />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <CountCard title={t('home.keyAccounts')} icon={<CrownOutlined />} color={token.colorWarning} filters={{ ...scope, isKeyAccount: true }} to={toList({ ...scope, isKeyAccount: 'true' })} />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <CountCard title={t('home.alerted')} icon={<AlertOutlined />} color={token.colorError} filters={{ ...scope, isAlerted: true }} to={toList({ ...scope, isAlerted: 'true' })} />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <CountCard title={t('home.prospects')} icon={<RiseOutlined />} color={token.colorSuccess} filters={{ ...scope, lifecycle: 'Prospect' }} to={toList({ ...scope, lifecycle: 'Prospect' })} />
        </Col>
      </Row>
      <Card title={t('home.quickLinks')} style={{ marginTop: 16 }}>
        <Flex gap={12} wrap>
          {hasRole(me, 'Admin', 'Manager', 'Rep') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
              {t('home.newCustomer')}
            </Button>
          )}
          <Button icon={<UnorderedListOutlined />} onClick={() => navigate('/customers')}>
            {t('home.browseCustomers')}
          </Button>
        </Flex>
      </Card>
      <DashboardCharts links={links} />
    </>
  );
}

import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { formatDate, formatDateTime, formatNumber, orDash } from '@/components/format';
import { enumLabel } from './enumOptions';
import { LevelTag, LifecycleTag } from './CustomerTags';

type Customer = Schemas['CustomerDto'];

function Group({ title, items }: { title: string; items: { label: string; children: ReactNode; span?: number }[] }) {
  return (
    <Card title={title} size="small" style={{ height: '100%' }}>
      <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" items={items.map((item, i) => ({ key: i, ...item }))} />
    </Card>
  );
}

/** Every profile group of the customer (背景属性 / 状态属性 / 联系属性, classifications, personal profile,
 *  important dates, tags), read-only. */
export function CustomerOverview({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const f = (name: string) => t(`customers.fields.${name}`);
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Group
          title={t('customers.groups.background')}
          items={[
            { label: f('name'), children: c.name },
            { label: f('code'), children: c.code },
            { label: f('kind'), children: enumLabel(t, 'kind', c.kind) },
            { label: f('enterpriseType'), children: enumLabel(t, 'enterpriseType', c.enterpriseType) },
            { label: f('industry'), children: orDash(c.industry) },
            { label: f('region'), children: orDash(c.region) },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Group
          title={t('customers.groups.status')}
          items={[
            { label: f('level'), children: <LevelTag level={c.level} /> },
            { label: f('lifecycle'), children: <LifecycleTag lifecycle={c.lifecycle} /> },
            { label: f('isKeyAccount'), children: yesNo(c.isKeyAccount) },
            { label: f('points'), children: formatNumber(c.points) },
            { label: f('creditRating'), children: enumLabel(t, 'creditRating', c.creditRating) },
            { label: f('isAlerted'), children: c.isAlerted ? <Tag color="red">{t('customers.alert')}</Tag> : t('common.no') },
            ...(c.isAlerted ? [{ label: f('alertReason'), children: orDash(c.alertReason), span: 2 }] : []),
            ...(c.archivedAt ? [{ label: f('archivedAt'), children: formatDateTime(c.archivedAt) }] : []),
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Group
          title={t('customers.groups.contact')}
          items={[
            { label: f('address'), children: orDash(c.address), span: 2 },
            { label: f('postcode'), children: orDash(c.postcode) },
            { label: f('phone'), children: orDash(c.phone) },
            { label: f('fax'), children: orDash(c.fax) },
            { label: f('email'), children: c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—' },
            { label: f('website'), children: orDash(c.website) },
            { label: f('owner'), children: c.ownerName },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Group
          title={t('customers.groups.classification')}
          items={[
            { label: f('state'), children: enumLabel(t, 'state', c.state) },
            { label: f('origin'), children: enumLabel(t, 'origin', c.origin) },
            { label: f('chainPosition'), children: enumLabel(t, 'chainPosition', c.chainPosition) },
            { label: f('leadSource'), children: enumLabel(t, 'leadSource', c.leadSource) },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Group
          title={t('customers.groups.profile')}
          items={[
            { label: f('gender'), children: enumLabel(t, 'gender', c.profile.gender) },
            { label: f('birthday'), children: formatDate(c.profile.birthday) },
            { label: f('occupation'), children: orDash(c.profile.occupation) },
            { label: f('incomeBand'), children: enumLabel(t, 'incomeBand', c.profile.incomeBand) },
            { label: f('hobbies'), children: orDash(c.profile.hobbies) },
            { label: f('personality'), children: orDash(c.profile.personality) },
            { label: f('family'), children: orDash(c.profile.family), span: 2 },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('customers.groups.importantDates')} size="small">
            {c.importantDates.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
            ) : (
              <Descriptions column={1} size="small" items={c.importantDates.map((d, i) => ({ key: i, label: d.label, children: formatDate(d.date) }))} />
            )}
          </Card>
          <Card title={t('customers.groups.tags')} size="small">
            {c.tags.length === 0 ? (
              <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
            ) : (
              <Space wrap size={[4, 8]}>
                {c.tags.map((tag) => (
                  <Tag key={tag} color="blue">
                    {tag}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
          <Card title={t('customers.groups.system')} size="small">
            <Descriptions
              column={2}
              size="small"
              items={[
                { key: 'c', label: f('createdAt'), children: formatDateTime(c.createdAt) },
                { key: 'u', label: f('updatedAt'), children: formatDateTime(c.updatedAt) },
              ]}
            />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}

import { useEffect, useState } from 'react';
import { Badge, Button, Card, Col, DatePicker, Flex, Input, Row, Select, Switch, Typography } from 'antd';
import { ClearOutlined, FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CustomerFilters } from '../api/keys';
import { enumOptions, type EnumName } from './enumOptions';
import { activeFilterCount } from './customerFiltersUrl';

type Props = {
  filters: CustomerFilters;
  meId: string;
  onChange: (changes: Record<string, string | boolean | null>) => void;
  onClear: () => void;
};

const searchDelayMs = 300;

export function CustomerFilterBar({ filters, meId, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  const [expanded, setExpanded] = useState(false);

  // Typing updates the URL (and the query) only after a pause, so each keystroke does not hit the API.
  useEffect(() => {
    if ((filters.q ?? '') === q.trim()) return;
    const timer = setTimeout(() => onChange({ q: q.trim() || null }), searchDelayMs);
    return () => clearTimeout(timer);
  }, [q, filters.q, onChange]);

  // The URL can change from outside (back button, "clear filters"): follow it.
  useEffect(() => {
    setQ((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? '')));
  }, [filters.q]);

  const enumSelect = (name: EnumName & keyof CustomerFilters) => (
    <Select
      allowClear
      style={{ width: '100%' }}
      aria-label={t(`customers.fields.${name}`)}
      placeholder={t(`customers.fields.${name}`)}
      value={(filters[name] as string | undefined) ?? undefined}
      onChange={(value?: string) => onChange({ [name]: value ?? null })}
      options={enumOptions(t, name)}
    />
  );
  const boolSelect = (name: 'isKeyAccount' | 'isAlerted') => (
    <Select
      allowClear
      style={{ width: '100%' }}
      aria-label={t(`customers.fields.${name}`)}
      placeholder={t(`customers.fields.${name}`)}
      value={filters[name] === undefined ? undefined : String(filters[name])}
      onChange={(value?: string) => onChange({ [name]: value ?? null })}
      options={[
        { value: 'true', label: t('common.yes') },
        { value: 'false', label: t('common.no') },
      ]}
    />
  );
  const textFilter = (name: 'region' | 'industry' | 'tag') => (
    <Input.Search
      allowClear
      aria-label={t(name === 'tag' ? 'customers.fields.tags' : `customers.fields.${name}`)}
      placeholder={t(name === 'tag' ? 'customers.fields.tags' : `customers.fields.${name}`)}
      defaultValue={filters[name] ?? ''}
      key={`${name}:${filters[name] ?? ''}`}
      onSearch={(value) => onChange({ [name]: value.trim() || null })}
    />
  );
  const range = (from: 'createdFrom' | 'updatedFrom', to: 'createdTo' | 'updatedTo', label: string) => (
    <DatePicker.RangePicker
      style={{ width: '100%' }}
      aria-label={label}
      placeholder={[label, label]}
      value={[filters[from] ? dayjs(filters[from]) : null, filters[to] ? dayjs(filters[to]) : null]}
      onChange={(dates) =>
        onChange({
          [from]: dates?.[0] ? dates[0].startOf('day').toISOString() : null,
          [to]: dates?.[1] ? dates[1].endOf('day').toISOString() : null,
        })
      }
    />
  );
  const extraCount = activeFilterCount(filters);

  return (
    <Card size="small" style={{ marginBottom: 12 }} role="search">
      <Flex gap={12} wrap align="center">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('customers.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ flex: '1 1 260px', maxWidth: 360 }}
          data-testid="customer-search"
        />
        <div style={{ width: 130 }}>{enumSelect('level')}</div>
        <div style={{ width: 140 }}>{enumSelect('lifecycle')}</div>
        <Flex align="center" gap={6}>
          <Switch
            size="small"
            id="mine-only"
            checked={filters.ownerId === meId}
            onChange={(checked) => onChange({ ownerId: checked ? meId : null })}
          />
          <Typography.Text>
            <label htmlFor="mine-only">{t('customers.mineOnly')}</label>
          </Typography.Text>
        </Flex>
        <Badge count={extraCount} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
            {t('customers.moreFilters')}
          </Button>
        </Badge>
        {(extraCount > 0 || filters.q) && (
          <Button type="link" icon={<ClearOutlined />} onClick={onClear}>
            {t('customers.clearFilters')}
          </Button>
        )}
      </Flex>
      {expanded && (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={12} md={8} xl={4}>{enumSelect('state')}</Col>
          <Col xs={12} md={8} xl={4}>{enumSelect('enterpriseType')}</Col>
          <Col xs={12} md={8} xl={4}>{enumSelect('leadSource')}</Col>
          <Col xs={12} md={8} xl={4}>{enumSelect('origin')}</Col>
          <Col xs={12} md={8} xl={4}>{enumSelect('chainPosition')}</Col>
          <Col xs={12} md={8} xl={4}>{boolSelect('isKeyAccount')}</Col>
          <Col xs={12} md={8} xl={4}>{boolSelect('isAlerted')}</Col>
          <Col xs={12} md={8} xl={4}>{textFilter('region')}</Col>
          <Col xs={12} md={8} xl={4}>{textFilter('industry')}</Col>
          <Col xs={12} md={8} xl={4}>{textFilter('tag')}</Col>
          <Col xs={24} md={12} xl={8}>{range('createdFrom', 'createdTo', t('customers.fields.createdRange'))}</Col>
          <Col xs={24} md={12} xl={8}>{range('updatedFrom', 'updatedTo', t('customers.fields.updatedRange'))}</Col>
          <Col xs={12} md={8} xl={4}>
            <Flex align="center" gap={6} style={{ height: '100%' }}>
              <Switch
                size="small"
                id="include-archived"
                checked={filters.includeArchived === true}
                onChange={(checked) => onChange({ includeArchived: checked ? true : null })}
              />
              <label htmlFor="include-archived">{t('customers.includeArchived')}</label>
            </Flex>
          </Col>
        </Row>
      )}
    </Card>
  );
}

import { memo, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Empty, Flex, Spin, Tag, Tooltip, Typography, theme } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CrownFilled, WarningFilled } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { formatDate, formatNumber, orDash } from '@/components/format';
import { LevelTag, LifecycleTag } from './CustomerTags';
import type { SortField } from './customerFiltersUrl';

type Row = Schemas['CustomerSummaryDto'];

type Column = { key: string; title: string; width: number; sort?: SortField; align?: 'right'; render: (row: Row) => ReactNode };

type Props = {
  rows: Row[];
  sort: string | undefined;
  onSort: (sort: string | null) => void;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  height: number | string;
};

const rowHeight = 48;

const cellStyle = (c: Column) => ({
  padding: '0 12px', overflow: 'hidden', whiteSpace: 'nowrap' as const, textOverflow: 'ellipsis',
  display: 'flex', alignItems: 'center', justifyContent: c.align === 'right' ? 'flex-end' : 'flex-start',
});

type RowProps = { row: Row; index: number; start: number; columns: Column[]; template: string; border: string; onOpen: (id: string) => void };

/** One row; memoised so a scroll renders only the rows that come into view, not every visible row again. */
const TableRow = memo(function TableRow({ row, index, start, columns, template, border, onOpen }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="crm-row"
      onClick={() => onOpen(row.id)}
      style={{
        position: 'absolute', top: 0, left: 0, width: '100%', height: rowHeight, transform: `translateY(${start}px)`,
        display: 'grid', gridTemplateColumns: template, borderBottom: `1px solid ${border}`, cursor: 'pointer',
      }}
    >
      {columns.map((c) => (
        <div key={c.key} role="cell" style={cellStyle(c)}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
});
const prefetchRows = 30;

/** A virtualised table: only the rows in view are in the DOM, so it stays smooth with tens of thousands of
 *  loaded customers. Scrolling near the end loads the next cursor page. */
export function CustomerTable({ rows, sort, onSort, hasNextPage, isFetchingNextPage, fetchNextPage, height }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);

  const columns = useMemo<Column[]>(() => [
    { key: 'code', title: t('customers.fields.code'), width: 110, sort: 'code', render: (r) => <Typography.Text type="secondary">{r.code}</Typography.Text> },
    {
      key: 'name', title: t('customers.fields.name'), width: 280, sort: 'name',
      render: (r) => (
        <Flex gap={6} align="center" style={{ minWidth: 0 }}>
          <Link to={`/customers/${r.id}`} onClick={(e) => e.stopPropagation()} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {r.name}
          </Link>
          {r.isKeyAccount && (
            <Tooltip title={t('customers.keyAccount')}>
              <CrownFilled style={{ color: token.colorWarning }} aria-label={t('customers.keyAccount')} />
            </Tooltip>
          )}
          {r.isAlerted && (
            <Tooltip title={t('customers.alert')}>
              <WarningFilled style={{ color: token.colorError }} aria-label={t('customers.alert')} />
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { key: 'level', title: t('customers.fields.level'), width: 96, sort: 'level', render: (r) => <LevelTag level={r.level} /> },
    { key: 'lifecycle', title: t('customers.fields.lifecycle'), width: 110, render: (r) => <LifecycleTag lifecycle={r.lifecycle} /> },
    { key: 'kind', title: t('customers.fields.kind'), width: 80, render: (r) => <Tag variant="filled">{t(`enums.kind.${r.kind}`)}</Tag> },
    { key: 'region', title: t('customers.fields.region'), width: 140, render: (r) => orDash(r.region) },
    { key: 'industry', title: t('customers.fields.industry'), width: 140, render: (r) => orDash(r.industry) },
    { key: 'contact', title: t('customers.fields.primaryContact'), width: 120, render: (r) => orDash(r.primaryContactName) },
    { key: 'phone', title: t('customers.fields.phone'), width: 140, render: (r) => orDash(r.phone) },
    { key: 'owner', title: t('customers.fields.owner'), width: 150, render: (r) => r.ownerName },
    { key: 'points', title: t('customers.fields.points'), width: 100, sort: 'points', align: 'right', render: (r) => formatNumber(r.points) },
    { key: 'updatedAt', title: t('customers.fields.updatedAt'), width: 120, sort: 'updatedAt', render: (r) => formatDate(r.updatedAt) },
    { key: 'createdAt', title: t('customers.fields.createdAt'), width: 120, sort: 'createdAt', render: (r) => formatDate(r.createdAt) },
  ], [t, token]);
  const open = useCallback((id: string) => navigate(`/customers/${id}`), [navigate]);
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const template = columns.map((c) => (c.key === 'name' ? `minmax(${c.width}px, 2fr)` : `${c.width}px`)).join(' ');

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - prefetchRows) fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const sortField = sort?.replace(/^-/, '');
  const descending = sort?.startsWith('-') ?? false;
  const nextSort = (field: SortField) => (sortField !== field ? field : !descending ? `-${field}` : null);


  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label={t('customers.title')}
      aria-rowcount={rows.length + 1}
      data-testid="customer-table"
      style={{ height, overflow: 'auto', border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, background: token.colorBgContainer }}
    >
      <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 2, minWidth: totalWidth, width: '100%' }}>
        <div
          role="row"
          aria-rowindex={1}
          style={{ display: 'grid', gridTemplateColumns: template, height: 44, background: token.colorFillAlter, borderBottom: `1px solid ${token.colorBorderSecondary}`, fontWeight: 600 }}
        >
          {columns.map((c) => {
            const active = sortField === c.sort && c.sort !== undefined;
            return (
              <div key={c.key} role="columnheader" aria-sort={active ? (descending ? 'descending' : 'ascending') : c.sort ? 'none' : undefined} style={cellStyle(c)}>
                {c.sort ? (
                  <button
                    type="button"
                    onClick={() => onSort(nextSort(c.sort!))}
                    style={{ all: 'unset', cursor: 'pointer', display: 'inline-flex', alignItems: 'center', gap: 4, color: active ? token.colorPrimary : undefined }}
                    className="crm-sort-button"
                  >
                    {c.title}
                    {active ? descending ? <ArrowDownOutlined aria-hidden /> : <ArrowUpOutlined aria-hidden /> : <ArrowUpOutlined aria-hidden style={{ opacity: 0.25 }} />}
                  </button>
                ) : (
                  c.title
                )}
              </div>
            );
          })}
        </div>
      </div>
      {rows.length === 0 ? (
        <div style={{ padding: 48, minWidth: totalWidth }}>
          <Empty description={t('customers.empty')} />
        </div>
      ) : (
        <div role="rowgroup" style={{ position: 'relative', height: virtualizer.getTotalSize(), minWidth: totalWidth }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <TableRow key={row.id} row={row} index={item.index} start={item.start} columns={columns} template={template} border={token.colorBorderSecondary} onOpen={open} />
            );
          })}
        </div>
      )}
      {isFetchingNextPage && (
        <Flex justify="center" style={{ padding: 12, minWidth: totalWidth }}>
          <Spin size="small" />
        </Flex>
      )}
    </div>
  );
}

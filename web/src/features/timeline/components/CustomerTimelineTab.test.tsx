import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { CustomerTimelineTab } from './CustomerTimelineTab';

const customer = { id: 'c1', code: 'C-000001', name: '华东机电', createdAt: '2026-01-05T02:00:00Z' } as Schemas['CustomerDto'];
const page = (items: unknown[]) => json(200, { items, nextCursor: null });

describe('CustomerTimelineTab', () => {
  it('merges deals, visits, points and profile changes newest first, leaving out kinds the role may not read', async () => {
    await i18n.changeLanguage('zh-CN');
    mockApi({
      'GET /api/v1/customers/c1/purchases': () =>
        page([{ id: 'p1', purchasedOn: '2026-03-01', product: '数控机床', quantity: 2, amount: 256000, currency: 'CNY', category: '机床' }]),
      'GET /api/v1/customers/c1/visits': () =>
        page([{ id: 'v1', form: 'OnSite', visitorName: '张伟', status: 'Completed', actualStart: '2026-04-10T06:00:00Z', summary: '讨论框架协议', createdAt: '2026-04-01T00:00:00Z' }]),
      'GET /api/v1/customers/c1/complaints': () => json(403, { title: 'Forbidden', status: 403 }),
      'GET /api/v1/customers/c1/referrals': () => page([]),
      'GET /api/v1/customers/c1/points/entries': () =>
        page([{ id: 'e1', kind: 'Earn', source: 'Purchase', amount: 256, balanceAfter: 256, createdAt: '2026-03-01T08:00:00Z' }]),
      'GET /api/v1/customers/c1/assessments': () => page([]),
      'GET /api/v1/audit': (request) => {
        expect(new URL(request.url).searchParams.get('entityId')).toBe('c1');
        return page([{ id: 'a1', action: 'Update', at: '2026-05-02T01:00:00Z', entityType: 'Customer', entityId: 'c1', source: 'SPA', changes: JSON.stringify([{ field: 'level', before: 'B', after: 'A' }]) }]);
      },
    });
    renderPage(<CustomerTimelineTab customer={customer} withAudit />);

    const timeline = await screen.findByTestId('customer-timeline');
    const items = await within(timeline).findAllByTestId('timeline-event', undefined, { timeout: 10_000 });
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('资料修改'),
      expect.stringContaining('上门拜访（张伟）'),
      // A deal has a date only: it sits above the same day's timed events.
      expect.stringContaining('成交：数控机床 × 2'),
      expect.stringContaining('积分 +256'),
      expect.stringContaining('建立客户档案（C-000001）'),
    ]);
    expect(items[0]).toHaveTextContent('客户级别: B 级 → A 级');
    expect(within(items[1]!).getByRole('link')).toHaveAttribute('href', '/visits/v1');
    expect(within(timeline).queryByText('部分记录未能加载，时间线可能不完整。')).not.toBeInTheDocument();

    await userEvent.setup({ delay: null }).click(within(timeline).getByText('成交', { selector: '.ant-segmented-item-label' }));
    expect(within(timeline).getAllByTestId('timeline-event')).toHaveLength(1);
  }, 30_000);
});

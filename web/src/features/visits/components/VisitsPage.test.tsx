import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { VisitsPage } from './VisitsPage';

const visit = (id: string, customerName: string, plannedStart: string) =>
  ({
    id, customerId: 'c1', customerName, customerCode: 'C-1', customerLevel: 'A', visitorId: 'u1', visitorName: '张伟', companionIds: [], form: 'OnSite',
    category: 'Existing', purposes: [], plannedStart, status: 'Planned', allowedNext: [], reviewStatus: 'NotSubmitted', submissions: 0, events: [],
    createdAt: plannedStart, updatedAt: plannedStart, version: 1,
  }) as unknown as Schemas['VisitDto'];

describe('VisitsPage month board', () => {
  it('reads every page of the month and shows each visit on its day, with "+N" opening that week', async () => {
    await i18n.changeLanguage('zh-CN');
    const busyDay = ['甲', '乙', '丙', '丁', '戊'].map((n, i) => visit(`b${i}`, `客户${n}`, `2026-11-18T0${i + 1}:00:00`));
    const { requests } = mockApi({
      'GET /api/v1/visits': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return cursor === 'page-2'
          ? json(200, { items: [visit('v2', '第二页客户', '2026-11-03T09:00:00')], nextCursor: null })
          : json(200, { items: busyDay, nextCursor: 'page-2' });
      },
    });
    renderPage(<VisitsPage />, { path: '/visits', route: '/visits?view=month&from=2026-11-10' });

    const board = await screen.findByTestId('visit-month');
    // The grid starts on the Monday before the 1st (2026-10-26) and covers six weeks.
    const first = new URL(requests.find((r) => r.url.includes('/api/v1/visits'))!.url).searchParams;
    expect(first.get('from')).toBe(new Date('2026-10-26T00:00:00').toISOString());
    expect(first.get('to')).toBe(new Date('2026-12-07T00:00:00').toISOString());
    const third = within(board).getByTestId('month-day-2026-11-03');
    expect(await within(third).findByRole('link', { name: /第二页客户/ })).toHaveAttribute('href', '/visits/v2');
    const busy = within(board).getByTestId('month-day-2026-11-18');
    expect(within(busy).getAllByRole('link')).toHaveLength(3);

    await userEvent.setup({ delay: null }).click(within(busy).getByRole('button', { name: '还有 2 次…' }));
    const week = await screen.findByTestId('visit-week');
    expect(within(week).getByRole('link', { name: '客户戊' })).toBeInTheDocument();
    expect(screen.getByText(/2026-W47/)).toBeInTheDocument();
  }, 30_000);
});

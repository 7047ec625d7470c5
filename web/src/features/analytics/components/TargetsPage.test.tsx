import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import { adminMe, json, mockApi, renderPage, SignedIn } from '@/test/utils';
import { TargetsPage } from './TargetsPage';

vi.mock('@/components/Chart', () => ({ Chart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} /> }));

const weeks = [
  { period: '2026-W45', from: '2026-11-01', to: '2026-11-01', workingDays: 0, target: 0, actual: 0, attainmentPercent: null },
  { period: '2026-W46', from: '2026-11-02', to: '2026-11-08', workingDays: 5, target: 25000, actual: 30000, attainmentPercent: 120 },
  { period: '2026-W47', from: '2026-11-09', to: '2026-11-15', workingDays: 5, target: 25000, actual: 5000, attainmentPercent: 20 },
];
const board = {
  month: '2026-11', workingDays: 20, teamTarget: 100000, teamActual: 35000, teamAttainmentPercent: 35, teamWeeks: weeks,
  reps: [{ userId: 'u1', name: '张伟', target: 100000, actual: 35000, attainmentPercent: 35, dailyTarget: 5000, weeks }],
  history: [{ month: '2026-10', actual: 20000, changePercent: null }, { month: '2026-11', actual: 35000, changePercent: 75 }],
};
const manager = { ...adminMe, role: 'Manager', teamId: 'team-1' };

describe('TargetsPage', () => {
  it('shows target vs actual with the daily and weekly split, and sets a rep target', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({
      'GET /api/v1/auth/me': () => json(200, manager),
      'GET /api/v1/targets': () => json(200, board),
      'POST /api/v1/targets': () => json(200, board),
    });
    renderPage(<SignedIn><TargetsPage /></SignedIn>, { route: '/?month=2026-11' });
    const table = await screen.findByTestId('targets-table', undefined, { timeout: 5000 });
    const get = new URL(requests.find((r) => r.url.includes('/targets'))!.url);
    expect(get.searchParams.get('month')).toBe('2026-11');
    expect(get.searchParams.get('teamId')).toBe('team-1');
    const rep = within(table).getAllByRole('row').find((r) => r.textContent?.includes('张伟'))!;
    expect(rep).toHaveTextContent('100,000.00');
    expect(rep).toHaveTextContent('35.0%');
    expect(rep).toHaveTextContent('5,000.00');
    expect(rep).toHaveTextContent('0 / 25,000 / 25,000');

    const user = userEvent.setup({ delay: null });
    await user.click(within(rep).getByRole('button', { name: /展开行|Expand row/ }));
    const split = await screen.findByTestId('split-u1');
    const rows = within(split).getAllByRole('row');
    expect(rows[2]).toHaveTextContent('2026-W46');
    expect(rows[2]).toHaveTextContent('120.0%');
    expect(rows[3]).toHaveTextContent('20.0%');
    expect(within(screen.getByTestId('team-split')).getAllByRole('row')).toHaveLength(4);

    await user.click(within(rep).getByRole('button', { name: '设置 张伟 2026-11 的目标' }));
    const amount = await screen.findByLabelText('月目标');
    await user.clear(amount);
    await user.type(amount, '120000');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true), { timeout: 5000 });
    expect(await requests.find((r) => r.method === 'POST')!.json()).toEqual({ month: '2026-11', amount: 120000, userId: 'u1', teamId: null });
  }, 60_000);
});

import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import i18n from '@/lib/i18n';
import { json, mockApi, renderPage } from '@/test/utils';
import { CompositionPage } from './CompositionPage';
import { changeOf, paretoHeadline, readCompositionState, writeCompositionState } from './compositionModel';

// ECharts needs a real layout; the chart is checked in the browser (e2e), here only its presence.
vi.mock('@/components/Chart', () => ({ Chart: ({ ariaLabel }: { ariaLabel: string }) => <div role="img" aria-label={ariaLabel} /> }));

const row = (key: string, amount: number, share: number, cumulative: number, abc: string, previous: number, change: number | null) => ({
  key, label: key, salesAmount: amount, share, cumulativeShare: cumulative, abcClass: abc, customerCount: 2, averagePerCustomer: amount / 2, previousAmount: previous, changePercent: change,
});
const composition = {
  by: 'Region', from: '2026-01-01', to: '2026-06-30', previousFrom: '2025-07-01', previousTo: '2025-12-31', total: 1000, previousTotal: 800,
  rows: [row('华东', 700, 70, 70, 'A', 500, 40), row('华南', 200, 20, 90, 'B', 300, -33.3), row('西北', 100, 10, 100, 'C', 0, null)],
};

describe('composition analysis', () => {
  it('reads and writes its state in the URL', () => {
    expect(readCompositionState(new URLSearchParams('by=region&from=2026-01-01&to=2026-06-30'))).toEqual({ by: 'region', from: '2026-01-01', to: '2026-06-30' });
    expect(readCompositionState(new URLSearchParams('by=nonsense&from=2026-07-01&to=2026-01-01'))).toEqual({ by: 'level' });
    expect(writeCompositionState({ by: 'level' })).toEqual({});
    expect(writeCompositionState({ by: 'owner', from: '2026-01-01', to: '2026-03-31' })).toEqual({ by: 'owner', from: '2026-01-01', to: '2026-03-31' });
  });

  it('classifies change and the Pareto headline', () => {
    expect(changeOf(composition.rows[0]!)).toEqual({ percent: 40, direction: 'up' });
    expect(changeOf(composition.rows[1]!)).toEqual({ percent: -33.3, direction: 'down' });
    expect(changeOf(composition.rows[2]!)).toEqual({ percent: null, direction: 'new' });
    expect(paretoHeadline(composition.rows)).toEqual({ groups: 1, share: 70, total: 3 });
  });

  it('shows the Pareto table with ABC classes, shares and change, for the dimension in the URL', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({ 'GET /api/v1/analytics/composition': () => json(200, composition) });
    renderPage(<CompositionPage />, { route: '/?by=region&from=2026-01-01&to=2026-06-30' });
    const table = await screen.findByTestId('pareto-table', undefined, { timeout: 5000 });
    const url = new URL(requests.find((r) => r.url.includes('composition'))!.url);
    expect(url.searchParams.get('by')).toBe('region');
    expect(url.searchParams.get('from')).toBe('2026-01-01');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    const [, east, south, west] = within(table).getAllByRole('row');
    expect(within(east!).getByTestId('abc-华东')).toHaveTextContent('A');
    expect(within(south!).getByTestId('abc-华南')).toHaveTextContent('B');
    expect(within(west!).getByTestId('abc-西北')).toHaveTextContent('C');
    expect(east).toHaveTextContent('70.0%');
    expect(south).toHaveTextContent('90.0%');
    expect(south).toHaveTextContent('-33.3%');
    expect(west).toHaveTextContent('新增');
    expect(screen.getByRole('img', { name: /帕累托图/ })).toBeInTheDocument();
    expect(screen.getByText('1/3 组 · 70.0%')).toBeInTheDocument();
  });
});

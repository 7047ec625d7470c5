import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { adminMe, json, mockApi, renderPage, SignedIn } from '@/test/utils';
import { CompliancePage } from './CompliancePage';

const row = (id: string, customerName: string, status: Schemas['ComplianceStatus'], doneTotal: number): Schemas['ComplianceRowDto'] => ({
  customerId: id, customerName, customerCode: `C-${id}`, level: 'A', ownerId: 'u1', ownerName: '张伟', requiredOnSite: 0, requiredTotal: 1,
  doneOnSite: 0, doneTotal, shortfall: 1 - doneTotal, onSiteShortfall: 0, status, lastVisitAt: null,
});
// The team's figures: 120 key accounts in all, whatever page is showing.
const summary = { customers: 120, met: 30, atRisk: 90, missed: 0, compliancePercent: 25 };
const page = (items: Schemas['ComplianceRowDto'][], nextCursor: string | null) =>
  ({ week: '2026-W47', fromUtc: '2026-11-15T16:00:00Z', toUtc: '2026-11-22T16:00:00Z', summary, items, nextCursor }) satisfies Schemas['VisitComplianceDto'];
const manager = { ...adminMe, role: 'Manager', teamId: 'team-1' };

describe('CompliancePage', () => {
  it('shows the whole team\'s figures from the first page and loads the next page on request', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({
      'GET /api/v1/auth/me': () => json(200, manager),
      'GET /api/v1/users/assignable': () => json(200, { items: [] }),
      'GET /api/v1/visits/compliance': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'page-2'
          ? json(200, page([row('c3', '客户丙', 'Met', 1)], null))
          : json(200, page([row('c1', '客户甲', 'AtRisk', 0), row('c2', '客户乙', 'AtRisk', 0)], 'page-2')),
    });
    renderPage(<SignedIn><CompliancePage /></SignedIn>);

    const table = await screen.findByTestId('compliance-table', undefined, { timeout: 5000 });
    expect(await within(table).findByRole('link', { name: '客户甲' })).toHaveAttribute('href', '/customers/c1?tab=visits');
    expect(screen.getByText('25%')).toBeInTheDocument();
    expect(screen.getByText('90')).toBeInTheDocument();
    expect(screen.getByText('已加载 2 / 120 个大客户')).toBeInTheDocument();
    const first = new URL(requests.find((r) => r.url.includes('/visits/compliance'))!.url).searchParams;
    expect(first.get('limit')).toBe('50');
    expect(first.get('cursor')).toBeNull();

    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: /加载更多/ }));
    expect(await within(table).findByRole('link', { name: '客户丙' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: '客户甲' })).toBeInTheDocument();
    expect(screen.getByText('已全部加载')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /加载更多/ })).not.toBeInTheDocument();
    const second = new URL(requests.filter((r) => r.url.includes('/visits/compliance')).at(-1)!.url).searchParams;
    expect(second.get('cursor')).toBe('page-2');
    // The figures stay the team's, not the rows loaded so far.
    expect(screen.getByText('25%')).toBeInTheDocument();
  }, 30_000);

  it('asks the API for one status only and counts against that status\'s total, in English too', async () => {
    await i18n.changeLanguage('en');
    const { requests } = mockApi({
      'GET /api/v1/auth/me': () => json(200, manager),
      'GET /api/v1/users/assignable': () => json(200, { items: [] }),
      'GET /api/v1/visits/compliance': (request) =>
        new URL(request.url).searchParams.get('status') === 'Met'
          ? json(200, page([row('c3', 'Acme Met', 'Met', 1)], null))
          : json(200, page([row('c1', 'Acme Behind', 'AtRisk', 0)], 'page-2')),
    });
    renderPage(<SignedIn><CompliancePage /></SignedIn>);
    await screen.findByText('1 of 120 key accounts loaded', undefined, { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByTitle('Met'));
    await screen.findByText('1 of 30 key accounts loaded');
    await waitFor(() => expect(requests.some((r) => new URL(r.url).searchParams.get('status') === 'Met')).toBe(true));
    expect(screen.getByRole('link', { name: 'Acme Met' })).toBeInTheDocument();
    expect(screen.getByText('All loaded')).toBeInTheDocument();
  }, 30_000);
});

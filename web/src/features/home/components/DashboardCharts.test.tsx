import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { DashboardCharts } from './DashboardCharts';

const dashboard: Schemas['DashboardDto'] = {
  today: '2026-11-23',
  targets: { month: '2026-11', target: 100000, actual: 42000, attainmentPercent: 42, history: [] },
  visitCompliance: { customers: 4, met: 2, atRisk: 1, missed: 1, compliancePercent: 50 },
  complaints: { open: 3, onTrack: 1, atRisk: 1, breached: 1 },
  referrals: { new: 2, contacted: 1, qualified: 1, wonThisMonth: 1, thanksDue: 0 },
  tierMix: [{ key: 'Gold', count: 2 }],
  loyaltyStages: [{ key: 'Cognitive', customers: 5, share: 0.5 }, { key: 'Behavioural', customers: 5, share: 0.5 }],
  tasks: { dueToday: 0, overdue: 0 },
  remindersToday: [],
};
const links = { targets: true, compliance: true, complaints: true, referrals: true, loyalty: true, reminders: true };

describe('DashboardCharts', () => {
  it('draws the loyalty stage mix from the dashboard response, without asking the portfolio endpoint', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({ 'GET /api/v1/dashboard': () => json(200, dashboard) });
    renderPage(<DashboardCharts links={links} />);
    expect(await screen.findByRole('img', { name: /^忠诚阶段: 认知忠诚 5, 行为忠诚 5$/ }, { timeout: 10_000 })).toBeInTheDocument();
    expect(requests.some((r) => r.url.includes('/analytics/loyalty'))).toBe(false);
  }, 30_000);
});

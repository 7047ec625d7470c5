import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { SignedIn, json, mockApi, renderPage } from '@/test/utils';
import { ReferralsPage } from './ReferralsPage';

const referral = {
  id: 'r1', referrerId: 'c1', referrerName: '华东机电', referredId: 'c2', referredName: '苏州精工', channel: 'Introduction', status: 'New',
  allowedNext: ['Contacted', 'Qualified', 'Lost'], referredOn: '2026-11-20', mustCloseBy: '2099-12-20', thankedAt: null, lostReason: null,
  createdAt: '2026-11-20T00:00:00Z', updatedAt: '2026-11-20T00:00:00Z', version: 1,
} as unknown as Schemas['ReferralDto'];

describe('ReferralsPage funnel', () => {
  it('moves a referral from the keyboard with the card\'s "move to" menu, as dragging does', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({
      'GET /api/v1/referrals': () => json(200, { items: [referral], nextCursor: null }),
      'POST /api/v1/referrals/r1/status': () => json(200, { ...referral, status: 'Contacted', allowedNext: ['Qualified', 'Lost'], version: 2 }),
    });
    renderPage(<SignedIn><ReferralsPage /></SignedIn>);
    const user = userEvent.setup({ delay: null });

    const move = await screen.findByRole('button', { name: '将 苏州精工 移至…' }, { timeout: 10_000 });
    move.focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: '已联系' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(await requests.find((r) => r.method === 'POST')!.json()).toEqual({ status: 'Contacted', lostReason: null });
  }, 30_000);
});

import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { CompleteVisitModal } from './CompleteVisitModal';

const visit = {
  id: 'v1', customerId: 'c1', customerName: '华东精密机械', customerCode: 'C-1', customerLevel: 'A', visitorId: 'u1', visitorName: '张伟',
  companionIds: [], form: 'OnSite', category: 'Existing', purposes: ['GrowSales'], plannedStart: '2026-11-20T02:00:00Z', plannedEnd: '2026-11-20T03:00:00Z',
  status: 'Planned', allowedNext: ['Confirmed', 'Completed'], reviewStatus: 'NotSubmitted', submissions: 0, events: [],
  createdAt: '2026-11-19T02:00:00Z', updatedAt: '2026-11-19T02:00:00Z', version: 1,
} as unknown as Schemas['VisitDto'];

describe('CompleteVisitModal', () => {
  it('refuses a summary shorter than 10 characters, then sends the record', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({ 'POST /api/v1/visits/v1/complete': () => json(200, { ...visit, status: 'Completed' }) });
    renderPage(<CompleteVisitModal visit={visit} open onClose={() => undefined} />);
    const user = userEvent.setup({ delay: null });

    await user.type(await screen.findByLabelText('拜访纪要', undefined, { timeout: 5000 }), '太短了');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('拜访纪要至少 10 个字', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.click(screen.getByLabelText('拜访纪要'));
    await user.paste('，讨论了明年的框架协议和交货计划');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true), { timeout: 5000 });
    const body = await requests.find((r) => r.method === 'POST')!.json();
    expect(body.summary).toBe('太短了，讨论了明年的框架协议和交货计划');
    expect(body.actualStart).toBe('2026-11-20T02:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { MergeDialog } from './MergeDialog';

const survivor = { id: 'c1', code: 'C-000001', name: '华东机电', version: 3 } as Schemas['CustomerDto'];
const duplicate = { id: 'c2', code: 'C-000077', name: '华东机电', ownerName: '陈静', phone: '021-1234' };

describe('MergeDialog', () => {
  it('merges the picked duplicate into this customer and shows what moved', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({
      'GET /api/v1/customers': () => json(200, { items: [{ ...survivor, ownerName: '陈静' }, duplicate], nextCursor: null }),
      'POST /api/v1/customers/c1/merge': () =>
        json(200, {
          survivor: { ...survivor, version: 4 }, duplicateId: 'c2',
          moved: { contacts: 2, purchases: 3, visits: 1, complaints: 0, referrals: 0, tasks: 1, assessments: 0, importantDates: 0, tags: 1, points: 120 },
        }),
    });
    renderPage(<MergeDialog customer={survivor} open onClose={() => undefined} />);
    const user = userEvent.setup({ delay: null });

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: /合\s*并/ })).toBeDisabled();
    await user.click(within(dialog).getByRole('combobox', { name: '重复的客户' }));
    // The customer itself is never offered as its own duplicate.
    const option = await screen.findByTitle('华东机电 · C-000077 · 陈静 · 021-1234');
    expect(screen.queryByTitle(/C-000001/)).not.toBeInTheDocument();
    await user.click(option);
    await user.click(within(dialog).getByRole('button', { name: /合\s*并/ }));

    const result = await within(dialog).findByTestId('merge-result');
    expect(await requests.find((r) => r.method === 'POST')!.json()).toEqual({ duplicateId: 'c2' });
    expect(within(result).getByText('成交记录')).toBeInTheDocument();
    expect(within(result).getByText('3')).toBeInTheDocument();
    expect(within(result).getByText('120')).toBeInTheDocument();
  });
});

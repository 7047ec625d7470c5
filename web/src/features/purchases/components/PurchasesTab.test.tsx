import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { PurchasesTab } from './PurchasesTab';

const purchase: Schemas['PurchaseDto'] = {
  id: 'p1', customerId: 'c1', customerName: '华东机电', customerCode: 'C-000001', purchasedOn: '2026-11-02', product: '数控机床', category: '机床', quantity: 2, unitPrice: 1000,
  listUnitPrice: null, amount: 2000, currency: 'CNY', notes: null, createdAt: '2026-11-02T00:00:00Z', updatedAt: '2026-11-02T00:00:00Z', version: 7,
};

describe('PurchasesTab', () => {
  it('corrects a deal record with If-Match, and deletes one after confirmation', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({
      'GET /api/v1/customers/c1/purchases': () => json(200, { items: [purchase], nextCursor: null }),
      'PUT /api/v1/purchases/p1': () => json(200, { ...purchase, quantity: 3, amount: 3000, version: 8 }),
      'DELETE /api/v1/purchases/p1': () => new Response(null, { status: 204 }),
    });
    renderPage(<PurchasesTab customerId="c1" readOnly={false} />);
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: '更正: 数控机床' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    const quantity = within(dialog).getByLabelText('数量');
    await waitFor(() => expect(quantity).toHaveValue('2'));
    await user.clear(quantity);
    await user.type(quantity, '3');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"7"');
    expect(await put.json()).toMatchObject({ product: '数控机床', quantity: 3, purchasedOn: '2026-11-02' });

    await user.click(screen.getByRole('button', { name: '删除: 数控机床' }));
    const confirm = await screen.findByRole('tooltip');
    await user.click(within(confirm).getByRole('button', { name: /删\s*除/ }));
    await waitFor(() => expect(requests.find((r) => r.method === 'DELETE')?.headers.get('If-Match')).toBe('"7"'));
  });
});

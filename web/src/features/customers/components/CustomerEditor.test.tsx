import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { CustomerEditor } from './CustomerEditor';

const customer: Schemas['CustomerDto'] = {
  id: 'c1', code: 'C-000001', name: '华东机电', kind: 'Company', enterpriseType: 'Private', industry: '制造业', region: '华东',
  isKeyAccount: false, level: 'B', points: 0, creditRating: 'A', isAlerted: false, alertReason: null, lifecycle: 'Active', state: 'Actual',
  archivedAt: null, address: null, postcode: null, phone: '021-1234', fax: null, website: null, email: null, origin: 'External',
  chainPosition: 'Final', leadSource: 'Referral', profile: { gender: 'Unspecified', incomeBand: 'Unspecified' }, importantDates: [], tags: [],
  ownerId: 'u1', ownerName: '陈静', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 3,
};

describe('CustomerEditor', () => {
  it('offers reload and compare when someone else saved first (412)', async () => {
    await i18n.changeLanguage('zh-CN');
    const server = { ...customer, name: '华东机电集团', level: 'A' as const, version: 4 };
    const { requests } = mockApi({
      'PUT /api/v1/customers/c1': () => json(412, { title: 'Precondition Failed', status: 412, detail: 'The customer was changed by someone else.' }),
      'GET /api/v1/customers/c1': () => json(200, server, { ETag: '"4"' }),
    });
    renderPage(<CustomerEditor customer={customer} />);
    const user = userEvent.setup();

    const name = screen.getByLabelText('客户名称');
    await user.clear(name);
    await user.type(name, '华东机电股份');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('该记录已被他人修改')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'PUT')!.headers.get('If-Match')).toBe('"3"');

    await user.click(within(dialog).getByRole('button', { name: '对比差异' }));
    expect(await within(dialog).findByText('华东机电集团')).toBeInTheDocument();
    expect(within(dialog).getByText('华东机电股份')).toBeInTheDocument();
    expect(within(dialog).getByText('A 级')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: /重新加载/ }));
    await waitFor(() => expect(screen.getByLabelText('客户名称')).toHaveValue('华东机电集团'));
  }, 60_000);
});

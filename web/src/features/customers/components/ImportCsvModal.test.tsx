import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { ImportCsvModal } from './ImportCsvModal';

const plan: Schemas['ImportReportDto'] = {
  kind: 'customers', total: 3, create: 1, update: 1, skip: 0, failed: 1,
  errors: [{ row: 4, field: 'level', message: "'Z' is not one of Special, A, B, C." }],
  rows: [
    { row: 2, action: 'Update', customerId: 'c1', matchedBy: 'code' },
    { row: 3, action: 'Create', customerId: null, matchedBy: null },
    { row: 4, action: 'Error', customerId: null, matchedBy: null },
  ],
};
const job = (status: Schemas['ImportStatus'], processedRows: number): Schemas['ImportJobDto'] => ({
  id: 'job-1', kind: 'customers', status, totalRows: 3, processedRows, percent: (processedRows / 3) * 100, created: 1, updated: 1, skipped: 0,
  failed: status === 'Running' ? 0 : 1, errors: status === 'Running' ? [] : plan.errors, createdAt: '2026-11-23T01:00:00Z', startedAt: null, finishedAt: null,
});

describe('ImportCsvModal', () => {
  it('dry-runs the file, shows each row\'s plan and errors, then runs the import and follows its progress to the report', async () => {
    await i18n.changeLanguage('zh-CN');
    let polls = 0;
    const { requests } = mockApi({
      'POST /api/v1/imports/customers': (request) =>
        new URL(request.url).searchParams.get('dryRun') === 'true' ? json(200, plan) : json(202, job('Queued', 0)),
      'GET /api/v1/imports/job-1': () => json(200, ++polls < 2 ? job('Running', 1) : job('CompletedWithErrors', 3)),
    });
    renderPage(<ImportCsvModal kind="customers" open onClose={() => undefined} />);
    const user = userEvent.setup({ delay: null });
    const csv = 'code,name,level\nC-1,华东机电,A\n,新客户,B\n,,Z\n';

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('button', { name: /预\s*检/ })).toBeDisabled();
    await user.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, new File([csv], 'customers.csv', { type: 'text/csv' }));
    await within(dialog).findByText('customers.csv');
    await user.click(within(dialog).getByRole('button', { name: /预\s*检/ }));

    const planned = await within(dialog).findByTestId('import-plan');
    const dry = requests.find((r) => r.method === 'POST')!;
    expect(dry.headers.get('Content-Type')).toBe('text/csv');
    expect(await dry.text()).toBe(csv);
    expect(within(planned).getByText('客户级别: \'Z\' is not one of Special, A, B, C.')).toBeInTheDocument();
    expect(within(planned).getByRole('link', { name: '客户编号' })).toHaveAttribute('href', '/customers/c1');
    await user.click(within(planned).getByText('有错误的行（1）'));
    await waitFor(() => expect(within(planned).queryByText('新建', { selector: '.ant-tag' })).not.toBeInTheDocument());

    await user.click(within(dialog).getByRole('button', { name: /确认导入（2 行）/ }));
    const run = requests.filter((r) => r.method === 'POST')[1]!;
    expect(new URL(run.url).searchParams.get('dryRun')).toBe('false');
    expect(run.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await within(dialog).findByText('导入完成（有错误）', { selector: '.ant-result-title' }, { timeout: 5000 })).toBeInTheDocument();
    expect(within(dialog).getByText('新建 1，更新 1，跳过 0，失败 1')).toBeInTheDocument();
    expect(polls).toBeGreaterThanOrEqual(2);
  });

  it('imports deal records through their own endpoint and links each planned row to its customer', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({
      'POST /api/v1/imports/purchases': () =>
        json(200, { kind: 'purchases', total: 2, create: 1, update: 0, skip: 1, failed: 0, errors: [], rows: [
          { row: 2, action: 'Create', customerId: 'c7', matchedBy: null },
          { row: 3, action: 'Skip', customerId: 'c7', matchedBy: 'deal' },
        ] }),
    });
    renderPage(<ImportCsvModal kind="purchases" open onClose={() => undefined} />);
    const user = userEvent.setup({ delay: null });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('导入成交记录（CSV）')).toBeInTheDocument();
    expect(within(dialog).getByText(/customerCode, purchasedOn, product/)).toBeInTheDocument();
    await user.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, new File(['customerCode,purchasedOn,product\n'], 'deals.csv'));
    await within(dialog).findByText('deals.csv');
    await user.click(within(dialog).getByRole('button', { name: /预\s*检/ }));
    const planned = await within(dialog).findByTestId('import-plan');
    expect(new URL(requests.find((r) => r.method === 'POST')!.url).pathname).toBe('/api/v1/imports/purchases');
    expect(within(planned).getByText('相同成交记录')).toBeInTheDocument();
    expect(within(planned).getAllByRole('link', { name: '查看' })[0]).toHaveAttribute('href', '/customers/c7');
  });
});

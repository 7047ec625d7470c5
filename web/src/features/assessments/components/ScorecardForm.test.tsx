import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { ScorecardForm } from './ScorecardForm';

const template: Schemas['ScorecardTemplateDto'] = {
  id: 't1', name: '客户关系评估表', templateVersion: 2, createdAt: '2026-01-01T00:00:00Z',
  indicators: [{ key: 'volume', name: '购买金额', weight: 60 }, { key: 'payment', name: '付款信誉', weight: 40 }],
};

describe('ScorecardForm', () => {
  it('shows the weighted total, grade and suggestion live, and asks for a reason to override', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({
      'POST /api/v1/customers/c1/assessments': () => json(201, { id: 'a1', customerId: 'c1', templateId: 't1', templateVersion: 2, scores: [], total: 64, grade: 'C', suggested: 'Improve', recommendation: 'Maintain', assessedOn: '2026-11-20' }),
    });
    renderPage(<ScorecardForm customerId="c1" template={template} open onClose={() => undefined} />);
    const user = userEvent.setup({ delay: null });
    const result = within(await screen.findByTestId('scorecard-result', undefined, { timeout: 5000 }));

    await user.type(screen.getByLabelText('购买金额 得分'), '90');
    await user.type(screen.getByLabelText('付款信誉 得分'), '80');
    await waitFor(() => expect(result.getByTestId('scorecard-total')).toHaveTextContent('86'));
    expect(result.getByTestId('scorecard-grade')).toHaveTextContent('A');
    expect(result.getByTestId('scorecard-suggested')).toHaveTextContent('维持关系');

    // 60 × 70% + 40 × 55% = 64 → C → improve
    await user.clear(screen.getByLabelText('购买金额 得分'));
    await user.type(screen.getByLabelText('购买金额 得分'), '70');
    await user.clear(screen.getByLabelText('付款信誉 得分'));
    await user.type(screen.getByLabelText('付款信誉 得分'), '55');
    await waitFor(() => expect(result.getByTestId('scorecard-total')).toHaveTextContent('64'));
    expect(result.getByTestId('scorecard-grade')).toHaveTextContent('C');
    expect(result.getByTestId('scorecard-suggested')).toHaveTextContent('改进关系');

    // Choosing "maintain" against the suggestion needs a reason.
    await user.click(screen.getByRole('radio', { name: '维持关系' }));
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('请填写调整原因', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(screen.getByLabelText('调整原因'), '新签三年框架协议');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true), { timeout: 5000 });
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await post.json()).toEqual({ scores: { volume: 70, payment: 55 }, recommendation: 'Maintain', overrideReason: '新签三年框架协议', notes: null });
  }, 60_000);
});

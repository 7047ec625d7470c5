import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import { json, mockApi, renderPage } from '@/test/utils';
import { ScorecardTemplatePage } from './ScorecardTemplatePage';

const template = {
  id: 't1', name: '客户关系评估表', templateVersion: 1, createdAt: '2026-01-01T00:00:00Z',
  indicators: [{ key: 'volume', name: '购买金额', weight: 60 }, { key: 'payment', name: '付款信誉', weight: 40 }],
};

describe('ScorecardTemplatePage', () => {
  it('shows the running weight sum and publishes only at 100', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({
      'GET /api/v1/settings/scorecard-template': () => json(200, template),
      'POST /api/v1/settings/scorecard-template': async (r) => json(200, { ...template, ...(await r.json()), templateVersion: 2 }),
    });
    renderPage(<ScorecardTemplatePage />);
    const user = userEvent.setup({ delay: null });
    expect(await screen.findByTestId('weight-sum', undefined, { timeout: 5000 })).toHaveTextContent('权重合计 100 / 100');
    const publish = screen.getByRole('button', { name: /发布新版本/ });
    expect(publish).toBeEnabled();

    await user.click(screen.getByRole('button', { name: /添加指标/ }));
    await user.type(screen.getByLabelText('键 3'), 'engagement');
    await user.type(screen.getByLabelText('指标名称 3'), '高层互动');
    await user.clear(screen.getByLabelText('权重 3'));
    await user.type(screen.getByLabelText('权重 3'), '10');
    await waitFor(() => expect(screen.getByTestId('weight-sum')).toHaveTextContent('权重合计必须等于 100，当前为 110'));
    expect(screen.getByRole('button', { name: /发布新版本/ })).toBeDisabled();

    await user.clear(screen.getByLabelText('权重 1'));
    await user.type(screen.getByLabelText('权重 1'), '50');
    await waitFor(() => expect(screen.getByTestId('weight-sum')).toHaveTextContent('权重合计 100 / 100'));
    await user.click(screen.getByRole('button', { name: /发布新版本/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true), { timeout: 5000 });
    const body = await requests.find((r) => r.method === 'POST')!.json();
    expect(body.indicators).toEqual([
      { key: 'volume', name: '购买金额', weight: 50 }, { key: 'payment', name: '付款信誉', weight: 40 }, { key: 'engagement', name: '高层互动', weight: 10 },
    ]);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import { json, mockApi, renderPage } from '@/test/utils';
import { ResolveDialog } from './ResolveDialog';
import { missingResolutionFields, toResolveRequest } from './resolutionRules';

describe('resolution rules', () => {
  it('needs resolution type, root cause and corrective action when factual', () => {
    expect(missingResolutionFields({})).toEqual(['isFactual']);
    expect(missingResolutionFields({ isFactual: true, rootCause: '  ' })).toEqual(['resolutionType', 'rootCause', 'correctiveAction']);
    expect(missingResolutionFields({ isFactual: true, resolutionType: 'Repair', rootCause: 'x', correctiveAction: 'y' })).toEqual([]);
  });

  it('needs an explanation when not factual, and drops the factual fields', () => {
    expect(missingResolutionFields({ isFactual: false })).toEqual(['explanation']);
    expect(missingResolutionFields({ isFactual: false, explanation: '客户误用' })).toEqual([]);
    expect(toResolveRequest({ isFactual: false, explanation: ' 客户误用 ', rootCause: 'left over', resolutionType: 'Refund' })).toMatchObject({
      isFactual: false, explanation: '客户误用', rootCause: null, resolutionType: null, correctiveAction: null,
    });
  });
});

describe('ResolveDialog', () => {
  it('does not send a factual resolution without root cause and corrective action', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({ 'POST /api/v1/complaints/c1/resolve': () => json(200, {}) });
    renderPage(<ResolveDialog complaintId="c1" open onClose={() => undefined} />);
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByText('属实', undefined, { timeout: 5000 }));
    await screen.findByLabelText('根本原因', undefined, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: /解\s*决/ }));
    expect(await screen.findByText('请填写根本原因', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('请填写改进措施')).toBeInTheDocument();
    expect(screen.getByText('请填写解决方式')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('sends a not-factual resolution with the explanation only', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({ 'POST /api/v1/complaints/c1/resolve': () => json(200, {}) });
    renderPage(<ResolveDialog complaintId="c1" open onClose={() => undefined} />);
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByText('不属实', undefined, { timeout: 5000 }));
    await screen.findByLabelText('解释说明', undefined, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: /解\s*决/ }));
    expect(await screen.findByText('请填写解释说明', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByLabelText('根本原因')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('解释说明'));
    await user.paste('经检测为使用不当，已向客户演示正确操作');
    await user.click(screen.getByRole('button', { name: /解\s*决/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true), { timeout: 5000 });
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toMatchObject({ isFactual: false, explanation: '经检测为使用不当，已向客户演示正确操作', rootCause: null });
  });
});

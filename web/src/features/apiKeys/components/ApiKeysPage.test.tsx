import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { ApiKeysPage } from './ApiKeysPage';

const created: Schemas['CreatedApiKeyDto'] = {
  key: 'crm_live_ab12.secret-part-shown-once',
  apiKey: { id: 'k1', name: 'ERP', prefix: 'crm_live_ab12', scopes: ['customers:read', 'visits:write'], createdAt: '2026-11-23T01:00:00Z', version: 1 },
};

describe('ApiKeysPage', () => {
  it('offers the scopes the API lists, sends the chosen ones, and shows the secret once', async () => {
    await i18n.changeLanguage('zh-CN');
    let keys: Schemas['ApiKeyDto'][] = [];
    const { requests } = mockApi({
      'GET /api/v1/api-keys': () => json(200, { items: keys, nextCursor: null }),
      'GET /api/v1/api-keys/scopes': () => json(200, { items: ['customers:read', 'customers:write', 'visits:read', 'visits:write'], nextCursor: null }),
      'POST /api/v1/api-keys': () => {
        keys = [created.apiKey];
        return json(201, created);
      },
    });
    renderPage(<ApiKeysPage />);
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: /新建密钥/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('名称'), 'ERP');
    await user.click(await within(dialog).findByRole('checkbox', { name: '拜访：写入' }));
    await user.click(within(dialog).getByRole('button', { name: /新\s*建/ }));

    expect(await screen.findByTestId('api-key-secret')).toHaveTextContent(created.key);
    const body = await requests.find((r) => r.method === 'POST')!.json();
    expect(body.scopes).toEqual(['customers:read', 'visits:write']);
    await user.click(screen.getAllByRole('button', { name: /关\s*闭/ }).find((b) => b.textContent?.replace(/\s/g, '') === '关闭')!);
    await waitFor(() => expect(screen.queryByText(created.key)).not.toBeInTheDocument());
    expect(await screen.findByText('拜访：写入', { selector: '.ant-tag' })).toBeInTheDocument();
  });
});

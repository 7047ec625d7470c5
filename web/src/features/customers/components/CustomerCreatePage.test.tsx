import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import { json, mockApi, renderPage } from '@/test/utils';
import { CustomerCreatePage } from './CustomerCreatePage';

describe('CustomerCreatePage', () => {
  it('shows the problem response field errors next to the fields', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({
      'POST /api/v1/customers': () =>
        json(400, {
          type: 'https://httpstatuses.io/400', title: 'Validation failed', status: 400,
          detail: 'Customer code C-1 is already used.',
          errors: { code: ['客户编号 C-1 已被使用'], phone: ['电话号码不能超过 50 个字符'] },
          traceId: '00-abc',
        }),
    });
    renderPage(<CustomerCreatePage />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('客户名称'), '华东机电有限公司');
    await user.type(screen.getByLabelText('客户编号'), 'C-1');
    await user.type(screen.getByLabelText('电话'), '021-5555 ext 9');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));

    expect(await screen.findByText('客户编号 C-1 已被使用')).toBeInTheDocument();
    expect(screen.getByText('电话号码不能超过 50 个字符')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toMatchObject({ name: '华东机电有限公司', code: 'C-1', phone: '021-5555 ext 9' });
    await waitFor(() => expect(screen.getByLabelText('客户编号').closest('.ant-form-item')).toHaveClass('ant-form-item-has-error'));
  });
});

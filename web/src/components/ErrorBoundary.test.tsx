import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import { ErrorBoundary } from './ErrorBoundary';

describe('ErrorBoundary', () => {
  it('shows a translated message with retry instead of a blank app when a page throws, and retries', async () => {
    await i18n.changeLanguage('zh-CN');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    function Page() {
      if (fail) throw new Error('boom');
      return <p>页面内容</p>;
    }
    render(<ErrorBoundary><Page /></ErrorBoundary>);
    expect(await screen.findByText('页面出错了')).toBeInTheDocument();
    fail = false;
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('页面内容')).toBeInTheDocument();
  }, 20_000);
});

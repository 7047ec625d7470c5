import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import i18n from '@/lib/i18n';
import { LanguageSwitch } from './LanguageSwitch';

function Probe() {
  const { t } = useTranslation();
  return <h1>{t('nav.customers')}</h1>;
}

describe('LanguageSwitch', () => {
  it('switches the interface between Chinese and English and remembers the choice', async () => {
    await i18n.changeLanguage('zh-CN');
    render(
      <>
        <LanguageSwitch />
        <Probe />
      </>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('客户档案');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '语言' }));
    fireEvent.click(await screen.findByText('English'));

    await waitFor(() => expect(screen.getByRole('heading')).toHaveTextContent('Customers'));
    expect(localStorage.getItem('crm.language')).toBe('en');
    expect(dayjs.locale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await i18n.changeLanguage('zh-CN');
    expect(dayjs.locale()).toBe('zh-cn');
  });
});

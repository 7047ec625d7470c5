import { useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { FeedbackBridge } from '@/components/FeedbackBridge';
import { SessionProvider } from '@/lib/session/session';
import { createQueryClient } from './queryClient';

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={i18n.language === 'en' ? enUS : zhCN}
        theme={{
          // Text colours darker than antd's defaults so text reaches WCAG AA (4.5:1) on white: secondary/description
          // text and placeholders (#8c8c8c 3.4:1, #bfbfbf 1.8:1), links (#1677ff 4.1:1), danger (#ff4d4f 3.3:1), success.
          token: {
            colorPrimary: '#1668dc', colorLink: '#1668dc', borderRadius: 6, colorError: '#cf1322', colorSuccess: '#237804',
            colorTextSecondary: 'rgba(0, 0, 0, 0.62)', colorTextTertiary: 'rgba(0, 0, 0, 0.6)', colorTextDescription: 'rgba(0, 0, 0, 0.6)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
          },
        }}
      >
        <AntApp>
          <FeedbackBridge />
          <SessionProvider>{children}</SessionProvider>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function LoadingBlock({ minHeight = 240 }: { minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight }} role="status" aria-live="polite">
      <Spin description={t('common.loading')}>
        <div style={{ width: 80, height: 40 }} />
      </Spin>
    </Flex>
  );
}

import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/client';
import { errorMessage } from './feedback';

/** A page-level failure: 404/403 read as such, anything else offers a retry and shows the trace id. */
export function ErrorResult({ error, onRetry, notFoundText }: { error: unknown; onRetry?: () => void; notFoundText?: string }) {
  const { t } = useTranslation();
  if (isApiError(error, 404)) return <Result status="404" title={t('common.notFound')} subTitle={notFoundText ?? t('common.notFoundHint')} />;
  if (isApiError(error, 403)) return <Result status="403" title={t('common.forbidden')} subTitle={t('common.forbiddenHint')} />;
  const traceId = isApiError(error) ? error.problem.traceId : undefined;
  return (
    <Result
      status="error"
      title={errorMessage(error)}
      subTitle={traceId ? `${t('common.traceId')}: ${traceId}` : undefined}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

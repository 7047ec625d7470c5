import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      subTitle={t('common.notFoundHint')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('common.forbidden')}
      subTitle={t('common.forbiddenHint')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}

import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

function CrashResult({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('common.crashed')}
      subTitle={t('common.crashedHint')}
      extra={[
        <Button key="retry" type="primary" onClick={onRetry}>{t('common.retry')}</Button>,
        <Button key="reload" onClick={() => window.location.reload()}>{t('common.reload')}</Button>,
      ]}
    />
  );
}

/** A page that throws while rendering shows a message with retry / reload instead of blanking the whole app;
 *  the menu and header stay usable. Give it a key (the path) so moving to another page starts afresh. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <CrashResult onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

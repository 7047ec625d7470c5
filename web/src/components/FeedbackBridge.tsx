import { useEffect } from 'react';
import { App } from 'antd';
import { registerToast } from './feedback';

export function FeedbackBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    registerToast(message);
    return () => registerToast(null);
  }, [message]);
  return null;
}

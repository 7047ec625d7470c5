import type { MessageInstance } from 'antd/es/message/interface';
import i18n from '@/lib/i18n';
import { isApiError } from '@/lib/api/client';

let toast: MessageInstance | null = null;

/** Lets code outside React (the query cache) show antd messages with the app's theme and locale. */
export function registerToast(instance: MessageInstance | null): void {
  toast = instance;
}

/** The sentence to show for an error: the problem's `detail` when the API sent one. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.problem.detail || error.problem.title || i18n.t('common.unknownError');
  if (error instanceof TypeError) return i18n.t('common.networkError');
  return i18n.t('common.unknownError');
}

export function showError(error: unknown): void {
  // 401 is handled by the session (back to the login page), not by a toast.
  if (isApiError(error, 401)) return;
  void toast?.error(errorMessage(error));
}

export function showSuccess(text: string): void {
  void toast?.success(text);
}

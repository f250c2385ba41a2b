import { ApiError } from '../api/api-error.ts';
import type { Translate } from '../i18n/translate.ts';

/** The sentence shown under the sign-in form for a failed attempt. */
export const signInErrorText = (error: unknown, t: Translate): string => {
  if (!(error instanceof ApiError)) return t('signIn.failed', { message: String(error) });
  if (error.isMissingRoute) return t('signIn.unavailable');
  if (error.status === 429 || error.code === 'rate-limited' || error.code === 'locked') {
    return error.retryAfterSeconds === null
      ? t('signIn.lockedOutNoTime')
      : t('signIn.lockedOut', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
  }
  if (error.status === 401 || error.code === 'unauthenticated') return t('signIn.wrongCredentials');
  return t('signIn.failed', { message: error.message });
};

import type { MeResponse as SessionResponse } from '@ascolta/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../api/api-context.tsx';
import { sessionKey } from '../auth/use-session.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { isUiLanguage, type UiLanguage } from '../i18n/translate.ts';

/**
 * The language follows the agent across browsers: the session's saved preference wins at sign-in, and a switch
 * is saved back (the browser remembers it too, for the sign-in page).
 */
export const useRememberLanguage = (session: SessionResponse) => {
  const api = useApi();
  const { setLanguage } = useI18n();
  const saved = session.uiLanguage;
  useEffect(() => {
    if (isUiLanguage(saved)) setLanguage(saved);
  }, [saved, setLanguage]);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (uiLanguage: UiLanguage) => api.send<SessionResponse>('PATCH', '/api/v1/auth/me', { uiLanguage }),
    onSuccess: (me) => queryClient.setQueryData(sessionKey, me),
  });
  return (language: UiLanguage) => save.mutate(language);
};

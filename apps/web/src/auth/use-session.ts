import type { LoginBody, MeResponse as SessionResponse } from '@ascolta/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api-context.tsx';
import { ApiError } from '../api/api-error.ts';

export const sessionKey = ['session'] as const;

/** The signed-in agent from the session cookie, or null when there is no valid session. */
export const useSession = () => {
  const api = useApi();
  return useQuery({
    queryKey: sessionKey,
    queryFn: async ({ signal }): Promise<SessionResponse | null> => {
      try {
        const session = await api.get<SessionResponse>('/api/v1/auth/me', signal);
        api.setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.isMissingRoute)) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
};

export const useSignIn = () => {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.send<SessionResponse>('POST', '/api/v1/auth/login', body),
    onSuccess: (session) => {
      api.setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session);
    },
  });
};

export const useSignOut = () => {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.send<void>('POST', '/api/v1/auth/logout'),
    onSettled: async () => {
      api.setCsrfToken(null);
      // `clear()` would also drop the session query the sign-in gate observes, leaving it on the old value, so
      // the page stayed signed in: set the session to null first, then forget everything else the agent saw.
      queryClient.setQueryData(sessionKey, null);
      const isOtherData = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== sessionKey[0];
      await queryClient.cancelQueries({ predicate: isOtherData });
      queryClient.removeQueries({ predicate: isOtherData });
    },
  });
};

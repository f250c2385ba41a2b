import { Center, Loader, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { createApiClient } from '../api/api-client.ts';
import { ApiProvider, useApi } from '../api/api-context.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { useSession } from '../auth/use-session.ts';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import { firstOpenTicketsQuery } from '../inbox/use-tickets.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { theme } from './theme.ts';

// Signed-in screens load on demand so the sign-in page stays light.
const Workspace = lazy(() => import('./Workspace.tsx').then((module) => ({ default: module.Workspace })));

const FullPageLoader = () => (
  <Center mih="100vh">
    <Loader />
  </Center>
);

const SessionGate = () => {
  const session = useSession();
  const api = useApi();
  const queryClient = useQueryClient();
  const agentId = session.data?.agent.id;
  // The inbox's first page loads while the signed-in screens' code is still arriving (bench `inbox`).
  useEffect(() => {
    if (agentId !== undefined && window.location.pathname === '/') {
      void queryClient.prefetchQuery(firstOpenTicketsQuery(api));
    }
  }, [agentId, api, queryClient]);
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (session.data === null) return <SignInPage />;
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Workspace session={session.data} />
    </Suspense>
  );
};

export const App = () => {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: true, staleTime: 5_000 } } }),
  );
  const [api] = useState(() => createApiClient());
  return (
    <MantineProvider theme={theme}>
      <I18nProvider>
        <ApiProvider client={api}>
          <QueryClientProvider client={queryClient}>
            <SessionGate />
          </QueryClientProvider>
        </ApiProvider>
      </I18nProvider>
    </MantineProvider>
  );
};

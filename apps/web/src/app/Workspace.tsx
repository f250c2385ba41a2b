import type { MeResponse as SessionResponse } from '@ascolta/contracts';
import { AppShell, Button, Center, Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useSignOut } from '../auth/use-session.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { InboxPage } from '../inbox/InboxPage.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { LiveFeedProvider } from './live-feed.tsx';
import { MentionsMenu } from './MentionsMenu.tsx';
import { NavigationContext } from './navigation-context.tsx';
import { useRememberLanguage } from './use-remember-language.ts';
import { useRoute } from './use-route.ts';

const TicketPage = lazy(() => import('../ticket/TicketPage.tsx').then((module) => ({ default: module.TicketPage })));
// Reports carry ECharts: that code loads only when a supervisor opens them.
const ReportsPage = lazy(() =>
  import('../reports/ReportsPage.tsx').then((module) => ({ default: module.ReportsPage })),
);
const SupervisorPage = lazy(() =>
  import('../supervisor/SupervisorPage.tsx').then((module) => ({ default: module.SupervisorPage })),
);

/** The signed-in frame: header with navigation, language and sign-out; the current screen below. */
export const Workspace = ({ session }: { session: SessionResponse }) => {
  const { t } = useI18n();
  const [route, navigate] = useRoute();
  const signOut = useSignOut();
  const rememberLanguage = useRememberLanguage(session);
  // The server refuses settings changes to agents too; hiding the console only spares them the 403.
  const canSupervise = session.permissions.includes('settings.update');
  const canReport = session.permissions.includes('reports.read');
  const navLink = (label: string, isActive: boolean, onClick: () => void) => (
    <UnstyledButton onClick={onClick} fw={isActive ? 700 : 500} c={isActive ? 'teal.8' : 'dark'} px="xs">
      {label}
    </UnstyledButton>
  );
  return (
    <NavigationContext.Provider value={navigate}>
      <LiveFeedProvider agentId={session.agent.id}>
        <AppShell header={{ height: 52 }} padding={0}>
          <AppShell.Header>
            <Group h="100%" px="md" justify="space-between">
              <Group gap="md">
                <Text fw={800} c="teal.8">
                  {t('app.name')}
                </Text>
                {navLink(t('nav.inbox'), route.name === 'inbox' || route.name === 'ticket', () =>
                  navigate({ name: 'inbox' }),
                )}
                {canSupervise &&
                  navLink(t('nav.supervisor'), route.name === 'supervisor', () => navigate({ name: 'supervisor' }))}
                {canReport && navLink(t('nav.reports'), route.name === 'reports', () => navigate({ name: 'reports' }))}
              </Group>
              <Group gap="sm">
                <MentionsMenu />
                <LanguageSwitch onChange={rememberLanguage} />
                <Text size="sm" data-testid="agent-name">
                  {session.agent.name}
                </Text>
                <Button size="xs" variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                  {t('nav.signOut')}
                </Button>
              </Group>
            </Group>
          </AppShell.Header>
          <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
            <Suspense
              fallback={
                <Center py="xl">
                  <Loader />
                </Center>
              }
            >
              {route.name === 'inbox' && <InboxPage agentId={session.agent.id} drill={route.drill} />}
              {route.name === 'ticket' && (
                <TicketPage
                  key={route.ticketId}
                  ticketId={route.ticketId}
                  intent={route.intent}
                  agentId={session.agent.id}
                />
              )}
              {route.name === 'supervisor' && <SupervisorPage isAllowed={canSupervise} />}
              {route.name === 'reports' && <ReportsPage isAllowed={canReport} />}
            </Suspense>
          </AppShell.Main>
        </AppShell>
      </LiveFeedProvider>
    </NavigationContext.Provider>
  );
};

import type { TicketDto } from '@ascolta/contracts';
import { Badge, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { pollSeconds, useIsLive } from '../app/live-feed.tsx';
import { useNavigate } from '../app/navigation-context.tsx';
import type { TicketIntent } from '../app/route.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useTicketActions } from '../ticket/use-ticket-actions.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { ShortcutHelp } from '../ui/ShortcutHelp.tsx';
import { useNow } from '../ui/use-now.ts';
import { useShortcuts } from '../ui/use-shortcuts.ts';
import { FilterBar } from './FilterBar.tsx';
import { ReportTicketsList } from './ReportTicketsList.tsx';
import { TicketList } from './TicketList.tsx';
import { emptyFilters, filterTickets, type TicketFilters } from './ticket-filters.ts';
import { useDirectory } from './use-directory.ts';
import { useOpenTickets } from './use-tickets.ts';

/** The unified inbox, or with `drill` (a report drill-down's query) the tickets behind that figure. */
export const InboxPage = ({ agentId, drill }: { agentId: string; drill?: string | undefined }) =>
  drill === undefined ? <OpenTicketsInbox agentId={agentId} /> : <ReportTicketsList query={drill} />;

const OpenTicketsInbox = ({ agentId }: { agentId: string }) => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const isLive = useIsLive();
  const tickets = useOpenTickets(isLive ? false : pollSeconds * 1000);
  const directory = useDirectory();
  const nowMs = useNow();
  const [filters, setFilters] = useState<TicketFilters>(emptyFilters);
  // The selection follows the ticket, not the row number: live updates re-sort the list under the agent.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  // Re-filter when the data or filters change, not on every countdown tick; "at risk" uses the minute.
  const minute = Math.floor(nowMs / 60_000);
  const visible = useMemo(
    () => filterTickets(tickets.data ?? [], filters, agentId, minute * 60_000),
    [tickets.data, filters, agentId, minute],
  );
  const selected = Math.max(
    0,
    visible.findIndex((ticket) => ticket.id === selectedId),
  );
  const current: TicketDto | undefined = visible[selected];
  const select = (index: number) =>
    setSelectedId(visible[Math.max(0, Math.min(index, visible.length - 1))]?.id ?? null);
  const actions = useTicketActions(current?.id ?? '');
  const open = (ticket: TicketDto | undefined, intent?: TicketIntent) => {
    if (ticket !== undefined) navigate({ name: 'ticket', ticketId: ticket.id, ...(intent ? { intent } : {}) });
  };

  useShortcuts(
    {
      j: () => select(selected + 1),
      k: () => select(selected - 1),
      // biome-ignore lint/correctness/noComponentHookFactories: `Enter` is a key name, not a component
      Enter: () => open(current),
      r: () => open(current, 'reply'),
      n: () => open(current, 'note'),
      a: () => open(current, 'assign'),
      e: () => current !== undefined && actions.setStatus.mutate('resolved'),
      '?': () => setHelpOpen(true),
    },
    !helpOpen,
  );

  const changeFilters = (next: TicketFilters) => {
    setFilters(next);
    setSelectedId(null);
  };

  return (
    <Stack h="100%" gap="xs" p="md" style={{ minHeight: 0 }}>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3}>{t('inbox.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="inbox-count">
            {t('inbox.count', { count: visible.length })}
          </Text>
          {tickets.isLoadingMore && <Loader size="xs" aria-label={t('inbox.more')} />}
        </Group>
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            {t('inbox.shortcutsHint')}
          </Text>
          <Badge color={isLive ? 'green' : 'gray'} variant="dot">
            {isLive ? t('inbox.live') : t('inbox.polling', { seconds: pollSeconds })}
          </Badge>
        </Group>
      </Group>
      <FilterBar
        filters={filters}
        onChange={changeFilters}
        tickets={tickets.data ?? []}
        agents={directory.data?.agents ?? []}
        teams={directory.data?.teams ?? []}
      />
      {tickets.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {tickets.isError && <ErrorState error={tickets.error} onRetry={() => tickets.refetch()} />}
      {tickets.isSuccess && visible.length === 0 && (
        <Text c="dimmed" py="xl" ta="center">
          {t('inbox.empty')}
        </Text>
      )}
      {tickets.isSuccess && visible.length > 0 && (
        <TicketList
          label={t('inbox.title')}
          tickets={visible}
          agents={directory.data?.agents ?? []}
          selectedIndex={selected}
          nowMs={nowMs}
          onSelect={select}
          onOpen={(ticket) => open(ticket)}
        />
      )}
      <ShortcutHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </Stack>
  );
};

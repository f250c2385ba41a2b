import { Badge, Button, Center, Divider, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from '../app/navigation-context.tsx';
import type { TicketIntent } from '../app/route.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { nextDueAt } from '../inbox/ticket-filters.ts';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { PriorityBadge } from '../ui/PriorityBadge.tsx';
import { SlaCountdown } from '../ui/SlaCountdown.tsx';
import { useNow } from '../ui/use-now.ts';
import { useShortcuts } from '../ui/use-shortcuts.ts';
import { Composer, type ComposerMode } from './Composer.tsx';
import { CustomerPanel } from './CustomerPanel.tsx';
import { TicketActions } from './TicketActions.tsx';
import { Timeline } from './Timeline.tsx';
import { TriagePanel } from './TriagePanel.tsx';
import { useTicket } from './use-ticket.ts';
import { useTicketActions } from './use-ticket-actions.ts';

interface TicketPageProps {
  ticketId: string;
  intent?: TicketIntent | undefined;
  agentId: string;
}

export const TicketPage = ({ ticketId, intent, agentId }: TicketPageProps) => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const ticket = useTicket(ticketId);
  const actions = useTicketActions(ticketId);
  const nowMs = useNow();
  const [mode, setMode] = useState<ComposerMode>(intent === 'note' ? 'note' : 'public');
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const assignRef = useRef<HTMLInputElement>(null);
  const focusComposer = (next: ComposerMode) => {
    setMode(next);
    window.setTimeout(() => composerRef.current?.focus(), 0);
  };
  useShortcuts({
    r: () => focusComposer(ticket.data?.visibility === 'private' ? 'private' : 'public'),
    n: () => focusComposer('note'),
    a: () => assignRef.current?.focus(),
    e: () => actions.setStatus.mutate('resolved'),
    // biome-ignore lint/correctness/noComponentHookFactories: `Escape` is a key name, not a component
    Escape: () => navigate({ name: 'inbox' }),
  });
  const isLoaded = ticket.isSuccess;
  useEffect(() => {
    if (!isLoaded) return;
    if (intent === 'reply' || intent === 'note') composerRef.current?.focus();
    if (intent === 'assign') assignRef.current?.focus();
  }, [intent, isLoaded]);

  if (ticket.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  if (ticket.isError) {
    return (
      <Stack p="md">
        <ErrorState error={ticket.error} what="what.ticket" onRetry={() => ticket.refetch()} />
      </Stack>
    );
  }
  const data = ticket.data;
  return (
    <Group align="stretch" gap={0} wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
      <Stack gap="sm" p="md" style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Button size="xs" variant="subtle" style={{ flexShrink: 0 }} onClick={() => navigate({ name: 'inbox' })}>
              ← {t('ticket.back')}
            </Button>
            <ChannelIcon kind={data.channelKind} />
            <Title order={4} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
              #{data.number} {data.subject}
            </Title>
          </Group>
          <TicketActions ticket={data} nowMs={nowMs} agentId={agentId} assignRef={assignRef} />
        </Group>
        <Group gap="sm">
          <PriorityBadge band={data.priorityBand} score={data.priorityScore} />
          <Badge variant="outline" color="gray">
            {t(`status.${data.status}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {data.category} · {data.language.toUpperCase()} · {data.team?.name ?? ''}
          </Text>
          <SlaCountdown dueAt={nextDueAt(data)} nowMs={nowMs} answered={data.firstResponseAt !== null} />
        </Group>
        <Divider label={t('ticket.conversation')} labelPosition="left" />
        <ScrollArea style={{ flex: 1 }} type="auto">
          <Timeline ticket={data} />
        </ScrollArea>
        <Composer ticket={data} mode={mode} onModeChange={setMode} nowMs={nowMs} inputRef={composerRef} />
      </Stack>
      <ScrollArea w={380} p="md" style={{ borderLeft: '1px solid var(--mantine-color-gray-3)', flexShrink: 0 }}>
        <Stack gap="lg">
          <CustomerPanel ticket={data} />
          <TriagePanel ticket={data} />
        </Stack>
      </ScrollArea>
    </Group>
  );
};

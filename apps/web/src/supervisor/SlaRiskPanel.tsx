import { Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { useNavigate } from '../app/navigation-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { emptyFilters, filterTickets, nextDueAt } from '../inbox/ticket-filters.ts';
import { useOpenTickets } from '../inbox/use-tickets.ts';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { PriorityBadge } from '../ui/PriorityBadge.tsx';
import { SlaCountdown } from '../ui/SlaCountdown.tsx';
import { useNow } from '../ui/use-now.ts';

const shown = 12;

/** Open tickets whose next deadline is within the hour or past, most urgent first (the inbox's "at risk"). */
export const SlaRiskPanel = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  const tickets = useOpenTickets(false);
  const nowMs = useNow();
  const minute = Math.floor(nowMs / 60_000);
  const atRisk = useMemo(
    () => filterTickets(tickets.data ?? [], { ...emptyFilters, view: 'atRisk' }, '', minute * 60_000),
    [tickets.data, minute],
  );
  return (
    <Card withBorder data-testid="sla-risk">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('supervisor.slaRisk')}</Title>
        <Text size="sm" c={atRisk.length > 0 ? 'red' : 'dimmed'}>
          {t('inbox.count', { count: atRisk.length })}
        </Text>
      </Group>
      <Stack gap={4}>
        {atRisk.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('supervisor.noSlaRisk')}
          </Text>
        )}
        {atRisk.slice(0, shown).map((ticket) => (
          <UnstyledButton key={ticket.id} onClick={() => navigate({ name: 'ticket', ticketId: ticket.id })}>
            <Group gap="xs" wrap="nowrap">
              <ChannelIcon kind={ticket.channelKind} />
              <PriorityBadge band={ticket.priorityBand} />
              <Text size="sm" truncate style={{ flex: 1 }}>
                #{ticket.number} {ticket.subject}
              </Text>
              <SlaCountdown dueAt={nextDueAt(ticket)} nowMs={nowMs} answered={ticket.firstResponseAt !== null} />
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Card>
  );
};

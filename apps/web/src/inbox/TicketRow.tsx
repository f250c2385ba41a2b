import type { TicketDto } from '@ascolta/contracts';
import { Badge, Group, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { PriorityBadge } from '../ui/PriorityBadge.tsx';
import { SlaCountdown } from '../ui/SlaCountdown.tsx';
import { nextDueAt } from './ticket-filters.ts';

interface TicketRowProps {
  ticket: TicketDto;
  assigneeName: string | null;
  isSelected: boolean;
  nowMs: number;
  onOpen(): void;
  onSelect(): void;
}

export const TicketRow = ({ ticket, assigneeName, isSelected, nowMs, onOpen, onSelect }: TicketRowProps) => {
  const { t } = useI18n();
  return (
    <Group
      role="option"
      aria-selected={isSelected}
      data-testid="ticket-row"
      gap="sm"
      wrap="nowrap"
      px="sm"
      h="100%"
      onClick={onSelect}
      onDoubleClick={onOpen}
      style={{
        cursor: 'pointer',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: isSelected ? 'var(--mantine-color-teal-0)' : undefined,
        borderLeft: `3px solid ${isSelected ? 'var(--mantine-color-teal-6)' : 'transparent'}`,
      }}
    >
      <ChannelIcon kind={ticket.channelKind} />
      <PriorityBadge band={ticket.priorityBand} score={ticket.priorityScore} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed">
            #{ticket.number}
          </Text>
          <Text size="sm" fw={600} truncate>
            {ticket.subject}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Badge size="xs" variant="outline" color="gray">
            {t(`status.${ticket.status}`)}
          </Badge>
          <Text size="xs" c="dimmed" truncate>
            {ticket.category} · {ticket.language.toUpperCase()}
          </Text>
        </Group>
      </div>
      <div style={{ width: 130, textAlign: 'right' }}>
        <SlaCountdown dueAt={nextDueAt(ticket)} nowMs={nowMs} answered={ticket.firstResponseAt !== null} />
        <Text size="xs" c={assigneeName === null ? 'orange' : 'dimmed'} truncate>
          {assigneeName ?? t('inbox.unassigned')}
        </Text>
      </div>
    </Group>
  );
};

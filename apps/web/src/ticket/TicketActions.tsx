import type { TicketDetailDto } from '@ascolta/contracts';
import { Button, Group, Select } from '@mantine/core';
import type { RefObject } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDirectory } from '../inbox/use-directory.ts';
import { MoreActions } from './MoreActions.tsx';
import { useTicketActions } from './use-ticket-actions.ts';

interface TicketActionsProps {
  ticket: TicketDetailDto;
  nowMs: number;
  agentId: string;
  assignRef: RefObject<HTMLInputElement | null>;
}

export const TicketActions = ({ ticket, nowMs, agentId, assignRef }: TicketActionsProps) => {
  const { t } = useI18n();
  const actions = useTicketActions(ticket.id);
  const directory = useDirectory();
  const isDone = ticket.status === 'resolved' || ticket.status === 'closed';
  const agents = directory.data?.agents ?? [];
  const options = agents.length > 0 ? agents : ticket.assignee === null ? [] : [ticket.assignee];
  return (
    <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
      <Select
        ref={assignRef}
        size="xs"
        w={190}
        searchable
        placeholder={t('ticket.assignTo')}
        aria-label={t('ticket.assign')}
        data={options.map((agent) => ({ value: agent.id, label: agent.name }))}
        value={ticket.assigneeId}
        onChange={(id) => id !== null && actions.assign.mutate(id)}
      />
      {ticket.assigneeId !== agentId && (
        <Button
          size="xs"
          variant="light"
          onClick={() => actions.assign.mutate(agentId)}
          loading={actions.assign.isPending}
        >
          {t('ticket.assignMe')}
        </Button>
      )}
      <MoreActions ticket={ticket} nowMs={nowMs} />
      {isDone ? (
        <Button
          size="xs"
          variant="default"
          onClick={() => actions.setStatus.mutate('open')}
          loading={actions.setStatus.isPending}
        >
          {t('ticket.reopen')}
        </Button>
      ) : (
        <Button
          size="xs"
          color="green"
          onClick={() => actions.setStatus.mutate('resolved')}
          loading={actions.setStatus.isPending}
        >
          {t('ticket.resolve')}
        </Button>
      )}
    </Group>
  );
};

import type { TicketDetailDto } from '@ascolta/contracts';
import { Button, Checkbox, Group, Menu, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDirectory } from '../inbox/use-directory.ts';
import { mentionOf } from './composer-rules.ts';
import { useCustomer } from './use-ticket.ts';
import { useTicketActions } from './use-ticket-actions.ts';

type Dialog = 'transfer' | 'merge' | null;

/** Tomorrow at 09:00 local time: the usual "deal with it in the morning". */
const tomorrowMorning = (nowMs: number): Date => {
  const date = new Date(nowMs + 86_400_000);
  date.setHours(9, 0, 0, 0);
  return date;
};

/** Transfer to a team, escalate, snooze and merge: the less frequent actions, one menu away. */
export const MoreActions = ({ ticket, nowMs }: { ticket: TicketDetailDto; nowMs: number }) => {
  const { t } = useI18n();
  const actions = useTicketActions(ticket.id);
  const directory = useDirectory();
  const customer = useCustomer(ticket.customerId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [notifyCustomer, setNotifyCustomer] = useState(true);
  const close = () => {
    setDialog(null);
    setChoice(null);
    setNotifyCustomer(true);
  };
  const mergeTargets = (customer.data?.tickets ?? []).filter(
    (other) => other.id !== ticket.id && other.status !== 'closed',
  );
  const failure = [actions.transfer, actions.snooze, actions.merge, actions.assign].find(
    (mutation) => mutation.isError,
  )?.error;
  const snooze = (until: Date) => actions.snooze.mutate(until);
  // Escalating hands the ticket to the least loaded online supervisor and notifies them with a note.
  const supervisor = (directory.data?.agents ?? [])
    .filter((agent) => agent.role !== 'agent' && agent.presence === 'online' && agent.id !== ticket.assigneeId)
    .sort((a, b) => a.openTickets / Math.max(1, a.capacity) - b.openTickets / Math.max(1, b.capacity))[0];
  const escalate = () => {
    if (supervisor === undefined) return;
    actions.assign.mutate(supervisor.id, {
      onSuccess: () => actions.note.mutate({ text: `${mentionOf(supervisor.email)} ${t('ticket.escalatedNote')}` }),
    });
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" data-testid="more-actions">
            {t('ticket.more')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setDialog('transfer')}>{t('ticket.transfer')}</Menu.Item>
          <Menu.Item onClick={escalate} disabled={supervisor === undefined}>
            {supervisor === undefined
              ? t('ticket.noSupervisorOnline')
              : t('ticket.escalate', { name: supervisor.name })}
          </Menu.Item>
          <Menu.Label>{t('ticket.snooze')}</Menu.Label>
          <Menu.Item onClick={() => snooze(new Date(nowMs + 3_600_000))}>{t('ticket.snoozeHour')}</Menu.Item>
          <Menu.Item onClick={() => snooze(new Date(nowMs + 4 * 3_600_000))}>{t('ticket.snoozeFourHours')}</Menu.Item>
          <Menu.Item onClick={() => snooze(tomorrowMorning(nowMs))}>{t('ticket.snoozeTomorrow')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => setDialog('merge')}>{t('ticket.merge')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {failure !== undefined && failure !== null && (
        <Text size="xs" c="red" role="alert">
          {failure instanceof ApiError && failure.status === 403
            ? t('ticket.notAllowed')
            : t('app.error', { message: failure.message })}
        </Text>
      )}
      {actions.note.isSuccess && actions.assign.isSuccess && (
        <Text size="xs" c="teal">
          {t('ticket.escalated')}
        </Text>
      )}
      {actions.snooze.isSuccess && (
        <Text size="xs" c="teal">
          {t('ticket.snoozed')}
        </Text>
      )}
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog === 'merge' ? t('ticket.merge') : t('ticket.transfer')}
      >
        <Stack>
          {dialog === 'transfer' && (
            <>
              <Select
                label={t('filter.team')}
                data={(directory.data?.teams ?? []).map((team) => ({ value: team.id, label: team.name }))}
                value={choice}
                onChange={setChoice}
                data-autofocus
              />
              <Checkbox
                label={t('ticket.notifyCustomerOfTransfer')}
                description={t('ticket.notifyCustomerOfTransferHint')}
                checked={notifyCustomer}
                onChange={(event) => setNotifyCustomer(event.currentTarget.checked)}
              />
            </>
          )}
          {dialog === 'merge' && (
            <>
              <Text size="sm">{t('ticket.mergeHint')}</Text>
              <Select
                label={t('ticket.mergeInto')}
                nothingFoundMessage={t('ticket.noMergeTarget')}
                data={mergeTargets.map((other) => ({ value: other.id, label: `#${other.number} ${other.subject}` }))}
                value={choice}
                onChange={setChoice}
                data-autofocus
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('ticket.cancel')}
            </Button>
            <Button
              disabled={choice === null}
              onClick={() => {
                if (choice === null) return;
                if (dialog === 'transfer')
                  actions.transfer.mutate({ teamId: choice, notifyCustomer }, { onSuccess: close });
                if (dialog === 'merge') actions.merge.mutate(choice, { onSuccess: close });
              }}
            >
              {dialog === 'merge' ? t('ticket.merge') : t('ticket.transfer')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
};

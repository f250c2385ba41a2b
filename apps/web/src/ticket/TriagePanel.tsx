import type { TicketDetailDto } from '@ascolta/contracts';
import { defaultCategories } from '@ascolta/core';
import { Badge, Button, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useTicketActions } from './use-ticket-actions.ts';

interface TriageView {
  kind?: string;
  sentiment?: number;
  confidence?: number;
  explanation?: readonly string[];
}

/** The triage of the message that opened the ticket; the JSON column is read defensively. */
const firstTriage = (ticket: TicketDetailDto): TriageView | null => {
  const raw = ticket.messages.find((message) => message.direction === 'inbound' && message.triage !== null)?.triage;
  if (raw === undefined || raw === null) return null;
  const explanation = Array.isArray(raw.explanation) ? raw.explanation.filter((item) => typeof item === 'string') : [];
  const view: TriageView = { explanation };
  if (typeof raw.kind === 'string') view.kind = raw.kind;
  if (typeof raw.sentiment === 'number') view.sentiment = raw.sentiment;
  if (typeof raw.confidence === 'number') view.confidence = raw.confidence;
  return view;
};

/** Why the ticket exists and why it sits where it does in the queue. */
export const TriagePanel = ({ ticket }: { ticket: TicketDetailDto }) => {
  const { t } = useI18n();
  const triage = firstTriage(ticket);
  const collected = Object.entries(ticket.collectedFields);
  return (
    <Stack gap="xs" data-testid="triage-panel">
      <Title order={5}>{t('ticket.triage')}</Title>
      {triage === null ? (
        <Text size="sm" c="dimmed">
          {t('ticket.noTriage')}
        </Text>
      ) : (
        <>
          <Group gap={6}>
            {triage.kind !== undefined && <Badge variant="light">{`${t('ticket.kind')}: ${triage.kind}`}</Badge>}
            {triage.sentiment !== undefined && (
              <Badge
                variant="light"
                color={triage.sentiment < -0.2 ? 'red' : triage.sentiment > 0.2 ? 'green' : 'gray'}
              >
                {`${t('ticket.sentiment')}: ${triage.sentiment.toFixed(2)}`}
              </Badge>
            )}
            {triage.confidence !== undefined && (
              <Badge
                variant="outline"
                color="gray"
              >{`${t('ticket.confidence')}: ${Math.round(triage.confidence * 100)}%`}</Badge>
            )}
          </Group>
          <List size="sm" data-testid="triage-explanation">
            {triage.explanation?.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </>
      )}
      {ticket.status !== 'closed' && <TriageCorrection ticket={ticket} />}
      <Title order={6}>{t('ticket.contributions')}</Title>
      <Table fz="xs" data-testid="priority-contributions">
        <Table.Tbody>
          {ticket.priorityContributions.map((item) => (
            <Table.Tr key={`${item.factor}-${item.reason}`}>
              <Table.Td fw={600}>{item.factor}</Table.Td>
              <Table.Td c={item.points >= 0 ? 'teal.8' : 'red'}>
                {item.points >= 0 ? `+${item.points}` : item.points}
              </Table.Td>
              <Table.Td>{item.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={6}>{t('ticket.collected')}</Title>
      {collected.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ticket.noCollected')}
        </Text>
      ) : (
        <Table fz="xs">
          <Table.Tbody>
            {collected.map(([field, value]) => (
              <Table.Tr key={field}>
                <Table.Td fw={600}>{field}</Table.Td>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
};

/** An agent corrects the triage: another category, or "needs no reply" (closes the ticket). Kept for retraining. */
const TriageCorrection = ({ ticket }: { ticket: TicketDetailDto }) => {
  const { t } = useI18n();
  const { correctTriage } = useTicketActions(ticket.id);
  const categories = [...new Set<string>([...defaultCategories, ticket.category])];
  return (
    <Group gap="xs" align="end" data-testid="triage-correction">
      <Select
        size="xs"
        label={t('ticket.correctCategory')}
        data={categories}
        value={ticket.category}
        allowDeselect={false}
        onChange={(category) => {
          if (category !== null && category !== ticket.category) correctTriage.mutate({ category });
        }}
      />
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          if (window.confirm(t('ticket.notActionableConfirm'))) correctTriage.mutate({ actionable: false });
        }}
      >
        {t('ticket.notActionable')}
      </Button>
      {correctTriage.isSuccess && (
        <Text size="xs" c="teal">
          {t('ticket.triageCorrected')}
        </Text>
      )}
      {correctTriage.isError && (
        <Text size="xs" c="red" role="alert">
          {t('app.error', { message: correctTriage.error.message })}
        </Text>
      )}
    </Group>
  );
};

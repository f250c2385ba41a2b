import type { TicketDetailDto } from '@ascolta/contracts';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/messages-en.ts';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';

type Message = TicketDetailDto['messages'][number];
type Note = TicketDetailDto['notes'][number];
type Entry = { kind: 'message'; at: string; message: Message } | { kind: 'note'; at: string; note: Note };

const deliveryKeys: Readonly<Record<string, MessageKey>> = {
  received: 'delivery.received',
  queued: 'delivery.queued',
  sent: 'delivery.sent',
  delivered: 'delivery.delivered',
  read: 'delivery.read',
  failed: 'delivery.failed',
};

const deliveryColor: Record<string, string> = { failed: 'red', read: 'teal', delivered: 'teal', sent: 'blue' };

const MessageEntry = ({ message }: { message: Message }) => {
  const { t } = useI18n();
  const isOutbound = message.direction === 'outbound';
  const isPrivate = message.visibility === 'private';
  const stateKey = deliveryKeys[message.deliveryState];
  return (
    <Paper
      data-testid="timeline-message"
      withBorder
      p="sm"
      ml={isOutbound ? 60 : 0}
      mr={isOutbound ? 0 : 60}
      bg={isOutbound ? 'teal.0' : undefined}
      style={{ borderStyle: isPrivate ? 'dashed' : 'solid' }}
    >
      <Group justify="space-between" gap="xs" mb={4}>
        <Group gap={6}>
          <ChannelIcon kind={message.channelKind} size="sm" />
          <Text size="sm" fw={600}>
            {isOutbound ? `${t('ticket.fromAgent')} · ${message.authorHandle}` : message.authorHandle}
          </Text>
          <Badge size="xs" variant="light" color={isPrivate ? 'grape' : 'blue'}>
            {isPrivate ? t('ticket.private') : t('ticket.public')}
          </Badge>
        </Group>
        <Group gap={6}>
          {isOutbound && (
            <Badge size="xs" variant="outline" color={deliveryColor[message.deliveryState] ?? 'gray'}>
              {stateKey === undefined ? message.deliveryState : t(stateKey)}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {new Date(message.receivedAt).toLocaleString()}
          </Text>
        </Group>
      </Group>
      {message.subject !== null && (
        <Text size="sm" fw={500}>
          {message.subject}
        </Text>
      )}
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {message.text}
      </Text>
      {message.deliveryError !== null && (
        <Text size="xs" c="red">
          {message.deliveryError}
        </Text>
      )}
    </Paper>
  );
};

const NoteEntry = ({ note }: { note: Note }) => {
  const { t } = useI18n();
  return (
    <Paper
      data-testid="timeline-note"
      p="sm"
      bg="yellow.0"
      withBorder
      style={{ borderColor: 'var(--mantine-color-yellow-4)' }}
    >
      <Group justify="space-between" mb={4}>
        <Badge size="xs" color="yellow" variant="filled">
          {t('ticket.note')}
        </Badge>
        <Text size="xs" c="dimmed">
          {new Date(note.createdAt).toLocaleString()}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {note.text}
      </Text>
    </Paper>
  );
};

/** Messages from every channel and internal notes, oldest first; private and internal items look different. */
export const Timeline = ({ ticket }: { ticket: TicketDetailDto }) => {
  const { t } = useI18n();
  const entries: Entry[] = [
    ...ticket.messages.map((message): Entry => ({ kind: 'message', at: message.receivedAt, message })),
    ...ticket.notes.map((note): Entry => ({ kind: 'note', at: note.createdAt, note })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (entries.length === 0) return <Text c="dimmed">{t('ticket.noMessages')}</Text>;
  return (
    <Stack gap="sm">
      {entries.map((entry) =>
        entry.kind === 'message' ? (
          <MessageEntry key={entry.message.id} message={entry.message} />
        ) : (
          <NoteEntry key={entry.note.id} note={entry.note} />
        ),
      )}
    </Stack>
  );
};

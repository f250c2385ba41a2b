import type { TicketDetailDto } from '@ascolta/contracts';
import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type RefObject, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDirectory } from '../inbox/use-directory.ts';
import { formatDuration } from '../ui/format-duration.ts';
import { checkComposer, mentionOf, templateVariables, windowClosingSoonMs } from './composer-rules.ts';
import { useIncident, useTemplates } from './use-ticket.ts';
import { useTicketActions } from './use-ticket-actions.ts';

export type ComposerMode = 'public' | 'private' | 'note';

interface ComposerProps {
  ticket: TicketDetailDto;
  mode: ComposerMode;
  onModeChange(mode: ComposerMode): void;
  nowMs: number;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

const lastInboundAt = (ticket: TicketDetailDto): string | null =>
  ticket.messages.filter((message) => message.direction === 'inbound').at(-1)?.receivedAt ?? null;

export const Composer = ({ ticket, mode, onModeChange, nowMs, inputRef }: ComposerProps) => {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [variables, setVariables] = useState<Record<string, string>>({});
  const actions = useTicketActions(ticket.id);
  const templates = useTemplates(ticket.language);
  const incident = useIncident(ticket.incidentId);
  const directory = useDirectory();
  const isNote = mode === 'note';
  const template = templates.data?.find((item) => item.id === templateId);
  const neededVariables = template === undefined ? [] : templateVariables(template.body);
  const missingVariable = neededVariables.some((name) => (variables[name] ?? '').trim() === '');
  const solution = incident.data?.solution[ticket.language] ?? Object.values(incident.data?.solution ?? {})[0];
  const check = checkComposer(text, ticket.channelKind, isNote ? 'public' : mode, lastInboundAt(ticket), nowMs);
  const pending = isNote ? actions.note : actions.reply;
  const canSend = isNote
    ? text.trim() !== ''
    : templateId !== null
      ? !missingVariable
      : text.trim() !== '' && !check.needsTemplate;

  const send = () => {
    if (!canSend) return;
    const done = {
      onSuccess: () => {
        setText('');
        setTemplateId(null);
        setVariables({});
      },
    };
    if (isNote) actions.note.mutate({ text: text.trim() }, done);
    else if (templateId !== null) actions.reply.mutate({ visibility: mode, templateId, variables }, done);
    else actions.reply.mutate({ visibility: mode, text: text.trim() }, done);
  };

  return (
    <Stack gap={6} data-testid="composer">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(value) => onModeChange(value === 'private' ? 'private' : value === 'note' ? 'note' : 'public')}
          data={[
            { value: 'public', label: t('composer.public') },
            { value: 'private', label: t('composer.private') },
            { value: 'note', label: t('composer.note') },
          ]}
        />
        {!isNote && (
          <Select
            size="xs"
            w={220}
            clearable
            placeholder={templates.data?.length === 0 ? t('composer.noTemplates') : t('composer.template')}
            aria-label={t('composer.template')}
            data={(templates.data ?? []).map((template) => ({ value: template.id, label: template.name }))}
            value={templateId}
            onChange={(id) => {
              setTemplateId(id);
              setVariables({});
              const picked = templates.data?.find((item) => item.id === id);
              if (picked !== undefined) setText(picked.body);
            }}
          />
        )}
      </Group>
      {!isNote && check.window.state === 'closed' && (
        <Alert color="orange" p="xs" data-testid="window-warning">
          {t('composer.windowClosed', { hours: check.window.hours, time: formatDuration(check.window.closedForMs) })}
        </Alert>
      )}
      {!isNote && check.window.state === 'open' && check.window.closesInMs < windowClosingSoonMs && (
        <Alert color="yellow" p="xs" data-testid="window-warning">
          {t('composer.windowClosing', { time: formatDuration(check.window.closesInMs) })}
        </Alert>
      )}
      {!isNote && neededVariables.length > 0 && (
        <Group gap="xs" data-testid="template-variables">
          {neededVariables.map((name) => (
            <TextInput
              key={name}
              size="xs"
              label={name}
              required
              value={variables[name] ?? ''}
              error={(variables[name] ?? '') === '' ? t('composer.variableNeeded') : undefined}
              onChange={(event) => setVariables({ ...variables, [name]: event.currentTarget.value })}
            />
          ))}
        </Group>
      )}
      {!isNote && solution !== undefined && (
        <Group gap="xs">
          <Button size="compact-xs" variant="light" onClick={() => setText(solution)} data-testid="insert-solution">
            {t('composer.insertSolution', { title: incident.data?.title ?? '' })}
          </Button>
        </Group>
      )}
      {isNote && (
        <Group gap={4} aria-label={t('composer.mention')}>
          <Text size="xs" c="dimmed">
            {t('composer.mention')}
          </Text>
          {(directory.data?.agents ?? []).slice(0, 8).map((agent) => (
            <Button
              key={agent.id}
              size="compact-xs"
              variant="subtle"
              onClick={() =>
                setText(`${text}${text === '' || text.endsWith(' ') ? '' : ' '}${mentionOf(agent.email)} `)
              }
            >
              {mentionOf(agent.email)}
            </Button>
          ))}
        </Group>
      )}
      <Textarea
        ref={inputRef}
        autosize
        minRows={3}
        maxRows={10}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        placeholder={isNote ? t('composer.notePlaceholder') : t('composer.placeholder')}
        styles={isNote ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
      />
      <Group justify="space-between">
        <Text size="xs" c={check.overBy > 0 ? 'red' : 'dimmed'} data-testid="char-count">
          {check.limit === null ? text.length : t('composer.count', { count: check.count, limit: check.limit })}
          {check.overBy > 0 &&
            ` · ${t('composer.tooLong', { over: check.overBy, channel: t(`channel.${ticket.channelKind}`) })}`}
        </Text>
        <Group gap="xs">
          {pending.isError && (
            <Text size="xs" c="red">
              {pending.error instanceof ApiError && pending.error.isMissingRoute
                ? t('app.notAvailable', { what: t('what.reply') })
                : t('app.error', { message: pending.error.message })}
            </Text>
          )}
          {pending.isSuccess && (
            <Text size="xs" c="teal">
              {isNote ? t('composer.noteSaved') : t('composer.sent')}
            </Text>
          )}
          <Button
            size="xs"
            onClick={send}
            disabled={!canSend}
            loading={pending.isPending}
            color={isNote ? 'yellow' : undefined}
          >
            {isNote ? t('composer.saveNote') : t('composer.send')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
};

import type { IncidentDto } from '@ascolta/contracts';
import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useOpenTickets } from '../inbox/use-tickets.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useOpenIncidents, usePublishSolution } from './use-console.ts';

const solutionLanguages = ['it', 'en'] as const;

const IncidentRow = ({ incident, linked }: { incident: IncidentDto; linked: number }) => {
  const { t } = useI18n();
  const publish = usePublishSolution();
  const [isOpen, setOpen] = useState(false);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [isMissing, setMissing] = useState(false);
  const submit = () => {
    const solution = Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim() !== ''));
    setMissing(Object.keys(solution).length === 0);
    if (Object.keys(solution).length > 0) publish.mutate({ incidentId: incident.id, solution });
  };
  return (
    <Stack gap={4} data-testid="incident">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} truncate>
          {incident.title}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Badge variant="light">{incident.category}</Badge>
          <Badge variant="outline" color="gray">
            {t('supervisor.linkedTickets', { count: linked })}
          </Badge>
          <Button size="compact-xs" variant="light" onClick={() => setOpen(!isOpen)}>
            {t('supervisor.publishSolution')}
          </Button>
        </Group>
      </Group>
      {isOpen && (
        <Stack gap={4}>
          {solutionLanguages.map((language) => (
            <Textarea
              key={language}
              size="xs"
              autosize
              minRows={2}
              label={t('supervisor.solutionIn', { language: t(`lang.${language}`) })}
              value={texts[language] ?? ''}
              onChange={(event) => setTexts({ ...texts, [language]: event.currentTarget.value })}
            />
          ))}
          {isMissing && (
            <Text size="xs" c="red" role="alert">
              {t('supervisor.solutionNeeded')}
            </Text>
          )}
          {publish.isError && (
            <Text size="xs" c="red" role="alert">
              {t('app.error', { message: publish.error.message })}
            </Text>
          )}
          {publish.isSuccess && (
            <Text size="xs" c="teal" data-testid="solution-published">
              {t('supervisor.solutionPublished', {
                sent: publish.data.queuedMessageIds.length,
                agent: publish.data.ticketIdsNeedingAgent.length,
              })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button size="xs" onClick={submit} loading={publish.isPending}>
              {t('supervisor.publishAndResolve')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
};

/** Open incidents with their linked tickets; publishing the solution answers every linked ticket at once. */
export const IncidentsPanel = () => {
  const { t } = useI18n();
  const incidents = useOpenIncidents();
  const tickets = useOpenTickets(false);
  if (incidents.isError) return <ErrorState error={incidents.error} onRetry={() => incidents.refetch()} />;
  const items = incidents.data?.items ?? [];
  const linked = (id: string) => (tickets.data ?? []).filter((ticket) => ticket.incidentId === id).length;
  return (
    <Card withBorder data-testid="incidents">
      <Title order={4} mb="xs">
        {t('supervisor.incidents')}
      </Title>
      <Stack gap="sm">
        {incidents.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('supervisor.noIncidents')}
          </Text>
        )}
        {items.map((incident) => (
          <IncidentRow key={incident.id} incident={incident} linked={linked(incident.id)} />
        ))}
      </Stack>
    </Card>
  );
};

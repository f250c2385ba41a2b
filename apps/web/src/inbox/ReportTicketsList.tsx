import { Alert, Anchor, Badge, Center, Group, Loader, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from '../app/navigation-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/messages-en.ts';
import type { Translate } from '../i18n/translate.ts';
import { formatMinutes } from '../reports/format-figures.ts';
import { useReportTickets } from '../reports/use-reports.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { PriorityBadge } from '../ui/PriorityBadge.tsx';

const drillLabels = {
  from: 'reports.from',
  to: 'reports.to',
  channel: 'filter.channel',
  category: 'filter.category',
  language: 'filter.language',
  team: 'filter.team',
  agent: 'filter.assignee',
  priorityBand: 'filter.priority',
  bucketStart: 'reports.bucketStart',
  openAtEnd: 'reports.openAtEnd',
} as const satisfies Record<string, MessageKey>;

/** "From: 2026-10-24 · To: 2026-11-22 · Period starting: 19/11/2026, 00:00" in the UI language. */
const describe = (query: string, t: Translate, language: string): string =>
  [...new URLSearchParams(query).entries()]
    .flatMap(([key, value]) => {
      const label = drillLabels[key as keyof typeof drillLabels];
      if (label === undefined) return [];
      const shown =
        key === 'bucketStart' ? new Date(value).toLocaleString(language) : key === 'openAtEnd' ? '✓' : value;
      return [`${t(label)}: ${shown}`];
    })
    .join(' · ');

/** The inbox narrowed to the tickets behind one report figure (open or resolved), each one click away. */
export const ReportTicketsList = ({ query }: { query: string }) => {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const tickets = useReportTickets(query);
  const rows = tickets.data?.items ?? [];
  return (
    <Stack h="100%" gap="xs" p="md" style={{ minHeight: 0 }} data-testid="drill-down">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3}>{t('inbox.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="inbox-count">
            {t('inbox.count', { count: rows.length })}
          </Text>
        </Group>
        <Group gap="sm">
          <Anchor component="button" size="sm" onClick={() => navigate({ name: 'reports' })}>
            ← {t('nav.reports')}
          </Anchor>
          <Anchor component="button" size="sm" onClick={() => navigate({ name: 'inbox' })}>
            {t('inbox.allOpen')}
          </Anchor>
        </Group>
      </Group>
      <Alert p="xs" color="blue">
        {t('inbox.fromReport', { filters: describe(query, t, language) })}
      </Alert>
      {tickets.isPending && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {tickets.isError && <ErrorState error={tickets.error} what="what.reports" onRetry={() => tickets.refetch()} />}
      {tickets.isSuccess && rows.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {t('inbox.empty')}
        </Text>
      )}
      <ScrollArea style={{ flex: 1 }}>
        <Table highlightOnHover fz="sm">
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={row.ticketId}
                data-testid="drill-row"
                style={{ cursor: 'pointer' }}
                tabIndex={0}
                onClick={() => navigate({ name: 'ticket', ticketId: row.ticketId })}
                onKeyDown={(event) => event.key === 'Enter' && navigate({ name: 'ticket', ticketId: row.ticketId })}
              >
                <Table.Td>#{row.ticketNumber ?? ''}</Table.Td>
                <Table.Td>
                  <PriorityBadge band={row.priorityBand} />
                </Table.Td>
                <Table.Td>{row.channelKind === null ? '' : t(`channel.${row.channelKind}` as 'channel.x')}</Table.Td>
                <Table.Td>{row.category}</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="outline" color={row.status === 'open' ? 'orange' : 'teal'}>
                    {t(row.status === 'open' ? 'status.open' : 'status.resolved')}
                  </Badge>
                </Table.Td>
                <Table.Td>{new Date(row.openedAt).toLocaleString(language)}</Table.Td>
                <Table.Td>
                  {t('reports.firstResponse')}: {formatMinutes(row.firstResponseMinutes)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
};

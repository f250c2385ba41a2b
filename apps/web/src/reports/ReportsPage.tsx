import {
  Alert,
  Box,
  Center,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from '../app/navigation-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useChannels } from '../supervisor/use-supervisor.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { Chart } from './Chart.tsx';
import {
  attainmentOption,
  backlogOption,
  measuredRows,
  responseTimesOption,
  sentimentOption,
  triageOption,
  type VolumeDimension,
  volumeOption,
} from './chart-options.ts';
import { bucketLabel } from './format-figures.ts';
import { BusinessCaseTable, KeyFigures, Panel } from './KeyFigures.tsx';
import { ReportFilters } from './ReportFilters.tsx';
import {
  type DrillDown,
  defaultSelection,
  type ReportSelection,
  reportParams,
  selectionProblem,
} from './report-query.ts';
import { SlaTiles } from './SlaTiles.tsx';
import { browserTimeZone, useReport } from './use-reports.ts';

/** Supervisors' and admins' reports: figures from the event log, charts that drill down to their tickets. */
export const ReportsPage = ({ isAllowed }: { isAllowed: boolean }) => {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const [selection, setSelection] = useState<ReportSelection>(() => defaultSelection(new Date(), browserTimeZone()));
  const [dimension, setDimension] = useState<VolumeDimension>('byChannel');
  const [isBusiness, setBusiness] = useState(false);
  const problem = selectionProblem(selection);
  const overview = useReport('overview', selection, isAllowed && problem === null);
  const sentiment = useReport('sentiment', selection, isAllowed && problem === null);
  const channels = useChannels();
  const label = bucketLabel(language, selection.timeZone, selection.bucket);
  const report = overview.data?.report;
  const buckets = report?.volume.buckets ?? [];

  const drill = useCallback(
    (extra: DrillDown) => navigate({ name: 'inbox', drill: reportParams(selection, extra).toString() }),
    [navigate, selection],
  );
  const nameOf = useCallback(
    (key: string) =>
      dimension === 'byChannel' ? (channels.data?.items.find((channel) => channel.id === key)?.name ?? key) : key,
    [dimension, channels.data],
  );
  const volume = useMemo(
    () => (report === undefined ? null : volumeOption(report.volume, dimension, nameOf, label)),
    [report, dimension, nameOf, label],
  );
  const teams = useMemo(() => measuredRows(report?.sla.teams ?? []), [report]);

  if (!isAllowed) {
    return (
      <Alert m="md" color="red" role="alert" data-testid="not-allowed">
        {t('reports.notAllowed')}
      </Alert>
    );
  }
  return (
    <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
      <Stack p="md" gap="md">
        <Group justify="space-between">
          <Title order={3}>{t('reports.title')}</Title>
          {overview.isFetching && <Loader size="xs" aria-label={t('app.loading')} />}
        </Group>
        <ReportFilters
          selection={selection}
          onChange={setSelection}
          categories={Object.keys(report?.volume.totals.byCategory ?? {})}
          canExport={problem === null}
        />
        {problem !== null && (
          <Alert color="orange" role="alert" data-testid="report-problem">
            {t(`reports.problem.${problem}`)}
          </Alert>
        )}
        {overview.isError && (
          <ErrorState error={overview.error} what="what.reports" onRetry={() => overview.refetch()} />
        )}
        {overview.isPending && problem === null && (
          <Center py="xl">
            <Loader />
          </Center>
        )}
        {report !== undefined && volume !== null && (
          <>
            <SlaTiles sla={report.sla} />
            <KeyFigures overview={report} />
            <Text size="xs" c="dimmed">
              {t('reports.drillHint')}
            </Text>
            <Panel title={t('reports.volume')} testId="chart-volume">
              <SegmentedControl
                size="xs"
                mb="xs"
                value={dimension}
                onChange={(value) => setDimension(value as VolumeDimension)}
                data={[
                  { value: 'byChannel', label: t('filter.channel') },
                  { value: 'byKind', label: t('reports.kind') },
                  { value: 'byCategory', label: t('filter.category') },
                ]}
              />
              <Chart
                option={volume}
                label={t('reports.volumeLabel', { count: report.volume.totals.ticketsOpened })}
                testId="volume-chart"
                onPointClick={({ seriesId, dataIndex }) => {
                  const bucketStart = buckets[dataIndex]?.start;
                  const extra: DrillDown = bucketStart === undefined ? {} : { bucketStart };
                  if (dimension === 'byChannel') extra.channel = seriesId;
                  if (dimension === 'byCategory') extra.category = seriesId;
                  drill(extra);
                }}
              />
            </Panel>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Panel title={t('reports.responseTimes')}>
                <SegmentedControl
                  size="xs"
                  mb="xs"
                  value={isBusiness ? 'business' : 'calendar'}
                  onChange={(value) => setBusiness(value === 'business')}
                  data={[
                    { value: 'calendar', label: t('reports.calendar') },
                    { value: 'business', label: t('reports.business') },
                  ]}
                />
                <Chart
                  option={responseTimesOption(
                    report.responseTimes,
                    isBusiness,
                    { firstResponse: t('reports.firstResponse'), resolution: t('reports.resolution') },
                    label,
                  )}
                  label={t('reports.responseTimes')}
                  onPointClick={({ dataIndex }) => {
                    const bucketStart = report.responseTimes.buckets[dataIndex]?.start;
                    if (bucketStart !== undefined) drill({ bucketStart });
                  }}
                />
              </Panel>
              <Panel title={t('reports.slaByTeam')}>
                {teams.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('reports.nothingMeasured')}
                  </Text>
                ) : (
                  <Chart
                    option={attainmentOption(teams)}
                    label={t('reports.slaByTeam')}
                    onPointClick={({ dataIndex }) => {
                      const team = teams[dataIndex]?.teamId;
                      if (team !== null && team !== undefined) drill({ team });
                    }}
                  />
                )}
              </Panel>
              <Panel title={t('reports.backlogByAge')}>
                <Chart
                  option={backlogOption(report.backlog)}
                  label={t('reports.backlogByAge')}
                  onPointClick={() => drill({ openAtEnd: true })}
                />
              </Panel>
              <Panel title={t('reports.triage')}>
                <Chart option={triageOption(report.triage, t('reports.actionable'))} label={t('reports.triage')} />
              </Panel>
              {sentiment.data !== undefined && (
                <Panel title={t('reports.sentiment')}>
                  <Chart
                    option={sentimentOption(
                      sentiment.data.report,
                      { average: t('reports.averageSentiment'), negative: t('reports.negativeShare') },
                      label,
                    )}
                    label={t('reports.sentiment')}
                    onPointClick={({ dataIndex }) => {
                      const bucketStart = sentiment.data.report.buckets[dataIndex]?.start;
                      if (bucketStart !== undefined) drill({ bucketStart });
                    }}
                  />
                  <Text size="xs" c="dimmed">
                    {t('reports.risingTopics')}:{' '}
                    {sentiment.data.report.risingTopics
                      .slice(0, 5)
                      .map((topic) => `${topic.category} (+${topic.current - topic.previous})`)
                      .join(', ') || '–'}
                  </Text>
                </Panel>
              )}
              <Panel title={t('reports.businessCase')}>
                <BusinessCaseTable overview={report} />
              </Panel>
            </SimpleGrid>
            <Panel title={t('reports.comments')} testId="survey-comments">
              {report.satisfaction.comments.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('reports.noComments')}
                </Text>
              ) : (
                <Table fz="xs">
                  <Table.Tbody>
                    {report.satisfaction.comments.slice(0, 20).map((comment) => (
                      <Table.Tr key={`${comment.ticketId}-${comment.answeredAt}`}>
                        <Table.Td>{comment.kind.toUpperCase()}</Table.Td>
                        <Table.Td fw={700}>{comment.score}</Table.Td>
                        <Table.Td>{comment.comment}</Table.Td>
                        <Table.Td>{comment.ticketNumber === null ? '' : `#${comment.ticketNumber}`}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Panel>
          </>
        )}
      </Stack>
    </Box>
  );
};

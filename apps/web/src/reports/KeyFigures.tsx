import type { OverviewReportDto } from '@ascolta/contracts';
import { Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatMinutes, formatNumber, formatShare } from './format-figures.ts';

export const Figure = ({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) => (
  <Card withBorder padding="sm">
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fz={22} fw={800} data-testid={testId}>
      {value}
    </Text>
    {hint !== undefined && (
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    )}
  </Card>
);

export const Panel = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card withBorder padding="sm" data-testid={testId}>
    <Title order={5} mb="xs">
      {title}
    </Title>
    {children}
  </Card>
);

/** The headline numbers of the overview: volume, times, backlog, automation, satisfaction. */
export const KeyFigures = ({ overview }: { overview: OverviewReportDto }) => {
  const { t, language } = useI18n();
  const { volume, responseTimes, backlog, automation, satisfaction } = overview;
  const first = responseTimes.firstResponse;
  const resolution = responseTimes.resolution;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} data-testid="key-figures">
      <Figure
        label={t('reports.ticketsOpened')}
        value={formatNumber(volume.totals.ticketsOpened, language, 0)}
        hint={t('reports.messagesReceived', { count: volume.totals.messagesReceived })}
        testId="figure-tickets"
      />
      <Figure
        label={t('reports.firstResponseMedian')}
        value={formatMinutes(first.calendar.medianMinutes)}
        hint={`p90 ${formatMinutes(first.calendar.p90Minutes)} · ${t('reports.business')} ${formatMinutes(first.business.medianMinutes)}`}
      />
      <Figure
        label={t('reports.resolutionMedian')}
        value={formatMinutes(resolution.calendar.medianMinutes)}
        hint={`p90 ${formatMinutes(resolution.calendar.p90Minutes)} · ${t('reports.business')} ${formatMinutes(resolution.business.medianMinutes)}`}
      />
      <Figure
        label={t('reports.backlog')}
        value={formatNumber(backlog.open, language, 0)}
        hint={t('reports.oldest', { age: formatMinutes(backlog.oldestAgeMinutes) })}
      />
      <Figure
        label={t('reports.collectedInOne')}
        value={formatShare(automation.infoCollectedInOneInteractionShare, language)}
        hint={t('reports.ofAsked', { count: automation.infoRequested })}
      />
      <Figure
        label={t('reports.autoResolved')}
        value={formatShare(automation.autoResolvedShare, language)}
        hint={t('reports.interactionsPerTicket', { count: formatNumber(automation.interactionsPerTicket, language) })}
      />
      <Figure
        label="CSAT"
        value={satisfaction.csat.score === null ? '–' : `${formatNumber(satisfaction.csat.score, language, 0)}%`}
        hint={t('reports.responses', { count: satisfaction.csat.responses })}
        testId="figure-csat"
      />
      <Figure
        label="NPS"
        value={formatNumber(satisfaction.nps.score, language, 0)}
        hint={t('reports.responses', { count: satisfaction.nps.responses })}
        testId="figure-nps"
      />
    </SimpleGrid>
  );
};

/** The business case of MISSION.md: what the team measured before against what Ascolta measures now. */
export const BusinessCaseTable = ({ overview }: { overview: OverviewReportDto }) => {
  const { t, language } = useI18n();
  const business = overview.businessCase;
  const row = (label: string, item: { baseline: number; measured: number | null; change: number | null }) => (
    <Table.Tr key={label}>
      <Table.Td>{label}</Table.Td>
      <Table.Td>{formatNumber(item.baseline, language)}</Table.Td>
      <Table.Td>{formatNumber(item.measured, language)}</Table.Td>
      <Table.Td c={item.change !== null && item.change < 0 ? 'teal.8' : undefined}>
        {item.change === null ? '–' : formatShare(item.change, language)}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Table fz="xs" data-testid="business-case">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>{t('reports.baseline')}</Table.Th>
          <Table.Th>{t('reports.measured')}</Table.Th>
          <Table.Th>{t('reports.change')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row(t('reports.handlingHours'), business.handlingHoursPerTicket)}
        {row(t('reports.interactionsPerCase'), business.interactionsPerCase)}
        {row(t('reports.agentHoursPerTicket'), business.agentHoursPerTicket)}
      </Table.Tbody>
    </Table>
  );
};

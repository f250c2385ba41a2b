import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useIsLive } from '../app/live-feed.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatMinutes, formatShare } from '../reports/format-figures.ts';
import { Figure } from '../reports/KeyFigures.tsx';
import { useTodayFigures } from '../reports/use-reports.ts';
import { ErrorState } from '../ui/ErrorState.tsx';

/** Today's figures so far, refreshed by every event of the live feed (`GET /api/v1/reports/today`). */
export const TodayPanel = () => {
  const { t, language } = useI18n();
  const today = useTodayFigures();
  const isLive = useIsLive();
  if (today.isError) return <ErrorState error={today.error} what="what.reports" onRetry={() => today.refetch()} />;
  const figures = today.data;
  return (
    <Card withBorder data-testid="today-figures">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('reports.today')}</Title>
        <Text size="xs" c={isLive ? 'green' : 'dimmed'}>
          {isLive ? t('inbox.live') : ''}
        </Text>
      </Group>
      {figures !== undefined && (
        <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
          <Figure
            label={t('reports.todayOpened')}
            value={String(figures.ticketsOpened)}
            hint={t('reports.messagesReceived', { count: figures.messagesReceived })}
            testId="today-opened"
          />
          <Figure label={t('reports.todayResolved')} value={String(figures.ticketsResolved)} />
          <Figure
            label={t('reports.todayWaiting')}
            value={String(figures.waitingForFirstResponse)}
            hint={t('reports.todayOldest', { age: formatMinutes(figures.oldestWaitingMinutes) })}
          />
          <Figure label={t('reports.firstResponseMedian')} value={formatMinutes(figures.firstResponseMedianMinutes)} />
          <Figure
            label={t('reports.slaOverall')}
            value={formatShare(figures.slaAttainment, language)}
            hint={t('reports.todayBreaches', { count: figures.slaBreaches })}
          />
          <Figure label="CSAT" value={figures.csat === null ? '–' : `${Math.round(figures.csat)}%`} />
        </SimpleGrid>
      )}
    </Card>
  );
};

import { Alert, Box, SimpleGrid, Stack, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { AgentForm } from './AgentForm.tsx';
import { BusinessHoursForm } from './BusinessHoursForm.tsx';
import { ChannelHealthPanel } from './ChannelHealthPanel.tsx';
import { IgnoredPostsPanel } from './IgnoredPostsPanel.tsx';
import { IncidentsPanel } from './IncidentsPanel.tsx';
import { InfoRequestsList } from './InfoRequestsList.tsx';
import { LoadPanel } from './LoadPanel.tsx';
import { PriorityForm } from './PriorityForm.tsx';
import { SlaPolicyForm } from './SlaPolicyForm.tsx';
import { SlaRiskPanel } from './SlaRiskPanel.tsx';
import { TeamsForm } from './TeamsForm.tsx';
import { TemplatesForm } from './TemplatesForm.tsx';
import { TodayPanel } from './TodayPanel.tsx';

/** Live load, channel health and the priority and SLA settings; only for people who may change settings. */
export const SupervisorPage = ({ isAllowed }: { isAllowed: boolean }) => {
  const { t } = useI18n();
  return (
    <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="supervisor-scroll">
      <Stack p="md">
        <Title order={3}>{t('supervisor.title')}</Title>
        {isAllowed ? (
          <>
            <TodayPanel />
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <LoadPanel />
              <ChannelHealthPanel />
              <SlaRiskPanel />
              <IncidentsPanel />
            </SimpleGrid>
            <IgnoredPostsPanel />
            <PriorityForm />
            <SlaPolicyForm />
            <AgentForm />
            <TeamsForm />
            <BusinessHoursForm />
            <InfoRequestsList />
            <TemplatesForm />
          </>
        ) : (
          <Alert color="red" role="alert" data-testid="not-allowed">
            {t('supervisor.notAllowed')}
          </Alert>
        )}
      </Stack>
    </Box>
  );
};

import { Badge, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useDirectory } from '../inbox/use-directory.ts';
import { ErrorState } from '../ui/ErrorState.tsx';

const presenceColor = { online: 'green', away: 'yellow', offline: 'gray' } as const;
const loadColor = (open: number, capacity: number) =>
  capacity === 0 || open >= capacity ? 'red' : open / capacity >= 0.8 ? 'orange' : 'teal';

const LoadBar = ({ open, capacity }: { open: number; capacity: number }) => {
  const { t } = useI18n();
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        w={120}
        value={capacity === 0 ? 100 : Math.min(100, (open / capacity) * 100)}
        color={loadColor(open, capacity)}
      />
      <Text size="sm">{t('supervisor.load', { open, capacity })}</Text>
    </Group>
  );
};

/** Live load per agent and team: open tickets against capacity, refreshed by every event of the live feed. */
export const LoadPanel = () => {
  const { t } = useI18n();
  const directory = useDirectory();
  if (directory.isError) return <ErrorState error={directory.error} what="what.agents" onRetry={directory.refetch} />;
  const agents = directory.data?.agents ?? [];
  const teams = directory.data?.teams ?? [];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('supervisor.queues')}</Title>
        <Table striped data-testid="agent-load">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supervisor.agent')}</Table.Th>
              <Table.Th>{t('supervisor.presence')}</Table.Th>
              <Table.Th>{t('supervisor.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agents.map((agent) => (
              <Table.Tr key={agent.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {agent.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[agent.role, ...agent.languages, ...agent.skills].join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={presenceColor[agent.presence]}>
                    {t(`supervisor.presence.${agent.presence}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <LoadBar open={agent.openTickets} capacity={agent.capacity} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={5}>{t('supervisor.teams')}</Title>
        <Table striped data-testid="team-load">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('supervisor.team')}</Table.Th>
              <Table.Th>{t('supervisor.members')}</Table.Th>
              <Table.Th>{t('supervisor.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td>{team.name}</Table.Td>
                <Table.Td>
                  {team.onlineAgents} / {team.agentIds.length}
                </Table.Td>
                <Table.Td>
                  <LoadBar open={team.openTickets} capacity={team.capacity} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
};

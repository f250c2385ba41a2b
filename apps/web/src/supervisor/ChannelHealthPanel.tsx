import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useChannels } from './use-supervisor.ts';

const healthColor = { ok: 'green', 'auth-expired': 'red', 'rate-limited': 'orange', failing: 'red' } as const;

export const ChannelHealthPanel = () => {
  const { t } = useI18n();
  const channels = useChannels();
  if (channels.isError) return <ErrorState error={channels.error} what="what.channels" onRetry={channels.refetch} />;
  const items = channels.data?.items ?? [];
  return (
    <Card withBorder>
      <Stack gap="xs" data-testid="channel-health">
        <Title order={4}>{t('supervisor.channels')}</Title>
        {channels.isSuccess && items.length === 0 && <Text c="dimmed">{t('supervisor.noChannels')}</Text>}
        {items.map((channel) => (
          <Group key={channel.id} justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <ChannelIcon kind={channel.kind} />
              <div>
                <Text size="sm" fw={500}>
                  {channel.name}
                </Text>
                {channel.health.lastError !== null && (
                  <Text size="xs" c="red">
                    {channel.health.lastError}
                  </Text>
                )}
              </div>
            </Group>
            <Group gap={4} wrap="nowrap">
              {!channel.isActive && <Badge color="gray">{t('supervisor.inactive')}</Badge>}
              <Badge variant="light" color={healthColor[channel.health.state]}>
                {t(`supervisor.health.${channel.health.state}`)}
              </Badge>
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
};

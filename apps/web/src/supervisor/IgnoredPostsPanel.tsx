import { Button, Card, ScrollArea, Table, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ChannelIcon } from '../ui/ChannelIcon.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useConvertPost, useIgnoredPosts } from './use-console.ts';

/** What triage left out and why, so a supervisor can audit it and turn a wrongly ignored post into a ticket. */
export const IgnoredPostsPanel = () => {
  const { t, language } = useI18n();
  const posts = useIgnoredPosts();
  const convert = useConvertPost();
  if (posts.isError) return <ErrorState error={posts.error} onRetry={() => posts.refetch()} />;
  const items = posts.data ?? [];
  return (
    <Card withBorder data-testid="ignored-posts">
      <Title order={4} mb="xs">
        {t('supervisor.ignored')}
      </Title>
      {posts.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('supervisor.noIgnored')}
        </Text>
      )}
      {convert.isError && (
        <Text size="xs" c="red" role="alert">
          {t('app.error', { message: convert.error.message })}
        </Text>
      )}
      <ScrollArea.Autosize mah={360}>
        <Table fz="xs" striped>
          <Table.Tbody>
            {items.slice(0, 50).map((post) => (
              <Table.Tr key={post.id} data-testid="ignored-post">
                <Table.Td>
                  <ChannelIcon kind={post.channelKind} />
                </Table.Td>
                <Table.Td>{post.authorHandle}</Table.Td>
                <Table.Td style={{ maxWidth: 360 }}>{post.text}</Table.Td>
                <Table.Td fw={600}>{post.ignoredReason}</Table.Td>
                <Table.Td>{new Date(post.receivedAt).toLocaleString(language)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="light"
                    loading={convert.isPending && convert.variables === post.id}
                    onClick={() => convert.mutate(post.id)}
                  >
                    {t('supervisor.convert')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Card>
  );
};

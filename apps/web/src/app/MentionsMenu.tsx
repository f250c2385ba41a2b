import { Button, Menu, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useMentions } from './live-feed.tsx';
import { useNavigate } from './navigation-context.tsx';

/** "@ 2": notes in which colleagues mentioned the agent, each opening its ticket. */
export const MentionsMenu = () => {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { mentions, clearMentions } = useMentions();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant={mentions.length > 0 ? 'filled' : 'default'}
          color={mentions.length > 0 ? 'orange' : undefined}
          aria-label={t('mentions.label', { count: mentions.length })}
          data-testid="mentions"
        >
          @ {mentions.length}
        </Button>
      </Menu.Target>
      <Menu.Dropdown maw={360}>
        {mentions.length === 0 && <Menu.Label>{t('mentions.none')}</Menu.Label>}
        {mentions.map((mention) => (
          <Menu.Item
            key={mention.eventId}
            data-testid="mention"
            onClick={() => navigate({ name: 'ticket', ticketId: mention.ticketId })}
          >
            <Text size="xs" c="dimmed">
              {new Date(mention.occurredAt).toLocaleTimeString(language)}
            </Text>
            <Text size="sm" lineClamp={2}>
              {mention.text}
            </Text>
          </Menu.Item>
        ))}
        {mentions.length > 0 && (
          <>
            <Menu.Divider />
            <Menu.Item onClick={clearMentions}>{t('mentions.clear')}</Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
};

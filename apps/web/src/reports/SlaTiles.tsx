import type { SlaReportDto } from '@ascolta/contracts';
import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatShare } from './format-figures.ts';

type PlatformBadge = SlaReportDto['badges']['facebookVeryResponsive'];

const BadgeTile = ({ title, target, badge }: { title: string; target: string; badge: PlatformBadge }) => {
  const { t, language } = useI18n();
  const state = badge.isMet === null ? 'noData' : badge.isMet ? 'met' : 'missed';
  const color = { noData: 'gray', met: 'teal', missed: 'red' }[state];
  return (
    <Card withBorder padding="sm" data-testid="sla-badge">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700} size="sm">
          {title}
        </Text>
        <Badge color={color} variant="filled">
          {t(`reports.badge.${state}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {target}
      </Text>
      <Text fz={28} fw={800} c={color} data-testid="sla-badge-share">
        {formatShare(badge.share, language)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('reports.withinOf', { within: badge.withinTarget, eligible: badge.eligible })}
      </Text>
    </Card>
  );
};

/** The platforms' responsiveness badges as tiles, next to the workspace's own first-response attainment. */
export const SlaTiles = ({ sla }: { sla: SlaReportDto }) => {
  const { t, language } = useI18n();
  const facebook = sla.badges.facebookVeryResponsive;
  const x = sla.badges.xWithinTwoHours;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="sla-tiles">
      <BadgeTile
        title={t('reports.badge.facebook')}
        target={t('reports.badge.facebookTarget', {
          share: Math.round(facebook.requiredShare * 100),
          minutes: facebook.targetMinutes,
        })}
        badge={facebook}
      />
      <BadgeTile
        title={t('reports.badge.x')}
        target={t('reports.badge.xTarget', { hours: Math.round(x.targetMinutes / 60) })}
        badge={x}
      />
      <Card withBorder padding="sm">
        <Text fw={700} size="sm">
          {t('reports.slaOverall')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('reports.slaOverallHint')}
        </Text>
        <Text fz={28} fw={800} data-testid="sla-overall">
          {formatShare(sla.overall.attainment, language)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('reports.withinOf', { within: sla.overall.withinTarget, eligible: sla.overall.eligible })}
        </Text>
      </Card>
    </SimpleGrid>
  );
};

import { Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatDuration } from './format-duration.ts';

interface SlaCountdownProps {
  dueAt: string | null;
  nowMs: number;
  answered?: boolean;
}

export const SlaCountdown = ({ dueAt, nowMs, answered = false }: SlaCountdownProps) => {
  const { t } = useI18n();
  if (dueAt === null) {
    return (
      <Text size="xs" c="dimmed">
        {answered ? t('sla.met') : t('sla.none')}
      </Text>
    );
  }
  const leftMs = Date.parse(dueAt) - nowMs;
  const color = leftMs < 0 ? 'red' : leftMs < 60 * 60_000 ? 'orange' : 'dimmed';
  return (
    <Text size="xs" c={color} fw={leftMs < 0 ? 700 : 500} title={new Date(dueAt).toLocaleString()}>
      {leftMs < 0
        ? t('sla.overdue', { time: formatDuration(leftMs) })
        : t('sla.dueIn', { time: formatDuration(leftMs) })}
    </Text>
  );
};

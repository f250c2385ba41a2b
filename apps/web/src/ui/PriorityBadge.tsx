import type { TicketDto } from '@ascolta/contracts';
import { Badge } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';

const bandColor: Record<TicketDto['priorityBand'], string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'blue',
  low: 'gray',
};

export const PriorityBadge = ({ band, score }: { band: TicketDto['priorityBand']; score?: number }) => {
  const { t } = useI18n();
  return (
    <Badge color={bandColor[band]} variant={band === 'urgent' ? 'filled' : 'light'} size="sm" miw={72}>
      {t(`band.${band}`)}
      {score === undefined ? '' : ` ${Math.round(score)}`}
    </Badge>
  );
};

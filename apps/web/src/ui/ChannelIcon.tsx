import type { TicketDto } from '@ascolta/contracts';
import { ThemeIcon, Tooltip } from '@mantine/core';
import { useI18n } from '../i18n/i18n-context.tsx';

type ChannelKind = TicketDto['channelKind'];

// Brand-coloured glyphs instead of an icon font: seven channels do not justify another dependency.
const look: Record<ChannelKind, { glyph: string; color: string }> = {
  x: { glyph: '𝕏', color: '#111' },
  facebook: { glyph: 'f', color: '#1877f2' },
  messenger: { glyph: 'm', color: '#a334fa' },
  instagram: { glyph: '◎', color: '#e1306c' },
  whatsapp: { glyph: '✆', color: '#25d366' },
  email: { glyph: '✉', color: '#5c6b7a' },
  custom: { glyph: '⋯', color: '#8a6d3b' },
};

export const ChannelIcon = ({ kind, size = 'md' }: { kind: ChannelKind; size?: 'sm' | 'md' }) => {
  const { t } = useI18n();
  const { glyph, color } = look[kind];
  return (
    <Tooltip label={t(`channel.${kind}`)} withinPortal>
      <ThemeIcon color={color} size={size} radius="xl" aria-label={t(`channel.${kind}`)} fw={700}>
        {glyph}
      </ThemeIcon>
    </Tooltip>
  );
};

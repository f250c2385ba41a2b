import { formatDuration } from '../ui/format-duration.ts';

/** "87.5%" for a 0..1 share in the UI language; an en dash when there was nothing to measure. */
export const formatShare = (share: number | null, language: string): string =>
  share === null ? '–' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** Minutes in the compact units of the SLA countdowns ("45m", "3h 5m", "2d 4h"); an en dash for none. */
export const formatMinutes = (minutes: number | null): string =>
  minutes === null ? '–' : formatDuration(minutes * 60_000);

export const formatNumber = (value: number | null, language: string, digits = 1): string =>
  value === null ? '–' : new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);

/** A bucket's start as the x-axis shows it, in the report's time zone: "12 Nov" daily, "12 Nov 14:00" hourly. */
export const bucketLabel =
  (language: string, timeZone: string, bucket: 'day' | 'hour') =>
  (start: string): string =>
    new Intl.DateTimeFormat(language, {
      timeZone,
      day: 'numeric',
      month: 'short',
      ...(bucket === 'hour' ? { hour: '2-digit', minute: '2-digit' } : {}),
    }).format(new Date(start));

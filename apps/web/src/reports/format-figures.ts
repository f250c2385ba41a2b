/** "87.5%" for a 0..1 share in the UI language; an en dash when there was nothing to measure. */
export const formatShare = (share: number | null, language: string): string =>
  share === null ? '–' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** Minutes as "42 min", "3 h 5 min" or "2 d 4 h"; an en dash for none. */
export const formatMinutes = (minutes: number | null): string => {
  if (minutes === null) return '–';
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  const hours = Math.floor(rounded / 60);
  if (hours < 24) return `${hours} h ${rounded % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
};

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

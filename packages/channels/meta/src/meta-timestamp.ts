/**
 * Meta sends seconds (feed `created_time`, WhatsApp strings), milliseconds (Messenger) and, in some
 * copies, ISO strings. Values below 1e11 are seconds: that is the year 5138 in milliseconds.
 */
export const metaTimestamp = (value: number | string | undefined, fallback: Date): Date => {
  if (value === undefined) return fallback;
  const numeric = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
  const date = Number.isFinite(numeric)
    ? new Date(numeric < 1e11 ? numeric * 1000 : numeric)
    : new Date(typeof value === 'string' ? value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : Number.NaN);
  return Number.isNaN(date.getTime()) ? fallback : date;
};

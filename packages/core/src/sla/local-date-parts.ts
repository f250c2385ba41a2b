/** A calendar date and time of day as a wall clock in some time zone shows it. */
export interface LocalDateParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** Minutes since local midnight, seconds dropped. */
  minuteOfDay: number;
}

// Building a DateTimeFormat is slow and its output depends only on the zone: memoised per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** What a wall clock in `timeZone` (IANA) shows at `instant`. */
export const localDateParts = (instant: Date, timeZone: string): LocalDateParts => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() as LocalDateParts['weekday'];
  return { year, month, day, weekday, minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0) };
};

import { localDateParts } from './local-date-parts.ts';

/** Minutes the zone is ahead of UTC at `instant` (Europe/Rome: 60 in winter, 120 in summer). */
const offsetMinutesAt = (instant: Date, timeZone: string): number => {
  const local = localDateParts(instant, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, 0, local.minuteOfDay);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
};

/**
 * The instant a wall clock in `timeZone` shows `minuteOfDay` on the given date. `minuteOfDay` may be
 * 1440 (the next midnight). A time skipped by a DST jump resolves to the same distance after the jump;
 * a repeated time resolves to its first occurrence.
 */
export const localTimeToInstant = (
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  timeZone: string,
): Date => {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const firstGuess = asUtc - offsetMinutesAt(new Date(asUtc), timeZone) * 60_000;
  const offset = offsetMinutesAt(new Date(firstGuess), timeZone);
  const candidate = asUtc - offset * 60_000;
  // Prefer the earlier offset's reading when both are valid (the repeated hour in autumn).
  const earlier = asUtc - offsetMinutesAt(new Date(candidate - 3_600_000), timeZone) * 60_000;
  const shown = localDateParts(new Date(earlier), timeZone);
  const matches = shown.day === date.day && shown.minuteOfDay === minuteOfDay % 1440;
  return new Date(matches && earlier < candidate ? earlier : candidate);
};

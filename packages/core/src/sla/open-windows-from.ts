import type { BusinessHours } from '../agent/agent.ts';
import { DomainError } from '../errors/domain-error.ts';
import { localDateParts } from './local-date-parts.ts';
import { localTimeToInstant } from './local-time-to-instant.ts';

/** A stretch of real time when the calendar is open; `end` exclusive. */
export interface OpenWindow {
  start: Date;
  end: Date;
}

/** Two years without one opening means the calendar is broken, not that we should keep looking. */
const maxDaysScanned = 731;

const isoDate = (year: number, month: number, day: number): string =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The calendar's open windows from `from` onwards, in order, clipped so none starts before `from`.
 * Windows are real instants, so a local interval on a DST day is an hour shorter or longer.
 */
export function* openWindowsFrom(from: Date, hours: BusinessHours): Generator<OpenWindow> {
  if (hours.intervals.length === 0) {
    throw new DomainError('invalid-input', `Business hours ${hours.id} have no opening intervals.`);
  }
  const first = localDateParts(from, hours.timeZone);
  for (let offset = 0; offset < maxDaysScanned; offset++) {
    const calendarDay = new Date(Date.UTC(first.year, first.month - 1, first.day + offset));
    const date = {
      year: calendarDay.getUTCFullYear(),
      month: calendarDay.getUTCMonth() + 1,
      day: calendarDay.getUTCDate(),
    };
    if (hours.holidays.includes(isoDate(date.year, date.month, date.day))) continue;
    const intervals = hours.intervals
      .filter((interval) => interval.day === calendarDay.getUTCDay())
      .sort((a, b) => a.startMinute - b.startMinute);
    for (const interval of intervals) {
      const start = localTimeToInstant(date, interval.startMinute, hours.timeZone);
      const end = localTimeToInstant(date, interval.endMinute, hours.timeZone);
      if (end.getTime() <= from.getTime()) continue;
      yield { start: start.getTime() < from.getTime() ? from : start, end };
    }
  }
  throw new DomainError('invalid-input', `Business hours ${hours.id} never open within two years.`);
}

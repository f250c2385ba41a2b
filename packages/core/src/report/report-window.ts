import { localDateParts } from '../sla/local-date-parts.ts';
import { localTimeToInstant } from '../sla/local-time-to-instant.ts';
import type { PriorityBand } from '../ticket/ticket.ts';

export type ReportBucket = 'day' | 'hour';

/** The filters every report takes; each narrows the tickets, and the messages where they have it. */
export interface ReportFilters {
  channel?: string;
  category?: string;
  language?: string;
  team?: string;
  agent?: string;
  priorityBand?: PriorityBand;
}

/** A report request resolved to instants: `[start, end)` covers the local days `from`..`to`. */
export interface ReportWindow {
  workspaceId: string;
  start: Date;
  end: Date;
  timeZone: string;
  bucket: ReportBucket;
  filters: ReportFilters;
  /** The moment of the request: open tickets are aged and overdue ones decided against `min(end, now)`. */
  now: Date;
}

const dateParts = (isoDate: string) => {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
};

/** Local midnight of `from` to local midnight after `to`, in `timeZone` (DST days are 23 or 25 hours). */
export const reportRange = (from: string, to: string, timeZone: string): { start: Date; end: Date } => ({
  start: localTimeToInstant(dateParts(from), 0, timeZone),
  end: localTimeToInstant(dateParts(to), 24 * 60, timeZone),
});

/** Every bucket's start in `[start, end)`: local midnights, or local hour starts (a DST hour appears once). */
export const bucketStarts = (start: Date, end: Date, bucket: ReportBucket, timeZone: string): Date[] => {
  const starts: Date[] = [];
  const seen = new Set<number>();
  const first = localDateParts(start, timeZone);
  for (let offset = 0; ; offset += 1) {
    const day = new Date(Date.UTC(first.year, first.month - 1, first.day + offset));
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    const midnight = localTimeToInstant(date, 0, timeZone);
    if (midnight.getTime() >= end.getTime()) break;
    const minutes = bucket === 'day' ? [0] : Array.from({ length: 24 }, (_, hour) => hour * 60);
    for (const minute of minutes) {
      const instant = localTimeToInstant(date, minute, timeZone);
      if (instant.getTime() < start.getTime() || instant.getTime() >= end.getTime() || seen.has(instant.getTime()))
        continue;
      seen.add(instant.getTime());
      starts.push(instant);
    }
  }
  return starts;
};

/** The local calendar date (`YYYY-MM-DD`) of an instant. */
export const localIsoDate = (instant: Date, timeZone: string): string => {
  const parts = localDateParts(instant, timeZone);
  return `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
};

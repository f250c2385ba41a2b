import type { ReportName } from '@ascolta/contracts';

/** What the reports page asks for: a local date range in a time zone, with the filters every report accepts. */
export interface ReportSelection {
  from: string;
  to: string;
  timeZone: string;
  bucket: 'day' | 'hour';
  channel: string | null;
  category: string | null;
  language: string | null;
  team: string | null;
  agent: string | null;
  priorityBand: 'urgent' | 'high' | 'normal' | 'low' | null;
}

/** A chart point narrowed further: the bucket it stands for, a series' dimension, or the backlog at the end. */
export interface DrillDown {
  bucketStart?: string;
  channel?: string;
  category?: string;
  language?: string;
  team?: string;
  agent?: string;
  priorityBand?: ReportSelection['priorityBand'];
  openAtEnd?: boolean;
}

const filterKeys = ['channel', 'category', 'language', 'team', 'agent', 'priorityBand'] as const;

/** YYYY-MM-DD of an instant in a time zone (the server counts days in that zone too). */
export const localDate = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

export const noFilters = {
  channel: null,
  category: null,
  language: null,
  team: null,
  agent: null,
  priorityBand: null,
} as const satisfies Partial<ReportSelection>;

/** The last `days` local days up to today, daily buckets, no filters. */
export const defaultSelection = (now: Date, timeZone: string, days = 30): ReportSelection => ({
  from: localDate(new Date(now.getTime() - (days - 1) * 86_400_000), timeZone),
  to: localDate(now, timeZone),
  timeZone,
  bucket: 'day',
  ...noFilters,
});

/** The query string of `GET /api/v1/reports/<name>` (and of the drill-down and CSV export). */
export const reportParams = (selection: ReportSelection, drill: DrillDown = {}): URLSearchParams => {
  const params = new URLSearchParams({
    from: selection.from,
    to: selection.to,
    timeZone: selection.timeZone,
    bucket: selection.bucket,
  });
  for (const key of filterKeys) {
    const value = drill[key] ?? selection[key];
    if (value !== null && value !== undefined) params.set(key, value);
  }
  if (drill.bucketStart !== undefined) params.set('bucketStart', drill.bucketStart);
  if (drill.openAtEnd === true) params.set('openAtEnd', 'true');
  return params;
};

export const reportPath = (name: ReportName, selection: ReportSelection): string =>
  `/api/v1/reports/${name}?${reportParams(selection)}`;

export const csvExportPath = (selection: ReportSelection): string =>
  `/api/v1/reports/tickets.csv?${reportParams(selection)}`;

/** Problems the server would answer 400 for, found before asking; null when the selection is fine. */
export const selectionProblem = (
  selection: ReportSelection,
): 'missingDates' | 'toBeforeFrom' | 'rangeTooLong' | 'hourlyTooLong' | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(selection.from) || !/^\d{4}-\d{2}-\d{2}$/.test(selection.to)) return 'missingDates';
  const days = (Date.parse(`${selection.to}T00:00:00Z`) - Date.parse(`${selection.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days < 1) return 'toBeforeFrom';
  if (days > 400) return 'rangeTooLong';
  if (selection.bucket === 'hour' && days > 31) return 'hourlyTooLong';
  return null;
};

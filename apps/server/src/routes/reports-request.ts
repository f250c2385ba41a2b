import type { ReportQuery } from '@ascolta/contracts';
import {
  DomainError,
  defaultCategories,
  defaultProjectionOptions,
  projectReportEvents,
  type ReportFilters,
  type ReportWindow,
  reportRange,
} from '@ascolta/core';
import type { ReportStores } from '@ascolta/db';
import type { ApiContext } from '../http/api-context.ts';

// A request folds at most this many new events itself; the worker's loop does the rest in the background.
const requestCatchUp = { ...defaultProjectionOptions, maxBatches: 4 };

/** Brings the projection up to date (bounded) so a report reflects what just happened. */
export const catchUp = async (stores: ReportStores, context: ApiContext) =>
  projectReportEvents(stores.projection, context.clock.now(), requestCatchUp);

const idDimensions = { channel: 'channel', team: 'team', agent: 'agent' } as const;

/** A filter naming a channel, team, agent or category the workspace does not have is a 400, not an empty chart. */
const checkFilters = async (stores: ReportStores, workspaceId: string, filters: ReportFilters) => {
  for (const [key, dimension] of Object.entries(idDimensions) as Array<
    [keyof typeof idDimensions, 'channel' | 'team' | 'agent']
  >) {
    const value = filters[key];
    if (value !== undefined && !(await stores.reports.isKnown(workspaceId, dimension, value))) {
      throw new DomainError('invalid-input', `${key}: the workspace has no ${dimension} '${value}'.`);
    }
  }
  const { category } = filters;
  const isDefault = (defaultCategories as readonly string[]).includes(category ?? '');
  if (category !== undefined && !isDefault && !(await stores.reports.isKnown(workspaceId, 'category', category))) {
    throw new DomainError('invalid-input', `category: '${category}' is not a category of this workspace.`);
  }
};

/** The workspace's zone unless the request names one. */
export const timeZoneFor = async (context: ApiContext, workspaceId: string, requested: string | undefined) => {
  if (requested !== undefined) return requested;
  const workspace = await context.store.workspaces.get(workspaceId);
  return workspace?.timeZone ?? 'UTC';
};

/** A validated query resolved to instants, with its filters checked against the workspace. */
export const windowFor = async (
  context: ApiContext,
  stores: ReportStores,
  workspaceId: string,
  query: ReportQuery,
): Promise<ReportWindow> => {
  const timeZone = await timeZoneFor(context, workspaceId, query.timeZone);
  const filters: ReportFilters = Object.fromEntries(
    (['channel', 'category', 'language', 'team', 'agent', 'priorityBand'] as const)
      .filter((key) => query[key] !== undefined)
      .map((key) => [key, query[key]]),
  );
  await checkFilters(stores, workspaceId, filters);
  const { start, end } = reportRange(query.from, query.to, timeZone);
  return { workspaceId, start, end, timeZone, bucket: query.bucket, filters, now: context.clock.now() };
};

export const metaFor = (query: ReportQuery, window: ReportWindow, projectedThroughSequence: number) => ({
  from: query.from,
  to: query.to,
  timeZone: window.timeZone,
  bucket: window.bucket,
  rangeStart: window.start.toISOString(),
  rangeEnd: window.end.toISOString(),
  filters: Object.fromEntries(Object.entries(window.filters).map(([key, value]) => [key, String(value)])),
  projectedThroughSequence,
  generatedAt: window.now.toISOString(),
});

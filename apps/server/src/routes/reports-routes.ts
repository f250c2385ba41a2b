import {
  errorResponse,
  type ReportName,
  reportBaselineDto,
  reportNames,
  reportQuery,
  reportResponseDto,
  reportTicketColumns,
  reportTicketsPageDto,
  reportTicketsQuery,
  reportTodayDto,
  reportTodayQuery,
} from '@ascolta/contracts';
import type { ReportWindow } from '@ascolta/core';
import { type ReportStores, reportStoresOf } from '@ascolta/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';
import { flattenReport, toCsv } from './reports-csv.ts';
import { catchUp, metaFor, timeZoneFor, windowFor } from './reports-request.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse };
const base = { tags: ['reports'], security: [{ apiKey: [] }] };
// The CSV export of one row per ticket is capped; a longer range is exported in several requests.
const maxCsvRows = 100_000;

const summaries: Record<ReportName, string> = {
  overview: 'The main report: volume, triage, response times, SLA, backlog, automation, satisfaction, business case',
  volume: 'Tickets opened and messages received per bucket, by channel, kind and category',
  triage: 'Actionable versus ignored messages, with the reasons',
  'response-times': 'First response and resolution times (median, p90; calendar and business minutes)',
  sla: 'SLA attainment per policy, team and agent; Facebook and X response badges',
  backlog: 'Tickets open at the end of the range, and their age',
  automation: 'Information collected in one interaction, auto-answers, interactions per ticket, handling time',
  sentiment: 'Sentiment trend and rising topics and keywords',
  incidents: 'Incidents opened and solutions published',
  agents: 'Per agent: handled, replies, first response, resolution, SLA, satisfaction',
  satisfaction: 'CSAT and NPS with comments',
  'business-case': 'Handling time, interactions per case and agent hours against the baseline',
};

/** CSV when asked by `?format=csv` or `Accept: text/csv`. */
const wantsCsv = (request: FastifyRequest, format: string | undefined) =>
  format === 'csv' || (format === undefined && String(request.headers.accept ?? '').includes('text/csv'));

const sendCsv = (reply: FastifyReply, filename: string, body: string) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    // The route's schema describes the JSON answer; the CSV text is sent as it is.
    .serializer((payload) => payload as string)
    .send(body);

const compute = (stores: ReportStores, name: ReportName, window: ReportWindow) => stores.reports[name](window);

/** `GET /api/v1/reports/*`: supervisors, admins and API keys with `reports:read`. */
export const reportsRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const stores = reportStoresOf(context.store);

  app.get(
    '/api/v1/reports/today',
    {
      schema: {
        ...base,
        summary: "Today's figures for the supervisor console (local day so far; cheap to poll)",
        querystring: reportTodayQuery,
        response: { 200: reportTodayDto, ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await requirePermission(context, request, 'reports.read');
      const progress = await catchUp(stores, context);
      const timeZone = await timeZoneFor(context, workspaceId, request.query.timeZone);
      const now = context.clock.now();
      const today = await stores.reports.today(workspaceId, timeZone, now);
      return { ...today, projectedThroughSequence: progress.throughSequence, generatedAt: now.toISOString() };
    },
  );

  const ticketRows = async (request: FastifyRequest, query: typeof reportTicketsQuery._output, limit: number) => {
    const { workspaceId } = await requirePermission(context, request, 'reports.read');
    const progress = await catchUp(stores, context);
    const window = await windowFor(context, stores, workspaceId, query);
    const page = await stores.reports.tickets(window, {
      limit,
      cursor: query.cursor ?? null,
      bucketStart: query.bucketStart === undefined ? null : new Date(query.bucketStart),
      isOpenAtEnd: query.openAtEnd === 'true',
    });
    return { meta: metaFor(query, window, progress.throughSequence), ...page };
  };

  app.get(
    '/api/v1/reports/tickets',
    {
      schema: {
        ...base,
        summary: 'The tickets behind a figure, one row each (drill-down); CSV with ?format=csv',
        querystring: reportTicketsQuery,
        response: { 200: reportTicketsPageDto, ...errors },
      },
    },
    async (request, reply) => {
      const csv = wantsCsv(request, request.query.format);
      const page = await ticketRows(request, request.query, csv ? maxCsvRows : request.query.limit);
      if (!csv) return page;
      return sendCsv(
        reply,
        `tickets-${request.query.from}-${request.query.to}.csv`,
        toCsv(reportTicketColumns, page.items),
      );
    },
  );

  app.get(
    '/api/v1/reports/tickets.csv',
    {
      schema: {
        ...base,
        summary: 'CSV export, one row per ticket (columns: see docs/api.md)',
        querystring: reportTicketsQuery,
        produces: ['text/csv'],
        response: errors,
      },
    },
    async (request, reply) => {
      const page = await ticketRows(request, request.query, maxCsvRows);
      return sendCsv(
        reply,
        `tickets-${request.query.from}-${request.query.to}.csv`,
        toCsv(reportTicketColumns, page.items),
      );
    },
  );

  app.get(
    '/api/v1/reports/baseline',
    { schema: { ...base, summary: 'The business-case baseline', response: { 200: reportBaselineDto, ...errors } } },
    async (request) => {
      const { workspaceId } = await requirePermission(context, request, 'reports.read');
      return stores.reports.baseline(workspaceId);
    },
  );
  app.put(
    '/api/v1/reports/baseline',
    {
      schema: {
        ...base,
        summary: 'Replace the business-case baseline',
        body: reportBaselineDto,
        response: { 200: reportBaselineDto, ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.update');
      await stores.reports.putBaseline(workspaceId, request.body, context.clock.now());
      return request.body;
    },
  );

  for (const name of reportNames) {
    app.get(
      `/api/v1/reports/${name}`,
      {
        schema: {
          ...base,
          summary: summaries[name],
          querystring: reportQuery,
          response: { 200: reportResponseDto(name), ...errors },
        },
      },
      async (request, reply) => {
        const { workspaceId } = await requirePermission(context, request, 'reports.read');
        const progress = await catchUp(stores, context);
        const window = await windowFor(context, stores, workspaceId, request.query);
        const report = await compute(stores, name, window);
        const meta = metaFor(request.query, window, progress.throughSequence);
        if (!wantsCsv(request, request.query.format)) return { meta, report };
        const rows = flattenReport(report);
        return sendCsv(
          reply,
          `${name}-${request.query.from}-${request.query.to}.csv`,
          toCsv(['metric', 'value'], rows),
        );
      },
    );
  }
};

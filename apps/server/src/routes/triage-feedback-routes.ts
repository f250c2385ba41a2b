import { feedbackToRows } from '@ascolta/ai';
import { errorResponse } from '@ascolta/contracts';
import type { TriageFeedback } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';

const feedbackQuery = z.object({
  field: z.enum(['actionable', 'kind', 'category']),
  since: z.iso.datetime().optional(),
});

/** `actionable` corrections read as the labels a ticket-or-ignore model learns. */
const labelOf = (field: TriageFeedback['field'], label: string): string =>
  field === 'actionable' ? (label === 'true' ? 'actionable' : 'not_actionable') : label;

/**
 * Agents' corrections (a converted ignored post, a changed category, a ticket marked not actionable) as the
 * `{"text","label"}` lines `ascolta triage train --input` reads: the latest correction of each text wins.
 */
export const triageFeedbackRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  app.get(
    '/api/v1/triage/feedback',
    {
      schema: {
        tags: ['settings'],
        security: [{ apiKey: [] }],
        summary: "Agents' triage corrections as training lines",
        description:
          'JSON lines (`application/x-ndjson`), one `{"text","label"}` per corrected message, for `ascolta triage train --input`. `field=actionable` gives `actionable`/`not_actionable` labels.',
        querystring: feedbackQuery,
        response: { 200: z.string(), 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request, response) => {
      const { workspaceId } = await requirePermission(context, request, 'reports.read');
      const since = request.query.since === undefined ? undefined : new Date(request.query.since);
      const feedback = await context.store.triageFeedback.list(workspaceId, since);
      const lines = feedbackToRows(feedback, request.query.field).map((row) =>
        JSON.stringify({ text: row.text, label: labelOf(request.query.field, row.label) }),
      );
      return response
        .type('application/x-ndjson; charset=utf-8')
        .send(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
    },
  );
};

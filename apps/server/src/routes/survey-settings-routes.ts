import { errorResponse, surveySettingsDto } from '@ascolta/contracts';
import { defaultPriorityBands, defaultPriorityWeights, defaultSurveySettings } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse };
const base = { tags: ['settings'], security: [{ apiKey: [] }] };

/** The survey policy: kind, delay, once-per-period, low-score thresholds and action, on/off. */
export const surveySettingsRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store } = context;
  app.get(
    '/api/v1/settings/surveys',
    { schema: { ...base, summary: 'Survey settings (CSAT/NPS)', response: { 200: surveySettingsDto, ...errors } } },
    async (request) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.read');
      const settings = (await store.settings.get(workspaceId))?.surveys ?? defaultSurveySettings;
      return { ...settings, lowScoreThresholds: { ...settings.lowScoreThresholds } };
    },
  );
  app.put(
    '/api/v1/settings/surveys',
    {
      schema: {
        ...base,
        summary: 'Replace the survey settings',
        body: surveySettingsDto,
        response: { 200: surveySettingsDto, ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.update');
      const current = await store.settings.get(workspaceId);
      await store.settings.put(workspaceId, {
        priorityWeights: defaultPriorityWeights,
        priorityBands: defaultPriorityBands,
        ...current,
        surveys: request.body,
      });
      return request.body;
    },
  );
};

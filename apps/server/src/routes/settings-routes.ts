import {
  businessHoursBody,
  businessHoursDto,
  errorResponse,
  idParams,
  infoRequestBody,
  infoRequestDto,
  listOf,
  prioritySettingsDto,
  slaPolicyBody,
  slaPolicyDto,
  templateBody,
  templateDto,
  templateListQuery,
} from '@ascolta/contracts';
import { DomainError, defaultPriorityBands, defaultPriorityWeights } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';
import { businessHoursUses, refuseWhileUsed, requireBusinessHours } from './configuration-usage.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const deleted = { 204: z.null().describe('Deleted'), ...errors };
const base = { tags: ['settings'], security: [{ apiKey: [] }] };
type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

// Settings are plain JSON-like records; dropping `readonly` only lets the response schema accept them.
const withoutWorkspace = <T extends { workspaceId: string }>({ workspaceId: _, ...rest }: T) =>
  rest as Writable<Omit<T, 'workspaceId'>>;

/** A knowledge-base answer without a category could never be chosen by the auto-answer step. */
const requireAnswerCategory = (body: { kind: string; category: string | null }): void => {
  if (body.kind === 'answer' && body.category === null) {
    throw new DomainError('invalid-input', 'body.category: a knowledge-base answer needs the category it answers.');
  }
};

/** Supervisors' settings: priority strategy, SLA policies, business hours, templates, info requests. */
export const settingsRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store, ids } = context;
  const read = (request: Parameters<typeof requirePermission>[1]) =>
    requirePermission(context, request, 'settings.read');
  const update = (request: Parameters<typeof requirePermission>[1]) =>
    requirePermission(context, request, 'settings.update');
  /** One information request per category: the pipeline asks with the one of the ticket's category. */
  const refuseSecondForCategory = async (workspaceId: string, category: string, exceptId: string | null) => {
    const clash = (await store.infoRequests.list(workspaceId)).find(
      (existing) => existing.category === category && existing.id !== exceptId,
    );
    if (clash !== undefined) {
      throw new DomainError(
        'conflict',
        `body.category: information request ${clash.id} already covers '${category}'; edit that one instead.`,
      );
    }
  };

  app.get(
    '/api/v1/settings/priority',
    { schema: { ...base, summary: 'Priority weights and bands', response: { 200: prioritySettingsDto, ...errors } } },
    async (request) => {
      const { workspaceId } = await read(request);
      const settings = await store.settings.get(workspaceId);
      return {
        weights: { ...(settings?.priorityWeights ?? defaultPriorityWeights) },
        bands: { ...(settings?.priorityBands ?? defaultPriorityBands) },
      };
    },
  );
  app.put(
    '/api/v1/settings/priority',
    {
      schema: {
        ...base,
        summary: 'Replace priority weights and bands',
        body: prioritySettingsDto,
        response: { 200: prioritySettingsDto, ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await update(request);
      const current = await store.settings.get(workspaceId);
      const { weights, bands } = request.body;
      await store.settings.put(workspaceId, { ...current, priorityWeights: weights, priorityBands: bands });
      return request.body;
    },
  );

  app.get(
    '/api/v1/settings/sla-policies',
    { schema: { ...base, summary: 'SLA policies', response: { 200: listOf(slaPolicyDto), ...errors } } },
    async (request) => ({
      items: (await store.slaPolicies.list((await read(request)).workspaceId)).map(withoutWorkspace),
    }),
  );
  app.post(
    '/api/v1/settings/sla-policies',
    {
      schema: {
        ...base,
        summary: 'Add an SLA policy',
        body: slaPolicyBody,
        response: { 201: slaPolicyDto, ...errors },
      },
    },
    async (request, response) => {
      const { workspaceId } = await update(request);
      await requireBusinessHours(store, workspaceId, request.body.businessHoursId);
      const policy = { ...request.body, id: ids.newId(), workspaceId };
      await store.slaPolicies.insert(policy);
      return response.status(201).send(withoutWorkspace(policy));
    },
  );
  app.put(
    '/api/v1/settings/sla-policies/:id',
    {
      schema: {
        ...base,
        summary: 'Replace an SLA policy',
        params: idParams,
        body: slaPolicyBody,
        response: { 200: slaPolicyDto, ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await update(request);
      await requireBusinessHours(store, workspaceId, request.body.businessHoursId);
      const policy = { ...request.body, id: request.params.id, workspaceId };
      await store.slaPolicies.update(policy);
      return withoutWorkspace(policy);
    },
  );
  app.delete(
    '/api/v1/settings/sla-policies/:id',
    {
      schema: {
        ...base,
        summary: 'Delete an SLA policy',
        description:
          'Open tickets keep the due times the policy gave them; new tickets follow the first remaining policy by name, or none.',
        params: idParams,
        response: deleted,
      },
    },
    async (request, response) => {
      const { workspaceId } = await update(request);
      await store.slaPolicies.delete(workspaceId, request.params.id);
      return response.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/settings/business-hours',
    {
      schema: { ...base, summary: 'Business-hours calendars', response: { 200: listOf(businessHoursDto), ...errors } },
    },
    async (request) => ({
      items: (await store.businessHours.list((await read(request)).workspaceId)).map(withoutWorkspace),
    }),
  );
  app.post(
    '/api/v1/settings/business-hours',
    {
      schema: {
        ...base,
        summary: 'Add a business-hours calendar',
        body: businessHoursBody,
        response: { 201: businessHoursDto, ...errors },
      },
    },
    async (request, response) => {
      const { workspaceId } = await update(request);
      const hours = { ...request.body, id: ids.newId(), workspaceId };
      await store.businessHours.insert(hours);
      return response.status(201).send(withoutWorkspace(hours));
    },
  );
  app.put(
    '/api/v1/settings/business-hours/:id',
    {
      schema: {
        ...base,
        summary: 'Replace a business-hours calendar',
        params: idParams,
        body: businessHoursBody,
        response: { 200: businessHoursDto, ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await update(request);
      const hours = { ...request.body, id: request.params.id, workspaceId };
      await store.businessHours.update(hours);
      return withoutWorkspace(hours);
    },
  );
  app.delete(
    '/api/v1/settings/business-hours/:id',
    {
      schema: {
        ...base,
        summary: 'Delete a business-hours calendar',
        description: '409 while SLA policies, teams or agents use the calendar; the message names them.',
        params: idParams,
        response: deleted,
      },
    },
    async (request, response) => {
      const { workspaceId } = await update(request);
      const { id } = request.params;
      await store.transaction(async (tx) => {
        const hours = (await tx.businessHours.list(workspaceId)).find((calendar) => calendar.id === id);
        if (hours === undefined) throw new DomainError('not-found', `Business-hours calendar ${id} does not exist.`);
        refuseWhileUsed(`Calendar ${hours.name}`, await businessHoursUses(tx, workspaceId, id));
        await tx.businessHours.delete(workspaceId, id);
      });
      return response.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/settings/templates',
    {
      schema: { ...base, summary: 'Templates, macros and answers', response: { 200: listOf(templateDto), ...errors } },
    },
    async (request) => ({
      items: (await store.templates.list((await read(request)).workspaceId)).map(withoutWorkspace),
    }),
  );
  app.get(
    '/api/v1/templates',
    {
      schema: {
        ...base,
        tags: ['tickets'],
        summary: 'Templates for the composer',
        description: 'Filtered by `language` (ISO 639-1) and `kind`; sorted by name.',
        querystring: templateListQuery,
        response: { 200: listOf(templateDto), ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await read(request);
      const { language, kind } = request.query;
      const templates = (await store.templates.list(workspaceId))
        .filter(
          (template) =>
            (language === undefined || template.language === language) &&
            (kind === undefined || template.kind === kind),
        )
        .sort((a, b) => a.name.localeCompare(b.name));
      return { items: templates.map(withoutWorkspace) };
    },
  );
  app.post(
    '/api/v1/settings/templates',
    { schema: { ...base, summary: 'Add a template', body: templateBody, response: { 201: templateDto, ...errors } } },
    async (request, response) => {
      const { workspaceId } = await update(request);
      requireAnswerCategory(request.body);
      const template = { ...request.body, id: ids.newId(), workspaceId };
      await store.templates.insert(template);
      return response.status(201).send(withoutWorkspace(template));
    },
  );
  app.put(
    '/api/v1/settings/templates/:id',
    {
      schema: {
        ...base,
        summary: 'Replace a template',
        params: idParams,
        body: templateBody,
        response: { 200: templateDto, ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await update(request);
      requireAnswerCategory(request.body);
      const template = { ...request.body, id: request.params.id, workspaceId };
      await store.templates.update(template);
      return withoutWorkspace(template);
    },
  );
  app.delete(
    '/api/v1/settings/templates/:id',
    {
      schema: {
        ...base,
        summary: 'Delete a template',
        description: 'Replies already sent keep the template id in their metadata; the bot stops using an answer.',
        params: idParams,
        response: deleted,
      },
    },
    async (request, response) => {
      const { workspaceId } = await update(request);
      await store.templates.delete(workspaceId, request.params.id);
      return response.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/settings/info-requests',
    {
      schema: {
        ...base,
        summary: 'Information requests per category',
        response: { 200: listOf(infoRequestDto), ...errors },
      },
    },
    async (request) => ({
      items: (await store.infoRequests.list((await read(request)).workspaceId)).map(withoutWorkspace),
    }),
  );
  app.post(
    '/api/v1/settings/info-requests',
    {
      schema: {
        ...base,
        summary: 'Add an information request',
        body: infoRequestBody,
        response: { 201: infoRequestDto, ...errors },
      },
    },
    async (request, response) => {
      const { workspaceId } = await update(request);
      await refuseSecondForCategory(workspaceId, request.body.category, null);
      const infoRequest = { ...request.body, id: ids.newId(), workspaceId };
      await store.infoRequests.insert(infoRequest);
      return response.status(201).send(withoutWorkspace(infoRequest));
    },
  );
  app.put(
    '/api/v1/settings/info-requests/:id',
    {
      schema: {
        ...base,
        summary: 'Replace an information request',
        description: 'Tickets waiting for the customer are read against the new fields when the customer answers.',
        params: idParams,
        body: infoRequestBody,
        response: { 200: infoRequestDto, ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await update(request);
      await refuseSecondForCategory(workspaceId, request.body.category, request.params.id);
      const infoRequest = { ...request.body, id: request.params.id, workspaceId };
      await store.infoRequests.update(infoRequest);
      return withoutWorkspace(infoRequest);
    },
  );
  app.delete(
    '/api/v1/settings/info-requests/:id',
    {
      schema: {
        ...base,
        summary: 'Delete an information request',
        description: "The category's new tickets no longer ask the customer for anything.",
        params: idParams,
        response: deleted,
      },
    },
    async (request, response) => {
      const { workspaceId } = await update(request);
      await store.infoRequests.delete(workspaceId, request.params.id);
      return response.status(204).send(null);
    },
  );
};

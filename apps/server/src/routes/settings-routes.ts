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
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const base = { tags: ['settings'], security: [{ apiKey: [] }] };
type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

// Settings are plain JSON-like records; dropping `readonly` only lets the response schema accept them.
const withoutWorkspace = <T extends { workspaceId: string }>({ workspaceId: _, ...rest }: T) =>
  rest as Writable<Omit<T, 'workspaceId'>>;

/** Supervisors' settings: priority strategy, SLA policies, business hours, templates, info requests. */
export const settingsRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store, ids } = context;
  const read = (request: Parameters<typeof requirePermission>[1]) =>
    requirePermission(context, request, 'settings.read');
  const update = (request: Parameters<typeof requirePermission>[1]) =>
    requirePermission(context, request, 'settings.update');

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
      const policy = { ...request.body, id: request.params.id, workspaceId };
      await store.slaPolicies.update(policy);
      return withoutWorkspace(policy);
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
      if (request.body.kind === 'answer' && request.body.category === null) {
        throw new DomainError('invalid-input', 'body.category: a knowledge-base answer needs the category it answers.');
      }
      const template = { ...request.body, id: ids.newId(), workspaceId };
      await store.templates.insert(template);
      return response.status(201).send(withoutWorkspace(template));
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
      const infoRequest = { ...request.body, id: ids.newId(), workspaceId };
      await store.infoRequests.insert(infoRequest);
      return response.status(201).send(withoutWorkspace(infoRequest));
    },
  );
};

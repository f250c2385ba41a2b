import { errorResponse, idParams, listOf, ruleBody, ruleDto, ruleListQuery } from '@ascolta/contracts';
import { DomainError, type Rule } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const base = { tags: ['settings'], security: [{ apiKey: [] }] };

const toDto = ({ workspaceId: _, ...rule }: Rule): z.infer<typeof ruleDto> =>
  structuredClone(rule) as z.infer<typeof ruleDto>;

/** Supervisors' priority, routing and automation rules, evaluated by the pipeline on every inbound message. */
export const ruleRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store, ids } = context;

  /** A rule naming a team or agent of another workspace (or none) would silently never route. */
  const checkTargets = async (workspaceId: string, body: z.infer<typeof ruleBody>): Promise<void> => {
    for (const [index, action] of body.actions.entries()) {
      if (action.type === 'assign-agent' && (await store.agents.get(workspaceId, action.agentId)) === null) {
        throw new DomainError('invalid-input', `body.actions[${index}].agentId: no agent ${action.agentId} here.`);
      }
      if (action.type === 'assign-team') {
        const teams = await store.teams.list(workspaceId);
        if (!teams.some((team) => team.id === action.teamId)) {
          throw new DomainError('invalid-input', `body.actions[${index}].teamId: no team ${action.teamId} here.`);
        }
      }
    }
  };

  app.get(
    '/api/v1/rules',
    {
      schema: {
        ...base,
        summary: 'Supervisor rules',
        description: 'In evaluation order (`position`, then id); filter by `kind`.',
        querystring: ruleListQuery,
        response: { 200: listOf(ruleDto), ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.read');
      return { items: (await store.rules.list(workspaceId, request.query.kind)).map(toDto) };
    },
  );
  app.post(
    '/api/v1/rules',
    { schema: { ...base, summary: 'Add a rule', body: ruleBody, response: { 201: ruleDto, ...errors } } },
    async (request, response) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.update');
      await checkTargets(workspaceId, request.body);
      const rule: Rule = { ...request.body, id: ids.newId(), workspaceId };
      await store.rules.insert(rule);
      return response.status(201).send(toDto(rule));
    },
  );
  app.put(
    '/api/v1/rules/:id',
    {
      schema: {
        ...base,
        summary: 'Replace a rule',
        params: idParams,
        body: ruleBody,
        response: { 200: ruleDto, ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.update');
      await checkTargets(workspaceId, request.body);
      const rule: Rule = { ...request.body, id: request.params.id, workspaceId };
      await store.rules.update(rule);
      return toDto(rule);
    },
  );
  app.delete(
    '/api/v1/rules/:id',
    {
      schema: {
        ...base,
        summary: 'Delete a rule',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...errors },
      },
    },
    async (request, response) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.update');
      await store.rules.delete(workspaceId, request.params.id);
      return response.status(204).send(null);
    },
  );
};

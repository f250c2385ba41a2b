import {
  agentBody,
  agentDto,
  agentLoadDto,
  agentPatchBody,
  errorResponse,
  idParams,
  listOf,
  teamBody,
  teamDto,
  teamLoadDto,
} from '@ascolta/contracts';
import { type Agent, DomainError, type Store, type Team } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword } from '../auth/password.ts';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';
import { refuseWhileUsed, requireBusinessHours, teamUses } from './configuration-usage.ts';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const base = { tags: ['settings'], security: [{ apiKey: [] }] };

const toAgentDto = ({ workspaceId: _w, createdAt: _c, ...agent }: Agent) => ({
  ...agent,
  skills: [...agent.skills],
  languages: [...agent.languages],
  teamIds: [...agent.teamIds],
});

const toTeamDto = ({ workspaceId: _, ...team }: Team) => ({
  ...team,
  categories: [...team.categories],
  languages: [...team.languages],
});

const requireTeams = async (store: Store, workspaceId: string, teamIds: readonly string[] | undefined) => {
  if (teamIds === undefined) return;
  const known = new Set((await store.teams.list(workspaceId)).map((team) => team.id));
  const unknown = teamIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new DomainError('invalid-input', `body.teamIds: unknown team ${unknown.join(', ')}.`);
};

/** Supervisors manage agents (skills, languages, capacity, teams) and teams; only admins make admins. */
export const agentTeamRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store, clock, ids } = context;

  app.get(
    '/api/v1/agents',
    {
      schema: {
        ...base,
        summary: 'Agents with their live load',
        description: '`openTickets`: tickets the agent holds in `new`, `awaiting_customer`, `open` or `pending`.',
        response: { 200: listOf(agentLoadDto), ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.read');
      const [agents, load] = await Promise.all([
        store.agents.list(workspaceId),
        store.tickets.countOpenByAssignee(workspaceId),
      ]);
      return { items: agents.map((agent) => ({ ...toAgentDto(agent), openTickets: load[agent.id] ?? 0 })) };
    },
  );

  app.post(
    '/api/v1/agents',
    { schema: { ...base, summary: 'Add an agent', body: agentBody, response: { 201: agentDto, ...errors } } },
    async (request, response) => {
      const principal = await requirePermission(context, request, 'settings.update');
      const { password, ...fields } = request.body;
      if (fields.role === 'admin' && principal.kind === 'agent' && principal.role !== 'admin') {
        throw new DomainError('forbidden', 'Only an admin can make another admin.');
      }
      await requireTeams(store, principal.workspaceId, fields.teamIds);
      await requireBusinessHours(store, principal.workspaceId, fields.businessHoursId);
      const agent: Agent = {
        ...fields,
        email: fields.email.toLowerCase(),
        id: ids.newId(),
        workspaceId: principal.workspaceId,
        presence: 'offline',
        rating: null,
        averageFirstResponseMinutes: null,
        createdAt: clock.now(),
      };
      await store.agents.insert(agent, password === undefined ? null : await hashPassword(password));
      return response.status(201).send(toAgentDto(agent));
    },
  );

  app.patch(
    '/api/v1/agents/:id',
    {
      schema: {
        ...base,
        summary: 'Change an agent',
        params: idParams,
        body: agentPatchBody,
        response: { 200: agentDto, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'settings.update');
      const current = await store.agents.get(principal.workspaceId, request.params.id);
      if (current === null) throw new DomainError('not-found', `Agent ${request.params.id} does not exist.`);
      const { password, ...changes } = request.body;
      const touchesAdmin = changes.role === 'admin' || (current.role === 'admin' && changes.role !== undefined);
      if (touchesAdmin && principal.kind === 'agent' && principal.role !== 'admin') {
        throw new DomainError('forbidden', 'Only an admin can grant or take away the admin role.');
      }
      await requireTeams(store, principal.workspaceId, changes.teamIds);
      await requireBusinessHours(store, principal.workspaceId, changes.businessHoursId ?? null);
      const agent: Agent = { ...current, ...changes };
      await store.agents.update(agent);
      if (password !== undefined)
        await store.agents.setPasswordHash(agent.workspaceId, agent.id, await hashPassword(password));
      return toAgentDto(agent);
    },
  );

  app.get(
    '/api/v1/teams',
    {
      schema: {
        ...base,
        summary: 'Teams with their live load',
        description: "Members' summed `capacity` and `openTickets`, and how many members are online.",
        response: { 200: listOf(teamLoadDto), ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.read');
      const [teams, agents, load] = await Promise.all([
        store.teams.list(workspaceId),
        store.agents.list(workspaceId),
        store.tickets.countOpenByAssignee(workspaceId),
      ]);
      return {
        items: teams.map(({ workspaceId: _, ...team }) => {
          const members = agents.filter((agent) => agent.teamIds.includes(team.id));
          return {
            ...team,
            categories: [...team.categories],
            languages: [...team.languages],
            agentIds: members.map((agent) => agent.id),
            capacity: members.reduce((sum, agent) => sum + agent.capacity, 0),
            openTickets: members.reduce((sum, agent) => sum + (load[agent.id] ?? 0), 0),
            onlineAgents: members.filter((agent) => agent.presence === 'online').length,
          };
        }),
      };
    },
  );

  app.post(
    '/api/v1/teams',
    { schema: { ...base, summary: 'Add a team', body: teamBody, response: { 201: teamDto, ...errors } } },
    async (request, response) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.update');
      await requireBusinessHours(store, workspaceId, request.body.businessHoursId);
      const team = { ...request.body, id: ids.newId(), workspaceId };
      await store.teams.insert(team);
      return response.status(201).send(toTeamDto(team));
    },
  );

  app.put(
    '/api/v1/teams/:id',
    {
      schema: {
        ...base,
        summary: 'Replace a team',
        description: 'Members stay: they are changed on the agents (`teamIds`).',
        params: idParams,
        body: teamBody,
        response: { 200: teamDto, ...errors },
      },
    },
    async (request) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.update');
      await requireBusinessHours(store, workspaceId, request.body.businessHoursId);
      const team: Team = { ...request.body, id: request.params.id, workspaceId };
      await store.teams.update(team);
      return toTeamDto(team);
    },
  );

  app.delete(
    '/api/v1/teams/:id',
    {
      schema: {
        ...base,
        summary: 'Delete a team',
        description:
          '409 while agents belong to the team, rules assign to it or open tickets wait in its queue; the message names them.',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...errors },
      },
    },
    async (request, response) => {
      const { workspaceId } = await requirePermission(context, request, 'settings.update');
      const { id } = request.params;
      await store.transaction(async (tx) => {
        const team = (await tx.teams.list(workspaceId)).find((candidate) => candidate.id === id);
        if (team === undefined) throw new DomainError('not-found', `Team ${id} does not exist.`);
        refuseWhileUsed(`Team ${team.name}`, await teamUses(tx, workspaceId, id));
        await tx.teams.delete(workspaceId, id);
      });
      return response.status(204).send(null);
    },
  );
};

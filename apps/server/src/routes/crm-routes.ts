import {
  type CrmSettingsDto,
  createInCrmBody,
  crmSettingsBody,
  crmSettingsDto,
  crmTicketLinkDto,
  errorResponse,
  idParams,
} from '@ascolta/contracts';
import { type CrmConnection, DomainError, type IntegrationStore } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../http/api-context.ts';
import { actorOf, requirePermission } from '../http/authenticate.ts';
import { createInCrm } from '../integrations/create-in-crm.ts';
import { startEventDispatch } from '../integrations/start-integration-jobs.ts';

const unconfigured: CrmSettingsDto = {
  lookupUrl: null,
  createUrl: null,
  hasAuthToken: false,
  timeoutMs: 5000,
  cacheTtlSeconds: 86_400,
  isEnabled: false,
};

const toSettingsDto = (connection: CrmConnection | null): CrmSettingsDto =>
  connection === null
    ? unconfigured
    : {
        lookupUrl: connection.lookupUrl,
        createUrl: connection.createUrl,
        hasAuthToken: connection.authToken !== null,
        timeoutMs: connection.timeoutMs,
        cacheTtlSeconds: connection.cacheTtlSeconds,
        isEnabled: connection.isEnabled,
      };

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  503: errorResponse,
};

/** The company's CRM: where Ascolta looks customers up and creates tickets. */
export const crmRoutes =
  (integrations: IntegrationStore): FastifyPluginAsyncZod<ApiContext> =>
  async (app, context) => {
    const { store, clock, ids } = context;
    const base = { tags: ['crm'], security: [{ apiKey: [] }] };

    app.get(
      '/api/v1/settings/crm',
      { schema: { ...base, summary: 'The CRM connection (admins)', response: { 200: crmSettingsDto, ...errors } } },
      async (request) => {
        const principal = await requirePermission(context, request, 'crm.manage');
        return toSettingsDto(await integrations.crm.getConnection(principal.workspaceId));
      },
    );

    app.put(
      '/api/v1/settings/crm',
      {
        schema: {
          ...base,
          summary: 'Configure the CRM connection (admins)',
          description:
            'Customers created or linked from now on are looked up at `lookupUrl`; "create in CRM" posts to ' +
            '`createUrl`. Omit `authToken` to keep the stored one, null to remove it.',
          body: crmSettingsBody,
          response: { 200: crmSettingsDto, ...errors },
        },
      },
      async (request) => {
        const principal = await requirePermission(context, request, 'crm.manage');
        const current = await integrations.crm.getConnection(principal.workspaceId);
        const { authToken, ...settings } = request.body;
        const isLookupNew = settings.lookupUrl !== null && current?.lookupUrl !== settings.lookupUrl;
        const connection: CrmConnection = {
          workspaceId: principal.workspaceId,
          ...settings,
          authToken: authToken === undefined ? (current?.authToken ?? null) : authToken,
          // A new look-up URL starts with the customers of tomorrow, not a replay of the whole history.
          startSequence:
            isLookupNew || current === null
              ? await store.events.latestSequence(principal.workspaceId)
              : current.startSequence,
          updatedAt: clock.now(),
        };
        await integrations.crm.putConnection(connection);
        await startEventDispatch(store, principal.workspaceId);
        return toSettingsDto(connection);
      },
    );

    app.get(
      '/api/v1/tickets/:id/crm',
      {
        schema: {
          ...base,
          summary: "The ticket's CRM reference",
          description: '404 until the ticket has been created in the CRM.',
          params: idParams,
          response: { 200: crmTicketLinkDto, ...errors },
        },
      },
      async (request) => {
        const principal = await requirePermission(context, request, 'tickets.read');
        const link = await integrations.crm.getTicketLink(principal.workspaceId, request.params.id);
        if (link === null) throw new DomainError('not-found', `ticket ${request.params.id} has no CRM reference`);
        return { ticketId: link.ticketId, crmReference: link.crmReference, crmUrl: link.crmUrl, created: false };
      },
    );

    // Two "create in CRM" requests for one ticket at once on this server post once: the second waits for the
    // first and answers with its reference (200). Servers behind a load balancer can still each post once.
    const creating = new Map<string, ReturnType<typeof createInCrm>>();
    const createOnce = (key: string, create: () => ReturnType<typeof createInCrm>): ReturnType<typeof createInCrm> => {
      const running = creating.get(key);
      if (running !== undefined) return running.then(({ link }) => ({ link, isCreated: false }));
      const started = create().finally(() => creating.delete(key));
      creating.set(key, started);
      return started;
    };

    app.post(
      '/api/v1/tickets/:id/crm',
      {
        schema: {
          ...base,
          summary: 'Create the ticket in the CRM',
          description:
            'Posts the ticket (number, customer, category, priority, messages, link) to the CRM create URL and ' +
            'keeps its reference. A ticket that already has one gets it back (200) unless `force` is true; ' +
            'two requests for one ticket at the same moment post once (the second answers 200 with that reference).',
          params: idParams,
          body: createInCrmBody,
          response: { 200: crmTicketLinkDto, 201: crmTicketLinkDto, ...errors },
        },
      },
      async (request, response) => {
        const principal = await requirePermission(context, request, 'tickets.createInCrm');
        const { link, isCreated } = await createOnce(`${principal.workspaceId}/${request.params.id}`, () =>
          createInCrm(store, integrations, ids, {
            workspaceId: principal.workspaceId,
            ticketId: request.params.id,
            force: request.body.force,
            actor: actorOf(principal),
            ticketUrl: `${request.protocol}://${request.host}/tickets/${request.params.id}`,
            now: clock.now(),
          }),
        );
        const dto = { ticketId: link.ticketId, crmReference: link.crmReference, crmUrl: link.crmUrl };
        return response.status(isCreated ? 201 : 200).send({ ...dto, created: isCreated });
      },
    );
  };

import {
  customerDetailDto,
  customerTimeline,
  errorResponse,
  idParams,
  touchpointBody,
  touchpointResponse,
} from '@ascolta/contracts';
import { type Customer, DomainError, type Identity, type Store, type Touchpoint } from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ApiContext } from '../http/api-context.ts';
import { requirePermission } from '../http/authenticate.ts';
import { toMessageDto, toTicketDto } from '../http/to-dto.ts';
import { recordTouchpoint } from './record-touchpoint.ts';
import { toCustomerSummary } from './ticket-detail-route.ts';

type TimelineEntry = z.infer<typeof customerTimeline>['items'][number];

const toIdentityDto = ({ workspaceId: _w, customerId: _c, createdAt: _t, ...identity }: Identity) => identity;
const toTouchpointDto = (touchpoint: Touchpoint) => ({
  id: touchpoint.id,
  customerId: touchpoint.customerId,
  kind: touchpoint.kind,
  source: touchpoint.source,
  summary: touchpoint.summary,
  occurredAt: touchpoint.occurredAt.toISOString(),
  data: { ...touchpoint.data },
});

const loadCustomer = async (store: Store, workspaceId: string, id: string): Promise<Customer> => {
  const customer = await store.customers.get(workspaceId, id);
  if (customer === null) throw new DomainError('not-found', `Customer ${id} does not exist.`);
  return customer;
};

// Satisfaction comes from the answered CSAT surveys (1–5) of the customer's recent tickets; NPS is another scale.
const satisfactionOf = async (store: Store, workspaceId: string, ticketIds: readonly string[]) => {
  const scores: number[] = [];
  for (const ticketId of ticketIds) {
    for (const event of await store.events.list({ workspaceId, ticketId })) {
      if (event.type === 'survey.answered' && event.data.kind !== 'nps') scores.push(event.data.score);
    }
  }
  const averageScore = scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length;
  return { surveysAnswered: scores.length, averageScore };
};

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const base = { tags: ['customers'], security: [{ apiKey: [] }] };
const pageLimit = 50;

export const customerRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, context) => {
  const { store } = context;
  app.get(
    '/api/v1/customers/:id',
    {
      schema: {
        ...base,
        summary: 'A customer: identities, value, influence, tickets, satisfaction',
        params: idParams,
        response: { 200: customerDetailDto, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'customers.read');
      const customer = await loadCustomer(store, principal.workspaceId, request.params.id);
      const [identities, tickets] = await Promise.all([
        store.identities.listByCustomer(customer.workspaceId, customer.id),
        store.tickets.list({ workspaceId: customer.workspaceId, customerId: customer.id, limit: pageLimit }),
      ]);
      const ticketIds = tickets.items.map((ticket) => ticket.id);
      return {
        ...toCustomerSummary(customer),
        crmId: customer.crmId,
        identities: identities.map(toIdentityDto),
        tickets: tickets.items.map(toTicketDto),
        satisfaction: await satisfactionOf(store, customer.workspaceId, ticketIds),
        createdAt: customer.createdAt.toISOString(),
      };
    },
  );

  app.get(
    '/api/v1/customers/:id/timeline',
    {
      schema: {
        ...base,
        summary: "The customer's timeline: messages, tickets and touchpoints, newest first",
        description: `The newest ${pageLimit} messages and tickets with every touchpoint, merged by time.`,
        params: idParams,
        response: { 200: customerTimeline, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'customers.read');
      const customer = await loadCustomer(store, principal.workspaceId, request.params.id);
      const query = { workspaceId: customer.workspaceId, customerId: customer.id, limit: pageLimit };
      const [messages, tickets, touchpoints] = await Promise.all([
        store.messages.list(query),
        store.tickets.list(query),
        store.touchpoints.listByCustomer(customer.workspaceId, customer.id),
      ]);
      const items: TimelineEntry[] = [
        ...messages.items.map((m) => ({
          kind: 'message' as const,
          at: m.receivedAt.toISOString(),
          message: toMessageDto(m),
        })),
        ...tickets.items.map((t) => ({
          kind: 'ticket' as const,
          at: t.createdAt.toISOString(),
          ticket: toTicketDto(t),
        })),
        ...touchpoints.map((t) => ({
          kind: 'touchpoint' as const,
          at: t.occurredAt.toISOString(),
          touchpoint: toTouchpointDto(t),
        })),
      ];
      items.sort((a, b) => b.at.localeCompare(a.at));
      return { items };
    },
  );

  app.post(
    '/api/v1/touchpoints',
    {
      schema: {
        tags: ['touchpoints'],
        security: [{ apiKey: [] }],
        summary: 'Log a touchpoint from another system (hotline, shop, CRM)',
        description:
          'Names the customer by e-mail, phone, handle or CRM id and creates an unknown one. Idempotent on `externalId` (per `source`): a repeat answers 200 with the first touchpoint, a first time 201.',
        body: touchpointBody,
        response: { 200: touchpointResponse, 201: touchpointResponse, ...errors, 409: errorResponse },
      },
    },
    async (request, response) => {
      const principal = await requirePermission(context, request, 'touchpoints.create');
      const recorded = await recordTouchpoint(context, principal.workspaceId, request.body);
      return response.status(recorded.isNew ? 201 : 200).send({
        touchpoint: toTouchpointDto(recorded.touchpoint),
        isNew: recorded.isNew,
        isNewCustomer: recorded.isNewCustomer,
      });
    },
  );
};

import {
  customerDetailDto,
  customerMergeBody,
  customerMergeResponse,
  customerTimeline,
  errorResponse,
  idParams,
  linkDismissBody,
  linkSuggestionsResponse,
  touchpointBody,
  touchpointResponse,
} from '@ascolta/contracts';
import {
  type Customer,
  customerMergedEvent,
  DomainError,
  type DomainEvent,
  type Identity,
  linkDismissedEvent,
  linkSuggestionsOf,
  mergedInto,
  planCustomerMerge,
  type Repositories,
  type Store,
  type Touchpoint,
} from '@ascolta/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ApiContext } from '../http/api-context.ts';
import { appendEvents } from '../http/append-events.ts';
import { actorOf, requirePermission } from '../http/authenticate.ts';
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

const loadCustomer = async (store: Repositories, workspaceId: string, id: string): Promise<Customer> => {
  const customer = await store.customers.get(workspaceId, id);
  if (customer === null) throw new DomainError('not-found', `Customer ${id} does not exist.`);
  return customer;
};

// Chains of merges are short; this bounds the reads of a customer detail whatever the history.
const maxInheritedCustomers = 20;

/**
 * The customers this one may be, from its link events and those of the customers merged into it (they are it
 * now); a customer since merged away (deleted) drops out.
 */
const linkSuggestionsFor = async (store: Repositories, customer: Customer) => {
  const events = new Map<string, DomainEvent>();
  const merged: string[] = [];
  for (let queue = [customer.id]; queue.length > 0 && merged.length < maxInheritedCustomers; ) {
    const next: string[] = [];
    for (const id of queue) {
      const found = await store.events.listCustomerLinks(customer.workspaceId, id);
      for (const event of found) events.set(event.id, event);
      next.push(...mergedInto(id, found).filter((from) => from !== customer.id && !merged.includes(from)));
    }
    merged.push(...next);
    queue = next;
  }
  const ordered = [...events.values()].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const suggestions = linkSuggestionsOf(customer.id, ordered, merged);
  const others = await Promise.all(
    suggestions.map((item) => store.customers.get(customer.workspaceId, item.customerId)),
  );
  return suggestions.flatMap((item, index) => {
    const other = others[index];
    if (other === null || other === undefined) return [];
    return [
      {
        customerId: other.id,
        displayName: other.displayName,
        evidence: item.evidence,
        suggestedAt: item.suggestedAt.toISOString(),
      },
    ];
  });
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
  const { store, clock, ids } = context;
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
      const [identities, tickets, linkSuggestions] = await Promise.all([
        store.identities.listByCustomer(customer.workspaceId, customer.id),
        store.tickets.list({ workspaceId: customer.workspaceId, customerId: customer.id, limit: pageLimit }),
        linkSuggestionsFor(store, customer),
      ]);
      const ticketIds = tickets.items.map((ticket) => ticket.id);
      return {
        ...toCustomerSummary(customer),
        crmId: customer.crmId,
        identities: identities.map(toIdentityDto),
        tickets: tickets.items.map(toTicketDto),
        satisfaction: await satisfactionOf(store, customer.workspaceId, ticketIds),
        linkSuggestions,
        createdAt: customer.createdAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/v1/customers/:id/merge',
    {
      schema: {
        ...base,
        summary: 'Merge this customer into another: they are the same person',
        description:
          'Moves identities, tickets, messages, touchpoints and surveys to `intoCustomerId` in one transaction and deletes this customer. The target keeps its attributes and takes the ones it lacks (language, CRM id, value, purchases, reach). Records `customer.merged` on the target (supervisors).',
        params: idParams,
        body: customerMergeBody,
        response: { 200: customerMergeResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'customers.merge');
      return store.transaction(async (tx) => {
        const { workspaceId } = principal;
        const { id } = request.params;
        const { intoCustomerId } = request.body;
        if (id === intoCustomerId)
          throw new DomainError('invalid-input', 'intoCustomerId: a customer cannot be merged into itself.');
        // Both held in one order: a message of either one waits for the merge, and two merges cannot deadlock.
        for (const held of [id, intoCustomerId].sort()) await tx.customers.lockForCare(workspaceId, held);
        const source = await loadCustomer(tx, workspaceId, id);
        const target = await loadCustomer(tx, workspaceId, intoCustomerId);
        const plan = planCustomerMerge(source, target, clock.now());
        const moved = await tx.customers.mergeInto(workspaceId, source.id, target.id);
        await tx.customers.update(plan.target);
        await appendEvents(tx, [customerMergedEvent(source, plan, moved, actorOf(principal))], clock, ids);
        return { customerId: target.id, moved, filledFields: plan.filledFields };
      });
    },
  );

  app.post(
    '/api/v1/customers/:id/link-suggestions/dismiss',
    {
      schema: {
        ...base,
        summary: 'Dismiss a suggestion: the other customer is someone else',
        description:
          'Records `customer.link-dismissed`; the pair is no longer suggested, from either side. Answers the remaining suggestions.',
        params: idParams,
        body: linkDismissBody,
        response: { 200: linkSuggestionsResponse, ...errors },
      },
    },
    async (request) => {
      const principal = await requirePermission(context, request, 'customers.dismissLink');
      return store.transaction(async (tx) => {
        const customer = await loadCustomer(tx, principal.workspaceId, request.params.id);
        const other = await loadCustomer(tx, principal.workspaceId, request.body.customerId);
        const event = linkDismissedEvent(customer.id, other.id, customer.workspaceId, actorOf(principal));
        await appendEvents(tx, [event], clock, ids);
        return { linkSuggestions: await linkSuggestionsFor(tx, customer) };
      });
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

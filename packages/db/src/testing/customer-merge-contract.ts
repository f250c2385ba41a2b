import type { DomainEvent } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './current-store.ts';
import { aCustomer, aMessage, aTicket, fixedTime } from './fixtures.ts';

const anIdentity = (workspaceId: string, id: string, customerId: string, value: string) => ({
  id,
  workspaceId,
  customerId,
  kind: 'email' as const,
  channelKind: null,
  value,
  displayHandle: null,
  followers: 0,
  isVerified: false,
  confidence: 1,
  createdAt: fixedTime,
});

const aLinkEvent = (
  workspaceId: string,
  id: string,
  customerId: string,
  body: Pick<DomainEvent, 'type' | 'data'>,
): DomainEvent =>
  ({
    id,
    workspaceId,
    occurredAt: fixedTime,
    actor: { type: 'system' },
    ticketId: null,
    customerId,
    ...body,
  }) as DomainEvent;

export const describeCustomerMergeContract = (store: CurrentStore): void => {
  describe('customer merge', () => {
    it('moves identities, tickets, messages and touchpoints to the target and deletes the source', async () => {
      const ws = 'merge-ws';
      await store().customers.insert(aCustomer(ws, 'm-from'));
      await store().customers.insert(aCustomer(ws, 'm-into'));
      await store().customers.insert(aCustomer(ws, 'm-other'));
      await store().identities.insert(anIdentity(ws, 'mi-1', 'm-from', 'from@example.com'));
      await store().identities.insert(anIdentity(ws, 'mi-2', 'm-into', 'into@example.com'));
      // A row of another workspace naming the same id is not touched.
      await store().identities.insert(anIdentity('merge-elsewhere', 'mi-3', 'm-from', 'from@example.com'));
      await store().tickets.insert(aTicket(ws, 'mt-1', { customerId: 'm-from' }));
      await store().tickets.insert(aTicket(ws, 'mt-2', { customerId: 'm-other' }));
      await store().messages.insertIdempotent(aMessage(ws, 'mm-1', { customerId: 'm-from', ticketId: 'mt-1' }));
      await store().touchpoints.insert({
        id: 'mtp-1',
        workspaceId: ws,
        customerId: 'm-from',
        kind: 'call',
        source: 'hotline',
        summary: 'Called',
        occurredAt: fixedTime,
        data: {},
      });

      const moved = await store().transaction((tx) => tx.customers.mergeInto(ws, 'm-from', 'm-into'));

      expect(moved).toEqual({ identities: 1, tickets: 1, messages: 1, touchpoints: 1, surveys: 0 });
      expect(await store().customers.get(ws, 'm-from')).toBeNull();
      expect((await store().identities.listByCustomer(ws, 'm-into')).map((i) => i.id).sort()).toEqual(['mi-1', 'mi-2']);
      expect((await store().identities.find('merge-elsewhere', 'email', null, 'from@example.com'))?.customerId).toBe(
        'm-from',
      );
      expect((await store().tickets.get(ws, 'mt-1'))?.customerId).toBe('m-into');
      expect((await store().tickets.get(ws, 'mt-2'))?.customerId).toBe('m-other');
      expect((await store().messages.get(ws, 'mm-1'))?.customerId).toBe('m-into');
      expect((await store().touchpoints.listByCustomer(ws, 'm-into')).map((t) => t.id)).toEqual(['mtp-1']);
    });

    it('lists the link events that name a customer as theirs, as a candidate, dismissed or merged', async () => {
      const ws = 'links-ws';
      await store().events.append([
        aLinkEvent(ws, 'le-1', 'l-a', {
          type: 'customer.link-suggested',
          data: { candidateCustomerIds: ['l-b', 'l-c'], evidence: 'order-number A-7' },
        }),
        aLinkEvent(ws, 'le-2', 'l-c', { type: 'customer.link-dismissed', data: { otherCustomerId: 'l-b' } }),
        aLinkEvent(ws, 'le-3', 'l-d', { type: 'customer.created', data: { displayName: 'l-b' } }),
        aLinkEvent(ws, 'le-4', 'l-d', {
          type: 'customer.merged',
          data: {
            fromCustomerId: 'l-b',
            fromDisplayName: 'B',
            moved: { identities: 0, tickets: 0, messages: 0, touchpoints: 0, surveys: 0 },
            filledFields: [],
          },
        }),
        aLinkEvent('links-elsewhere', 'le-5', 'l-b', {
          type: 'customer.link-suggested',
          data: { candidateCustomerIds: ['l-a'], evidence: 'e-mail' },
        }),
      ]);
      const ids = async (customerId: string) =>
        (await store().events.listCustomerLinks(ws, customerId)).map((event) => event.id);
      expect(await ids('l-b')).toEqual(['le-1', 'le-2', 'le-4']);
      expect(await ids('l-a')).toEqual(['le-1']);
      expect(await ids('l-d')).toEqual(['le-4']);
      expect(await ids('l-z')).toEqual([]);
    });
  });
};

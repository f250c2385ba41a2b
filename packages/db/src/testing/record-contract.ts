import { DomainError, type DomainEvent } from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import { driverOf } from '../store/store-internals.ts';
import type { CurrentStore } from './current-store.ts';
import { aCustomer, aTicketOpenedEvent, aWorkspace, fixedTime } from './fixtures.ts';

const settings = {
  priorityWeights: {
    severity: 1,
    sentiment: 1,
    urgency: 1,
    customerValue: 1,
    influence: 1,
    repeatContacts: 1,
    crossChannel: 1,
    slaTimeLeft: 1,
  },
  priorityBands: { normal: 20, high: 50, urgent: 80 },
};

export const describeRecordContract = (store: CurrentStore): void => {
  describe('records', () => {
    it('stores workspaces and their settings document', async () => {
      await store().workspaces.insert(aWorkspace('rec-ws'));
      expect(await store().settings.get('rec-ws')).toBeNull();
      await store().settings.put('rec-ws', settings);
      await store().settings.put('rec-ws', {
        ...settings,
        threading: { repeatWindowMinutes: 5, reopenWindowMinutes: 9 },
      });
      expect(await store().settings.get('rec-ws')).toEqual({
        ...settings,
        threading: { repeatWindowMinutes: 5, reopenWindowMinutes: 9 },
      });
      await expect(store().workspaces.insert(aWorkspace('rec-ws'))).rejects.toMatchObject({ code: 'conflict' });
    });

    it('reads and updates customers only within their workspace', async () => {
      await store().customers.insert(aCustomer('rec-c', 'cust-1'));
      await store().customers.update(
        aCustomer('rec-c', 'cust-1', { valueTier: 'gold', lifetimeValueCents: 9_000_000_000 }),
      );
      expect(await store().customers.get('rec-c', 'cust-1')).toMatchObject({
        valueTier: 'gold',
        lifetimeValueCents: 9e9,
      });
      expect(await store().customers.get('other', 'cust-1')).toBeNull();
      await expect(store().customers.update(aCustomer('other', 'cust-1'))).rejects.toBeInstanceOf(DomainError);
    });

    it('finds identities by kind, channel kind and value, unique even without a channel kind', async () => {
      const base = { workspaceId: 'rec-i', customerId: 'cust-1', displayHandle: null, followers: 0 };
      const identity = { ...base, isVerified: false, confidence: 1, createdAt: fixedTime };
      await store().identities.insert({ ...identity, id: 'i-1', kind: 'handle', channelKind: 'x', value: '42' });
      await store().identities.insert({ ...identity, id: 'i-2', kind: 'email', channelKind: null, value: 'a@b.it' });
      expect((await store().identities.find('rec-i', 'handle', 'x', '42'))?.id).toBe('i-1');
      expect(await store().identities.find('rec-i', 'handle', 'instagram', '42')).toBeNull();
      expect((await store().identities.find('rec-i', 'email', null, 'a@b.it'))?.id).toBe('i-2');
      await expect(
        store().identities.insert({ ...identity, id: 'i-3', kind: 'email', channelKind: null, value: 'a@b.it' }),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect((await store().identities.listByCustomer('rec-i', 'cust-1')).map((i) => i.id)).toEqual(['i-1', 'i-2']);
    });

    it('keeps agent e-mail addresses unique across workspaces', async () => {
      const agent = {
        id: 'ag-1',
        workspaceId: 'rec-a',
        email: 'anna@ascolta.test',
        name: 'Anna',
        role: 'agent' as const,
        skills: ['delivery'],
        languages: ['it'],
        teamIds: [],
        capacity: 5,
        presence: 'online' as const,
        businessHoursId: null,
        rating: null,
        averageFirstResponseMinutes: null,
        createdAt: fixedTime,
      };
      await store().agents.insert(agent, 'hash-1');
      await expect(store().agents.insert({ ...agent, id: 'ag-2', workspaceId: 'rec-b' }, null)).rejects.toMatchObject({
        code: 'conflict',
      });
      expect(await store().agents.findCredentialsByEmail('anna@ascolta.test')).toEqual({
        agent,
        passwordHash: 'hash-1',
      });
    });

    it('rolls back every write of a failed transaction', async () => {
      const failing = store().transaction(async (tx) => {
        await tx.workspaces.insert(aWorkspace('rec-rollback'));
        await tx.customers.insert(aCustomer('rec-rollback', 'cust-rb'));
        throw new Error('boom');
      });
      await expect(failing).rejects.toThrow('boom');
      expect(await store().workspaces.get('rec-rollback')).toBeNull();
      expect(await store().customers.get('rec-rollback', 'cust-rb')).toBeNull();
    });

    it('refuses the store (instead of hanging) when used inside its own transaction', async () => {
      const misuse = store().transaction(async () => store().workspaces.get('rec-ws'));
      await expect(misuse).rejects.toThrow('inside its own transaction');
      const nested = store().transaction(async () => store().transaction(async () => null));
      await expect(nested).rejects.toThrow('inside its own transaction');
    });

    it('lists events in append order and from a sequence on', async () => {
      const batch: DomainEvent[] = ['e-3', 'e-1', 'e-2'].map((id) => aTicketOpenedEvent('rec-e', id, 't-1'));
      await store().events.append(batch.slice(0, 2));
      await store().events.append(batch.slice(2));
      const all = await store().events.list({ workspaceId: 'rec-e' });
      expect(all.map((event) => event.id)).toEqual(['e-3', 'e-1', 'e-2']);
      expect(all[0]).toMatchObject({
        type: 'ticket.opened',
        data: { priorityBand: 'high' },
        actor: { type: 'system' },
      });
      const later = await store().events.list({ workspaceId: 'rec-e', afterSequence: all[0]?.sequence ?? 0 });
      expect(later.map((event) => event.id)).toEqual(['e-1', 'e-2']);
      // A driver error, not Drizzle's wrapper that would put the SQL and every parameter in logs.
      const duplicate = await store()
        .events.append(batch.slice(0, 1))
        .catch((error: unknown) => error);
      expect(duplicate).toMatchObject({ code: '23505' });
      expect((duplicate as Error).message).not.toContain('rec-e');
      const connection = driverOf(store()).connection;
      await expect(connection.query('DELETE FROM events WHERE workspace_id = $1', ['rec-e'])).rejects.toThrow(
        'append-only',
      );
      await expect(connection.query(`UPDATE events SET type = 'x' WHERE id = $1`, ['e-1'])).rejects.toThrow(
        'append-only',
      );
    });

    it('keeps supervisor rules in order, replaces and deletes them only within their workspace', async () => {
      const rule = {
        id: 'rule-1',
        workspaceId: 'rec-r',
        kind: 'priority' as const,
        name: 'Gold customers',
        when: 'message.received',
        conditions: [{ field: 'customer.valueTier', operator: 'equals' as const, value: 'gold' }],
        actions: [{ type: 'add-priority' as const, points: 10 }],
        position: 2,
        isActive: true,
      };
      await store().rules.insert(rule);
      await store().rules.insert({ ...rule, id: 'rule-0', kind: 'routing', position: 1 });
      expect((await store().rules.list('rec-r')).map((r) => r.id)).toEqual(['rule-0', 'rule-1']);
      expect((await store().rules.list('rec-r', 'priority')).map((r) => r.id)).toEqual(['rule-1']);
      await store().rules.update({
        ...rule,
        isActive: false,
        actions: [{ type: 'set-priority-band', band: 'urgent' }],
      });
      expect((await store().rules.list('rec-r', 'priority'))[0]).toMatchObject({
        isActive: false,
        actions: [{ type: 'set-priority-band', band: 'urgent' }],
      });
      await expect(store().rules.update({ ...rule, workspaceId: 'other' })).rejects.toMatchObject({
        code: 'not-found',
      });
      await expect(store().rules.delete('other', 'rule-1')).rejects.toMatchObject({ code: 'not-found' });
      await store().rules.delete('rec-r', 'rule-1');
      expect((await store().rules.list('rec-r')).map((r) => r.id)).toEqual(['rule-0']);
    });
  });
};

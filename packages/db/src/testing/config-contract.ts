import {
  type BusinessHours,
  createWorkspaceConfigCache,
  type InfoRequest,
  type SlaPolicy,
  type Team,
  type Template,
} from '@ascolta/core';
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './current-store.ts';

const workspaceId = 'cfg-ws';

const team: Team = {
  id: 'cfg-team',
  workspaceId,
  name: 'Billing',
  categories: ['billing'],
  languages: ['it'],
  businessHoursId: null,
};
const hours: BusinessHours = {
  id: 'cfg-hours',
  workspaceId,
  name: 'Office',
  timeZone: 'Europe/Rome',
  intervals: [{ day: 1, startMinute: 540, endMinute: 1080 }],
  holidays: ['2026-12-25'],
};
const targets = { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 1440 };
const policy: SlaPolicy = {
  id: 'cfg-sla',
  workspaceId,
  name: 'Standard',
  businessHoursId: null,
  targets: { low: targets, normal: targets, high: targets, urgent: targets },
  breachRiskRatio: 0.2,
};
const infoRequest: InfoRequest = {
  id: 'cfg-info',
  workspaceId,
  category: 'delivery',
  fields: [{ name: 'orderNumber', entity: 'order-number', label: { it: 'Numero d’ordine' }, isRequired: true }],
  prompt: { it: 'Ci scrivi il numero d’ordine?' },
  publicAcknowledgement: {},
  reminderAfterMinutes: 240,
};
const templateRecord: Template = {
  id: 'cfg-template',
  workspaceId,
  kind: 'answer',
  name: 'Tracking',
  category: 'delivery',
  language: 'it',
  body: 'Puoi seguire il pacco qui.',
  autoAnswerThreshold: 0.8,
};

/** The update and delete every configuration repository offers, with the pipeline's cache version behind them. */
interface EditableConfig<T extends { id: string; workspaceId: string }> {
  name: string;
  record: T;
  changed: T;
  insert(record: T): Promise<void>;
  list(): Promise<T[]>;
  update(record: T): Promise<void>;
  delete(workspaceId: string, id: string): Promise<void>;
}

const itReplacesAndDeletes = <T extends { id: string; workspaceId: string }>(
  store: CurrentStore,
  config: EditableConfig<T>,
): void => {
  it(`replaces and deletes ${config.name} only within their workspace, raising the configuration version`, async () => {
    await config.insert(config.record);
    await config.insert({ ...config.record, id: `${config.record.id}-kept` });

    const beforeUpdate = await store().configVersion();
    await config.update(config.changed);
    expect((await config.list()).find((row) => row.id === config.record.id)).toEqual(config.changed);
    const afterUpdate = await store().configVersion();
    expect(afterUpdate).toBeGreaterThan(beforeUpdate);

    await expect(config.update({ ...config.changed, workspaceId: 'cfg-other' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(config.update({ ...config.changed, id: 'cfg-missing' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(config.delete('cfg-other', config.record.id)).rejects.toMatchObject({ code: 'not-found' });

    await config.delete(workspaceId, config.record.id);
    expect((await config.list()).map((row) => row.id)).toEqual([`${config.record.id}-kept`]);
    expect(await store().configVersion()).toBeGreaterThan(afterUpdate);
    await expect(config.delete(workspaceId, config.record.id)).rejects.toMatchObject({ code: 'not-found' });
  });
};

export const describeConfigContract = (store: CurrentStore): void => {
  describe('workspace configuration', () => {
    it("gives the workers' configuration cache a new snapshot after an edit or a delete, and the same one otherwise", async () => {
      const cache = createWorkspaceConfigCache();
      const template = { ...templateRecord, id: 'cfg-cached', workspaceId: 'cfg-cache' };
      await store().templates.insert(template);
      const first = await cache.snapshot(store(), 'cfg-cache');
      expect(await cache.snapshot(store(), 'cfg-cache')).toBe(first);
      await store().templates.update({ ...template, body: 'Nuovo testo.' });
      const afterEdit = await cache.snapshot(store(), 'cfg-cache');
      expect(afterEdit).not.toBe(first);
      await store().templates.delete('cfg-cache', template.id);
      expect(await cache.snapshot(store(), 'cfg-cache')).not.toBe(afterEdit);
    });
    itReplacesAndDeletes<Team>(store, {
      name: 'teams',
      record: team,
      changed: { ...team, name: 'Billing and refunds', categories: ['billing', 'refund'], businessHoursId: 'h-1' },
      insert: (record: Team) => store().teams.insert(record),
      list: () => store().teams.list(workspaceId),
      update: (record: Team) => store().teams.update(record),
      delete: (ws: string, id: string) => store().teams.delete(ws, id),
    });
    itReplacesAndDeletes<BusinessHours>(store, {
      name: 'business hours',
      record: hours,
      changed: { ...hours, timeZone: 'Europe/London', intervals: [{ day: 2, startMinute: 0, endMinute: 60 }] },
      insert: (record: BusinessHours) => store().businessHours.insert(record),
      list: () => store().businessHours.list(workspaceId),
      update: (record: BusinessHours) => store().businessHours.update(record),
      delete: (ws: string, id: string) => store().businessHours.delete(ws, id),
    });
    itReplacesAndDeletes<SlaPolicy>(store, {
      name: 'SLA policies',
      record: policy,
      changed: { ...policy, name: 'Gold', breachRiskRatio: 0.5, businessHoursId: 'h-1' },
      insert: (record: SlaPolicy) => store().slaPolicies.insert(record),
      list: () => store().slaPolicies.list(workspaceId),
      update: (record: SlaPolicy) => store().slaPolicies.update(record),
      delete: (ws: string, id: string) => store().slaPolicies.delete(ws, id),
    });
    itReplacesAndDeletes<InfoRequest>(store, {
      name: 'info requests',
      record: infoRequest,
      changed: { ...infoRequest, prompt: { it: 'Il numero?', en: 'The number?' }, reminderAfterMinutes: 30 },
      insert: (record: InfoRequest) => store().infoRequests.insert(record),
      list: () => store().infoRequests.list(workspaceId),
      update: (record: InfoRequest) => store().infoRequests.update(record),
      delete: (ws: string, id: string) => store().infoRequests.delete(ws, id),
    });
    itReplacesAndDeletes<Template>(store, {
      name: 'templates',
      record: templateRecord,
      changed: { ...templateRecord, kind: 'macro', category: null, body: 'Ciao!', autoAnswerThreshold: null },
      insert: (record: Template) => store().templates.insert(record),
      list: () => store().templates.list(workspaceId),
      update: (record: Template) => store().templates.update(record),
      delete: (ws: string, id: string) => store().templates.delete(ws, id),
    });
  });
};

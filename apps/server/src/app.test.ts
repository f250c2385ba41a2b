import { loadBuiltinTriage } from '@ascolta/ai';
import type { HealthResponse } from '@ascolta/contracts';
import { createTestStore } from '@ascolta/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { demoChannels } from './demo/demo-workspace.ts';
import { seedDemo } from './demo/seed-demo.ts';

type TestStore = Awaited<ReturnType<typeof createTestStore>>;
const bearer = { authorization: 'Bearer demo-api-key' };

describe('the HTTP API on a seeded demo workspace', () => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await createTestStore();
    expect(await seedDemo(store, loadBuiltinTriage())).toBe(true);
    const health: HealthResponse = {
      status: 'ok',
      version: 'test',
      role: 'all',
      store: { driver: store.driver, migrationsApplied: 1, latestMigration: '0000' },
      jobs: { running: false },
      demo: true,
      uptimeSeconds: 0,
    };
    app = await buildApp({
      store,
      version: 'test',
      bodyLimitBytes: 64 * 1024,
      logger: false,
      readHealth: async () => health,
    });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('seeds the demo only once', async () => {
    expect(await seedDemo(store)).toBe(false);
  });

  it('answers /health and publishes an OpenAPI document describing the API', async () => {
    expect((await app.inject({ url: '/health' })).json()).toMatchObject({ status: 'ok' });
    const openapi = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/messages', '/api/v1/tickets', '/health']),
    );
  });

  it('requires a valid API key', async () => {
    const none = await app.inject({ url: '/api/v1/tickets' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('unauthenticated');
    const wrong = await app.inject({ url: '/api/v1/tickets', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('lists tickets with filters, priority order for open work, and cursor pagination', async () => {
    const open = (await app.inject({ url: '/api/v1/tickets?status=new,open&limit=200', headers: bearer })).json();
    expect(open.items.length).toBeGreaterThan(5);
    expect(open.items.every((ticket: { status: string }) => ['new', 'open'].includes(ticket.status))).toBe(true);
    const scores = open.items.map((ticket: { priorityScore: number }) => ticket.priorityScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page = (await app.inject({ url: `/api/v1/tickets?limit=10${query}`, headers: bearer })).json();
      for (const ticket of page.items) seen.add(ticket.id);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.size).toBe(36);
  });

  it('rejects bad query values with a 400 that names the field', async () => {
    const response = await app.inject({ url: '/api/v1/tickets?status=bogus', headers: bearer });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('status');
    const limit = await app.inject({ url: '/api/v1/messages?limit=0', headers: bearer });
    expect(limit.statusCode).toBe(400);
    expect(limit.json().error.message).toContain('limit');
  });

  it('searches message text in Italian and English and filters by channel and external id', async () => {
    const italian = (await app.inject({ url: '/api/v1/messages?q=arrivato', headers: bearer })).json();
    expect(italian.items.some((message: { text: string }) => message.text.includes('non è mai arrivato'))).toBe(true);
    const english = (await app.inject({ url: '/api/v1/messages?q=deliveries', headers: bearer })).json();
    expect(english.items.some((message: { text: string }) => /delivery/i.test(message.text))).toBe(true);

    const byKind = (await app.inject({ url: '/api/v1/messages?channel=whatsapp&limit=200', headers: bearer })).json();
    expect(byKind.items.length).toBeGreaterThan(0);
    expect(byKind.items.every((message: { channelKind: string }) => message.channelKind === 'whatsapp')).toBe(true);
    const byId = (
      await app.inject({ url: `/api/v1/messages?channel=${demoChannels.x.id}&limit=200`, headers: bearer })
    ).json();
    expect(byId.items.every((message: { channelId: string }) => message.channelId === demoChannels.x.id)).toBe(true);

    const one = byKind.items[0];
    const exact = (
      await app.inject({ url: `/api/v1/messages?externalId=${encodeURIComponent(one.externalId)}`, headers: bearer })
    ).json();
    expect(exact.items.map((message: { id: string }) => message.id)).toEqual([one.id]);
  });

  it('seeds the demo with real triage and explained priorities', async () => {
    const inbound = (await app.inject({ url: '/api/v1/messages?direction=inbound&limit=200', headers: bearer })).json();
    expect(inbound.items.length).toBe(40);
    expect(inbound.items.every((message: { triage: unknown }) => message.triage !== null)).toBe(true);
    const tickets = (await app.inject({ url: '/api/v1/tickets?limit=200', headers: bearer })).json();
    for (const ticket of tickets.items) {
      const points = ticket.priorityContributions.reduce(
        (sum: number, item: { points: number }) => sum + item.points,
        0,
      );
      expect(ticket.priorityScore).toBeCloseTo(points, 0);
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app.inject({ url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not-found');
  });
});

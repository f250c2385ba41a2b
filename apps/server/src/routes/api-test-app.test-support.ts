import type { HealthResponse } from '@ascolta/contracts';
import { createTestStore } from '@ascolta/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.ts';
import { demoCredentials } from '../demo/demo-credentials.ts';
import { demoNow } from '../demo/demo-ids.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { uuidV7 } from '../runtime/uuid-v7.ts';

export type TestStore = Awaited<ReturnType<typeof createTestStore>>;

export interface ApiTestApp {
  app: FastifyInstance;
  store: TestStore;
  /** The app's clock: starts at the demo's "now"; tests move it. */
  clock: { now(): Date; set(at: Date): void };
  /** Signs in a demo person; the headers carry the session cookie and the CSRF token. */
  signIn(email: string): Promise<{ cookie: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

const health: HealthResponse = {
  status: 'ok',
  version: 'test',
  role: 'all',
  store: { driver: 'pglite', migrationsApplied: 2, latestMigration: '0001' },
  jobs: { running: false },
  demo: true,
  uptimeSeconds: 0,
};

/** A seeded demo workspace behind the real app, on a fresh test store. */
export const createApiTestApp = async (): Promise<ApiTestApp> => {
  const store = await createTestStore();
  await seedDemo(store);
  let now = new Date(demoNow);
  const clock = { now: () => new Date(now), set: (at: Date) => (now = new Date(at)) };
  const app = await buildApp({
    store,
    version: 'test',
    bodyLimitBytes: 64 * 1024,
    logger: process.env.TEST_LOG === '1' ? { level: 'error' } : false,
    readHealth: async () => health,
    clock,
    ids: uuidV7(() => now.getTime()),
  });
  const signIn = async (email: string) => {
    const answer = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: demoCredentials.password },
    });
    if (answer.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${answer.body}`);
    const cookie = String(answer.headers['set-cookie']).split(';')[0] ?? '';
    return { cookie, headers: { cookie, 'x-csrf-token': answer.json().csrfToken } };
  };
  const close = async () => {
    await app.close();
    await store.close();
  };
  return { app, store, clock, signIn, close };
};

/**
 * Registers, in the current `describe`, a `beforeAll` that makes the app and signs in the demo supervisor
 * (unless `supervisor: false`) and then the demo agent, and an `afterAll` that closes the app. The returned
 * `t` reads through to that app, and `supervisor` and `agent` are filled with the sign-in headers, so they
 * can be taken at describe time and used in the tests.
 */
export const useApiTestApp = (
  options: { supervisor?: boolean } = {},
): { t: ApiTestApp; supervisor: Record<string, string>; agent: Record<string, string> } => {
  let made: ApiTestApp | undefined;
  const live = (): ApiTestApp => {
    if (made === undefined) throw new Error('the API test app is made in beforeAll');
    return made;
  };
  const t: ApiTestApp = {
    get app() {
      return live().app;
    },
    get store() {
      return live().store;
    },
    get clock() {
      return live().clock;
    },
    signIn: (email) => live().signIn(email),
    close: () => live().close(),
  };
  const supervisor: Record<string, string> = {};
  const agent: Record<string, string> = {};
  beforeAll(async () => {
    made = await createApiTestApp();
    if (options.supervisor !== false) {
      Object.assign(supervisor, (await made.signIn('marco.bianchi@ascolta.local')).headers);
    }
    Object.assign(agent, (await made.signIn('sara.conti@ascolta.local')).headers);
  });
  afterAll(() => live().close());
  return { t, supervisor, agent };
};

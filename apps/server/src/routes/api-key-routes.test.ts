import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../demo/demo-credentials.ts';
import { type ApiTestApp, createApiTestApp } from './api-test-app.test-support.ts';

// Issue #7: API keys with scopes, created and revoked by admins, enforced on every route for key callers.
describe('API keys with scopes', () => {
  let t: ApiTestApp;
  let admin: Record<string, string>;
  let ticketId: string;
  beforeAll(async () => {
    t = await createApiTestApp();
    admin = (await t.signIn('admin@ascolta.local')).headers;
    const workspaceId = (await t.store.workspaces.list())[0]?.id ?? '';
    ticketId = (await t.store.tickets.list({ workspaceId, limit: 1 })).items[0]?.id ?? '';
  });
  afterAll(() => t.close());

  const createKey = async (scopes: string[]) => {
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin,
      payload: { name: scopes.join(' '), scopes },
    });
    expect(answer.statusCode).toBe(201);
    const { apiKey, secret } = answer.json();
    return { id: apiKey.id as string, headers: { authorization: `Bearer ${secret}` }, secret: secret as string };
  };
  const get = (url: string, headers: Record<string, string>) => t.app.inject({ url, headers });

  it('shows the secret once and lists the key with its scopes', async () => {
    const key = await createKey(['tickets:read', 'reports:read']);
    expect(key.secret).toMatch(/^asc_/);
    const list = await get('/api/v1/api-keys', admin);
    expect(list.body).not.toContain(key.secret);
    expect(list.json().items.find((item: { id: string }) => item.id === key.id)).toMatchObject({
      scopes: ['tickets:read', 'reports:read'],
      revokedAt: null,
    });
  });

  it('refuses an unknown scope with a 400', async () => {
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: admin,
      payload: { name: 'bad', scopes: ['tickets:destroy'] },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.message).toMatch(/^body\.scopes\.0: /);
  });

  it('lets a key do what its scopes cover and names the missing scope otherwise', async () => {
    const reader = await createKey(['tickets:read']);
    expect((await get('/api/v1/tickets', reader.headers)).statusCode).toBe(200);
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/notes`,
      headers: reader.headers,
      payload: { text: 'from an integration' },
    });
    expect(note.statusCode).toBe(403);
    expect(note.json().error).toEqual({
      code: 'forbidden',
      message: "'tickets.note' needs an API key with the 'tickets:write' scope; this key has 'tickets:read'.",
      details: { missingScope: 'tickets:write' },
    });
    const refusals: Array<[string, string]> = [
      ['/api/v1/webhook-endpoints', 'webhooks:manage'],
      ['/api/v1/settings/crm', 'crm:manage'],
      ['/api/v1/api-keys', 'api-keys:manage'],
      ['/api/v1/reports/today', 'reports:read'],
    ];
    for (const [url, scope] of refusals) {
      const answer = await get(url, reader.headers);
      expect(answer.statusCode, url).toBe(403);
      expect(answer.json().error.details, url).toEqual({ missingScope: scope });
    }

    const hooks = await createKey(['webhooks:manage']);
    expect((await get('/api/v1/webhook-endpoints', hooks.headers)).statusCode).toBe(200);
    expect((await get('/api/v1/tickets', hooks.headers)).json().error.details).toEqual({
      missingScope: 'tickets:read',
    });
    const writer = await createKey(['tickets:write']);
    expect((await get('/api/v1/tickets', writer.headers)).statusCode).toBe(200);
  });

  it('keeps the broad scopes of the demo key working', async () => {
    const demo = { authorization: `Bearer ${demoCredentials.apiKey}` };
    expect((await get('/api/v1/webhook-endpoints', demo)).statusCode).toBe(200);
    expect((await get('/api/v1/tickets', demo)).statusCode).toBe(200);
  });

  it('refuses a revoked key with a 401, and keys cannot be made by non-admins', async () => {
    const key = await createKey(['tickets:read']);
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/api-keys/${key.id}`, headers: admin });
    expect(revoke.statusCode).toBe(204);
    expect((await get('/api/v1/tickets', key.headers)).statusCode).toBe(401);
    const supervisor = (await t.signIn('marco.bianchi@ascolta.local')).headers;
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: supervisor,
      payload: { name: 'x', scopes: ['tickets:read'] },
    });
    expect(made.statusCode).toBe(403);
  });
});

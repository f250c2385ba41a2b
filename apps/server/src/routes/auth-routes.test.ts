import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCredentials } from '../demo/demo-credentials.ts';
import { type ApiTestApp, createApiTestApp } from './api-test-app.test-support.ts';

describe('sign-in, sessions, CSRF and roles', () => {
  let t: ApiTestApp;
  beforeAll(async () => {
    t = await createApiTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('signs in with the right password: http-only Lax cookie, CSRF token, role and language', async () => {
    const answer = await login('Admin@Ascolta.local', demoCredentials.password);
    expect(answer.statusCode).toBe(200);
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toMatch(/^ascolta_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect(answer.json()).toMatchObject({ agent: { role: 'admin' }, uiLanguage: 'it' });
    expect(answer.json().permissions).toContain('apiKeys.manage');

    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(me.json().agent.email).toBe(demoCredentials.adminEmail);
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const answer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: 'emma.clarke@ascolta.local', password: demoCredentials.password },
    });
    expect(String(answer.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('refuses a wrong password and locks the account after five failures, across requests', async () => {
    const wrong = await login('luca.moretti@ascolta.local', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('The e-mail address or the password is wrong.');
    for (let attempt = 0; attempt < 4; attempt += 1) await login('luca.moretti@ascolta.local', 'nope');
    const locked = await login('luca.moretti@ascolta.local', demoCredentials.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate-limited');
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);

    t.clock.set(new Date(t.clock.now().getTime() + 16 * 60_000));
    expect((await login('luca.moretti@ascolta.local', demoCredentials.password)).statusCode).toBe(200);
  });

  it('rejects an unsafe cookie request without the CSRF header, accepts it with the header', async () => {
    const { cookie, headers } = await t.signIn('sara.conti@ascolta.local');
    const patch = (extra: Record<string, string>) =>
      t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: extra, payload: { uiLanguage: 'en' } });
    const forged = await patch({ cookie });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.message).toMatch(/X-CSRF-Token/);
    const changed = await patch(headers);
    expect(changed.statusCode).toBe(200);
    expect(changed.json().uiLanguage).toBe('en');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json().uiLanguage).toBe('en');
  });

  it('ends the session on logout', async () => {
    const { cookie, headers } = await t.signIn('paolo.ferri@ascolta.local');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('lets a session read the API like an API key does', async () => {
    const { cookie } = await t.signIn('sara.conti@ascolta.local');
    const tickets = await t.app.inject({ url: '/api/v1/tickets?limit=1', headers: { cookie } });
    expect(tickets.statusCode).toBe(200);
  });
});

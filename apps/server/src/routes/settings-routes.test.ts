import { describe, expect, it } from 'vitest';
import { useApiTestApp } from './api-test-app.test-support.ts';

describe('settings for supervisors', () => {
  const { t, supervisor, agent } = useApiTestApp();

  const put = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/settings/priority', headers, payload });

  it('lets a supervisor change the priority strategy and refuses an agent with a clear 403', async () => {
    const current = (await t.app.inject({ url: '/api/v1/settings/priority', headers: agent })).json();
    const changed = { ...current, weights: { ...current.weights, influence: 0 } };
    const refused = await put(agent, changed);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      "'settings.update' needs the supervisor role or higher; you are an agent.",
    );
    expect((await put(supervisor, changed)).json().weights.influence).toBe(0);
  });

  it('names the field of an invalid setting', async () => {
    const current = (await t.app.inject({ url: '/api/v1/settings/priority', headers: agent })).json();
    const bad = await put(supervisor, { ...current, bands: { normal: 50, high: 40, urgent: 90 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/body\.bands\.high: thresholds must rise/);
    const zone = await t.app.inject({
      method: 'POST',
      url: '/api/v1/settings/business-hours',
      headers: supervisor,
      payload: { name: 'Mars office', timeZone: 'Mars/Olympus', intervals: [] },
    });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.message).toMatch(/body\.timeZone: an IANA time zone/);
  });

  it('adds a team and an agent who can then sign in; only admins make admins', async () => {
    const team = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: supervisor,
      payload: { name: 'Social night shift', categories: ['delivery'], languages: ['it'] },
    });
    expect(team.statusCode).toBe(201);
    const payload = {
      email: 'nina.galli@ascolta.local',
      name: 'Nina Galli',
      teamIds: [team.json().id],
      capacity: 8,
      password: 'a-long-enough-password',
    };
    const admin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agents',
      headers: supervisor,
      payload: { ...payload, role: 'admin' },
    });
    expect(admin.statusCode).toBe(403);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/agents', headers: supervisor, payload });
    expect(created.statusCode).toBe(201);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: payload.email, password: payload.password },
    });
    expect(login.json().agent.teamIds).toEqual([team.json().id]);
  });
});

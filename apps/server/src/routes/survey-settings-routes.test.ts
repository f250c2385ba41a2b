import { describe, expect, it } from 'vitest';
import { useApiTestApp } from './api-test-app.test-support.ts';

describe('survey settings', () => {
  const { t, supervisor, agent } = useApiTestApp();

  const put = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'PUT', url: '/api/v1/settings/surveys', headers, payload });

  it('gives the demo a CSAT an hour after resolution, once in 30 days, alerting on 1 or 2', async () => {
    const current = await t.app.inject({ url: '/api/v1/settings/surveys', headers: agent });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({
      isEnabled: true,
      kind: 'csat',
      delayMinutes: 60,
      periodDays: 30,
      lowScoreThresholds: { csat: 2, nps: 6 },
      lowScoreAction: 'alert',
    });
  });

  it('lets a supervisor switch to NPS with reopening, keeps the rest of the settings, refuses an agent', async () => {
    const current = (await t.app.inject({ url: '/api/v1/settings/surveys', headers: agent })).json();
    const nps = { ...current, kind: 'nps', lowScoreAction: 'reopen', delayMinutes: 0 };
    expect((await put(agent, nps)).statusCode).toBe(403);
    const saved = await put(supervisor, nps);
    expect(saved.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/settings/surveys', headers: agent })).json()).toMatchObject({
      kind: 'nps',
      lowScoreAction: 'reopen',
      delayMinutes: 0,
    });
    const priority = await t.app.inject({ url: '/api/v1/settings/priority', headers: agent });
    expect(priority.json().weights.severity).toBeGreaterThan(0);
  });

  it.each([
    [{ kind: 'ces' }, /body\.kind/],
    [{ delayMinutes: -5 }, /body\.delayMinutes/],
    [{ lowScoreThresholds: { csat: 7, nps: 6 } }, /body\.lowScoreThresholds\.csat/],
    [{ lowScoreAction: 'email' }, /body\.lowScoreAction/],
    [{ expiryHours: 0 }, /body\.expiryHours/],
  ])('answers 400 naming the field for %j', async (change, field) => {
    const current = (await t.app.inject({ url: '/api/v1/settings/surveys', headers: agent })).json();
    const bad = await put(supervisor, { ...current, ...change });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(field);
  });
});

import { describe, expect, it } from 'vitest';
import { useApiTestApp } from './api-test-app.test-support.ts';

describe('agents, teams and templates for the web app', () => {
  const { t, agent } = useApiTestApp({ supervisor: false });

  const get = (url: string) => t.app.inject({ url, headers: agent });

  it("lists agents with each one's open-ticket load, as the store counts it", async () => {
    const answer = await get('/api/v1/agents');
    expect(answer.statusCode).toBe(200);
    const { items } = answer.json();
    const workspaceId = (await get('/api/v1/auth/me')).json().agent.workspaceId;
    const sara = items.find((item: { email: string }) => item.email === 'sara.conti@ascolta.local');
    expect(sara).toMatchObject({ name: expect.any(String), role: 'agent', capacity: expect.any(Number) });
    expect(sara.presence).toMatch(/online|away|offline/);
    const load = await t.store.tickets.countOpenByAssignee(workspaceId);
    expect(Object.values(load).some((count) => count > 0)).toBe(true);
    for (const item of items) expect(item.openTickets).toBe(load[item.id] ?? 0);
  });

  it("lists teams with their members' summed capacity and load", async () => {
    const [agents, teams] = await Promise.all([get('/api/v1/agents'), get('/api/v1/teams')]);
    expect(teams.statusCode).toBe(200);
    const members = agents.json().items;
    for (const team of teams.json().items) {
      const inTeam = members.filter((item: { teamIds: string[] }) => item.teamIds.includes(team.id));
      expect(team.agentIds).toEqual(inTeam.map((item: { id: string }) => item.id));
      expect(team.capacity).toBe(inTeam.reduce((sum: number, item: { capacity: number }) => sum + item.capacity, 0));
      expect(team.openTickets).toBe(
        inTeam.reduce((sum: number, item: { openTickets: number }) => sum + item.openTickets, 0),
      );
    }
  });

  it('filters templates by language and kind, and names a bad language', async () => {
    const all = (await get('/api/v1/templates')).json().items;
    expect(all.length).toBeGreaterThan(0);
    const italian = (await get('/api/v1/templates?language=it&kind=template')).json().items;
    expect(
      italian.every((item: { language: string; kind: string }) => item.language === 'it' && item.kind === 'template'),
    ).toBe(true);
    expect(italian.length).toBe(
      all.filter((item: { language: string; kind: string }) => item.language === 'it' && item.kind === 'template')
        .length,
    );
    const bad = await get('/api/v1/templates?language=italian');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/language/);
  });

  it('filters tickets by language', async () => {
    const english = (await get('/api/v1/tickets?language=en&limit=100')).json().items;
    const everything = (await get('/api/v1/tickets?limit=100')).json().items;
    expect(english.every((item: { language: string }) => item.language === 'en')).toBe(true);
    expect(english.length).toBe(everything.filter((item: { language: string }) => item.language === 'en').length);
  });

  it("refuses an agent the supervisor console's SLA save with a clear 403; a supervisor's save sticks", async () => {
    const [policy] = (await get('/api/v1/settings/sla-policies')).json().items;
    const { id, ...body } = policy;
    const changed = { ...body, targets: { ...body.targets, high: { ...body.targets.high, firstResponseMinutes: 25 } } };
    const url = `/api/v1/settings/sla-policies/${id}`;
    const refused = await t.app.inject({ method: 'PUT', url, headers: agent, payload: changed });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      "'settings.update' needs the supervisor role or higher; you are an agent.",
    );
    const supervisor = (await t.signIn('marco.bianchi@ascolta.local')).headers;
    expect((await t.app.inject({ method: 'PUT', url, headers: supervisor, payload: changed })).statusCode).toBe(200);
    const saved = (await get('/api/v1/settings/sla-policies'))
      .json()
      .items.find((item: { id: string }) => item.id === id);
    expect(saved.targets.high.firstResponseMinutes).toBe(25);
  });

  it('describes the new routes and filters in the OpenAPI document', async () => {
    const { paths } = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const names = (path: string) => paths[path].get.parameters.map((parameter: { name: string }) => parameter.name);
    expect(names('/api/v1/templates')).toEqual(expect.arrayContaining(['language', 'kind']));
    expect(names('/api/v1/tickets')).toContain('language');
    expect(JSON.stringify(paths['/api/v1/agents'].get.responses['200'])).toContain('openTickets');
  });

  it('refuses the templates route without a session', async () => {
    expect((await t.app.inject({ url: '/api/v1/templates' })).statusCode).toBe(401);
  });
});

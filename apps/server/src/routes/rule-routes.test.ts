import { describe, expect, it } from 'vitest';
import { useApiTestApp } from './api-test-app.test-support.ts';

describe('supervisor rules API', () => {
  const { t, supervisor, agent } = useApiTestApp();

  const goldRule = {
    kind: 'priority',
    name: 'Gold customers complaining',
    conditions: [
      { field: 'customer.valueTier', operator: 'in', value: ['gold', 'platinum'] },
      { field: 'triage.kind', operator: 'equals', value: 'complaint' },
    ],
    actions: [{ type: 'add-priority', points: 20 }],
  };

  it('creates, lists in order, replaces and deletes a rule', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/rules',
      headers: supervisor,
      payload: goldRule,
    });
    expect(created.statusCode).toBe(201);
    const rule = created.json();
    expect(rule).toMatchObject({ ...goldRule, when: 'message.received', position: 0, isActive: true });

    const listed = await t.app.inject({ url: '/api/v1/rules?kind=priority', headers: agent });
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(rule.id);

    const replaced = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/rules/${rule.id}`,
      headers: supervisor,
      payload: { ...goldRule, isActive: false },
    });
    expect(replaced.json().isActive).toBe(false);

    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/v1/rules/${rule.id}`, headers: supervisor });
    expect(deleted.statusCode).toBe(204);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/rules/${rule.id}`, headers: supervisor });
    expect(again.statusCode).toBe(404);
  });

  it('refuses agents and explains invalid rules', async () => {
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/rules', headers: agent, payload: goldRule });
    expect(refused.statusCode).toBe(403);

    const post = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/rules', headers: supervisor, payload });
    const unknownField = await post({
      ...goldRule,
      conditions: [{ field: 'customer.shoeSize', operator: 'equals', value: 1 }],
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.message).toMatch(/field must be one of: triage\.category/);

    const textCompare = await post({
      ...goldRule,
      conditions: [{ field: 'triage.category', operator: 'greater-than', value: 3 }],
    });
    expect(textCompare.json().error.message).toMatch(/'greater-than' compares numbers: triage\.category is a string/);

    const noActions = await post({ ...goldRule, actions: [] });
    expect(noActions.json().error.message).toMatch(/a rule needs at least one action/);

    const strangerTeam = await post({
      ...goldRule,
      kind: 'routing',
      actions: [{ type: 'assign-team', teamId: '0190a1b2-0000-7000-8000-000000000000' }],
    });
    expect(strangerTeam.statusCode).toBe(400);
    expect(strangerTeam.json().error.message).toMatch(/teamId: no team 0190a1b2/);
  });
});

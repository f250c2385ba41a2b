import { describe, expect, it } from 'vitest';
import { useApiTestApp } from './api-test-app.test-support.ts';

/** A well-formed id no record has. */
const strangerId = '0190a1b2-0000-7000-8000-000000000000';
const otherWorkspace = 'other-workspace';
const shownNames = 5;

describe('editing and deleting workspace configuration', () => {
  const { t, supervisor, agent } = useApiTestApp();

  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  const list = async (url: string) => (await t.app.inject({ url, headers: supervisor })).json().items;

  const hoursBody = {
    name: 'Night desk',
    timeZone: 'Europe/Rome',
    intervals: [{ day: 1 as const, startMinute: 1200, endMinute: 1440 }],
  };
  const targets = { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 1440 };
  const policyBody = {
    name: 'Night SLA',
    targets: { low: targets, normal: targets, high: targets, urgent: targets },
  };
  const templateBody = { kind: 'macro', name: 'Greeting', language: 'it', body: 'Ciao {{customer.name}}!' };
  const infoBody = {
    category: 'night-delivery',
    fields: [{ name: 'orderNumber', entity: 'order-number', label: { it: 'numero d’ordine', en: 'order number' } }],
    prompt: { it: 'Ci scrivi il numero d’ordine?', en: 'Could you send the order number?' },
  };

  it('edits and deletes a team, and refuses to delete one that agents, rules or open tickets use', async () => {
    const created = await send('POST', '/api/v1/teams', supervisor, { name: 'Night shift', languages: ['it'] });
    const { id } = created.json();

    const edited = await send('PUT', `/api/v1/teams/${id}`, supervisor, {
      name: 'Night shift (weekends)',
      categories: ['delivery'],
      languages: ['it', 'en'],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toEqual({
      id,
      name: 'Night shift (weekends)',
      categories: ['delivery'],
      languages: ['it', 'en'],
      businessHoursId: null,
    });
    expect((await list('/api/v1/teams')).find((team: { id: string }) => team.id === id).name).toBe(
      'Night shift (weekends)',
    );

    const rule = await send('POST', '/api/v1/rules', supervisor, {
      kind: 'routing',
      name: 'Weekend deliveries',
      conditions: [],
      actions: [{ type: 'assign-team', teamId: id }],
    });
    const usedByRule = await send('DELETE', `/api/v1/teams/${id}`, supervisor);
    expect(usedByRule.statusCode).toBe(409);
    expect(usedByRule.json().error).toMatchObject({
      code: 'conflict',
      message: 'Team Night shift (weekends) is still used by 1 rule (Weekend deliveries): change or remove them first.',
    });
    await send('DELETE', `/api/v1/rules/${rule.json().id}`, supervisor);

    const [workspace] = await t.store.workspaces.list();
    const workspaceId = workspace?.id ?? '';
    const [ticket] = (await t.store.tickets.list({ workspaceId, status: ['open'], limit: 1 })).items;
    if (ticket === undefined) throw new Error('the demo has open tickets');
    await t.store.tickets.update({ ...ticket, teamId: id });
    const usedByTicket = await send('DELETE', `/api/v1/teams/${id}`, supervisor);
    expect(usedByTicket.statusCode).toBe(409);
    expect(usedByTicket.json().error.message).toBe(
      `Team Night shift (weekends) is still used by 1 open ticket (#${ticket.number}): change or remove them first.`,
    );
    await t.store.tickets.update(ticket);

    expect((await send('DELETE', `/api/v1/teams/${id}`, supervisor)).statusCode).toBe(204);
    expect((await list('/api/v1/teams')).map((team: { id: string }) => team.id)).not.toContain(id);
    expect((await send('DELETE', `/api/v1/teams/${id}`, supervisor)).statusCode).toBe(404);

    const [demoTeam] = await list('/api/v1/teams');
    const withMembers = await send('DELETE', `/api/v1/teams/${demoTeam.id}`, supervisor);
    expect(withMembers.statusCode).toBe(409);
    expect(withMembers.json().error.message).toMatch(
      new RegExp(`^Team ${demoTeam.name} is still used by ${demoTeam.agentIds.length} agents \\(`),
    );
    const open = ['new', 'awaiting_customer', 'open', 'pending'] as const;
    const queue = await t.store.tickets.list({ workspaceId, teamId: demoTeam.id, status: open, limit: 100 });
    expect(queue.items.length).toBeGreaterThan(shownNames);
    expect(withMembers.json().error.message).toContain(`; ${queue.items.length} open tickets (#`);
    expect(withMembers.json().error.message).toContain(', …): change or remove them first.');
  });

  it('edits and deletes a business-hours calendar, and refuses to delete one in use', async () => {
    const { id } = (await send('POST', '/api/v1/settings/business-hours', supervisor, hoursBody)).json();
    const edited = await send('PUT', `/api/v1/settings/business-hours/${id}`, supervisor, {
      ...hoursBody,
      timeZone: 'Europe/London',
      holidays: ['2026-12-25'],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toEqual({ ...hoursBody, id, timeZone: 'Europe/London', holidays: ['2026-12-25'] });

    const policy = await send('POST', '/api/v1/settings/sla-policies', supervisor, {
      ...policyBody,
      businessHoursId: id,
    });
    const team = await send('POST', '/api/v1/teams', supervisor, { name: 'Night team', businessHoursId: id });
    const inUse = await send('DELETE', `/api/v1/settings/business-hours/${id}`, supervisor);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.message).toBe(
      'Calendar Night desk is still used by 1 SLA policy (Night SLA); 1 team (Night team): change or remove them first.',
    );

    await send('DELETE', `/api/v1/settings/sla-policies/${policy.json().id}`, supervisor);
    await send('DELETE', `/api/v1/teams/${team.json().id}`, supervisor);
    expect((await send('DELETE', `/api/v1/settings/business-hours/${id}`, supervisor)).statusCode).toBe(204);
    expect((await list('/api/v1/settings/business-hours')).map((hours: { id: string }) => hours.id)).not.toContain(id);
  });

  it('deletes an SLA policy and refuses a calendar that is not there', async () => {
    const { id } = (await send('POST', '/api/v1/settings/sla-policies', supervisor, policyBody)).json();
    const strangerCalendar = await send('PUT', `/api/v1/settings/sla-policies/${id}`, supervisor, {
      ...policyBody,
      businessHoursId: strangerId,
    });
    expect(strangerCalendar.statusCode).toBe(400);
    expect(strangerCalendar.json().error.message).toBe(
      `body.businessHoursId: no business-hours calendar ${strangerId} here.`,
    );
    expect((await send('DELETE', `/api/v1/settings/sla-policies/${id}`, supervisor)).statusCode).toBe(204);
    expect((await list('/api/v1/settings/sla-policies')).map((policy: { id: string }) => policy.id)).not.toContain(id);
    const again = await send('DELETE', `/api/v1/settings/sla-policies/${id}`, supervisor);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toBe(`SLA policy ${id} not found`);
  });

  it('edits and deletes a template with the same rules as creating one', async () => {
    const { id } = (await send('POST', '/api/v1/settings/templates', supervisor, templateBody)).json();
    const noCategory = await send('PUT', `/api/v1/settings/templates/${id}`, supervisor, {
      ...templateBody,
      kind: 'answer',
    });
    expect(noCategory.statusCode).toBe(400);
    expect(noCategory.json().error.message).toMatch(/body\.category: a knowledge-base answer needs the category/);

    const answer = { ...templateBody, kind: 'answer', category: 'delivery', autoAnswerThreshold: 0.9 };
    const edited = await send('PUT', `/api/v1/settings/templates/${id}`, supervisor, answer);
    expect(edited.json()).toEqual({ ...answer, id });
    const composer = (await t.app.inject({ url: '/api/v1/templates?kind=answer', headers: agent })).json().items;
    expect(composer.map((template: { id: string }) => template.id)).toContain(id);

    expect((await send('DELETE', `/api/v1/settings/templates/${id}`, supervisor)).statusCode).toBe(204);
    expect((await list('/api/v1/settings/templates')).map((template: { id: string }) => template.id)).not.toContain(id);
  });

  it('edits and deletes an information request', async () => {
    const { id } = (await send('POST', '/api/v1/settings/info-requests', supervisor, infoBody)).json();
    const edited = await send('PUT', `/api/v1/settings/info-requests/${id}`, supervisor, {
      ...infoBody,
      reminderAfterMinutes: 60,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id, reminderAfterMinutes: 60, publicAcknowledgement: {} });
    // One per category: a second one, or an edit onto a taken category, is refused with the one to edit instead.
    const second = await send('POST', '/api/v1/settings/info-requests', supervisor, infoBody);
    expect([second.statusCode, second.json().error.message]).toEqual([409, expect.stringContaining(id)]);
    const other = (
      await send('POST', '/api/v1/settings/info-requests', supervisor, { ...infoBody, category: 'night-returns' })
    ).json();
    const onto = await send('PUT', `/api/v1/settings/info-requests/${other.id}`, supervisor, infoBody);
    expect(onto.statusCode).toBe(409);
    expect((await send('DELETE', `/api/v1/settings/info-requests/${other.id}`, supervisor)).statusCode).toBe(204);
    expect((await send('DELETE', `/api/v1/settings/info-requests/${id}`, supervisor)).statusCode).toBe(204);
    expect((await list('/api/v1/settings/info-requests')).map((request: { id: string }) => request.id)).not.toContain(
      id,
    );
  });

  it("answers 404 for an unknown id and for another workspace's record", async () => {
    const foreign = { id: strangerId, workspaceId: otherWorkspace };
    await t.store.teams.insert({ ...foreign, name: 'Theirs', categories: [], languages: [], businessHoursId: null });
    await t.store.businessHours.insert({ ...foreign, ...hoursBody, holidays: [] });
    const edits: [string, object][] = [
      ['/api/v1/teams', { name: 'Mine now' }],
      ['/api/v1/settings/business-hours', hoursBody],
      ['/api/v1/settings/sla-policies', policyBody],
      ['/api/v1/settings/templates', templateBody],
      ['/api/v1/settings/info-requests', infoBody],
    ];
    for (const [url, payload] of edits) {
      for (const id of [strangerId, '0190a1b2-0000-7000-8000-0000000000ff']) {
        const edited = await send('PUT', `${url}/${id}`, supervisor, payload);
        expect(edited.statusCode, `PUT ${url}`).toBe(404);
        expect(edited.json().error.message).toMatch(new RegExp(`${id} (not found|does not exist)`));
        expect((await send('DELETE', `${url}/${id}`, supervisor)).statusCode, `DELETE ${url}`).toBe(404);
      }
    }
    expect((await t.store.teams.list(otherWorkspace))[0]?.name).toBe('Theirs');
    expect(await t.store.businessHours.list(otherWorkspace)).toHaveLength(1);
  });

  it('refuses agents and names the invalid field', async () => {
    const { id } = (await send('POST', '/api/v1/settings/templates', supervisor, templateBody)).json();
    const teamId = (await list('/api/v1/teams'))[0].id;
    const refusals = [
      await send('PUT', `/api/v1/settings/templates/${id}`, agent, templateBody),
      await send('DELETE', `/api/v1/settings/templates/${id}`, agent),
      await send('PUT', `/api/v1/teams/${teamId}`, agent, { name: 'Mine' }),
      await send('DELETE', `/api/v1/teams/${teamId}`, agent),
      await send('DELETE', `/api/v1/settings/sla-policies/${strangerId}`, agent),
      await send('PUT', `/api/v1/settings/info-requests/${strangerId}`, agent, infoBody),
      await send('DELETE', `/api/v1/settings/business-hours/${strangerId}`, agent),
    ];
    expect(refusals.map((answer) => answer.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403]);

    const badZone = await send('PUT', `/api/v1/settings/business-hours/${strangerId}`, supervisor, {
      ...hoursBody,
      timeZone: 'Mars/Olympus',
    });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.message).toMatch(/body\.timeZone: an IANA time zone/);
    const badLanguage = await send('PUT', `/api/v1/teams/${teamId}`, supervisor, { name: 'X', languages: ['ita'] });
    expect(badLanguage.json().error.message).toMatch(/body\.languages\.0: an ISO 639-1 language code/);
    const noFields = await send('PUT', `/api/v1/settings/info-requests/${strangerId}`, supervisor, {
      ...infoBody,
      fields: [],
    });
    expect(noFields.statusCode).toBe(400);
    expect(noFields.json().error.message).toMatch(/body\.fields/);
    const strangerCalendar = [
      await send('POST', '/api/v1/teams', supervisor, { name: 'Nowhere', businessHoursId: strangerId }),
      await send('PUT', `/api/v1/teams/${teamId}`, supervisor, { name: 'Nowhere', businessHoursId: strangerId }),
      await send('POST', '/api/v1/agents', supervisor, {
        email: 'nobody@ascolta.local',
        name: 'Nobody',
        businessHoursId: strangerId,
      }),
    ];
    for (const answer of strangerCalendar) {
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error.message).toBe(`body.businessHoursId: no business-hours calendar ${strangerId} here.`);
    }
    const badId = await send('DELETE', '/api/v1/teams/not-a-uuid', supervisor);
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toMatch(/params\.id/);
  });
});

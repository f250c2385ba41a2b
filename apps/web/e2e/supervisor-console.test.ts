import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';

/** Runs in the page with the supervisor's session: the API call another browser tab would make. */
const assignAnUnassignedTicketTo = async (agentName: string) => {
  const json = async (path: string) => (await fetch(path)).json();
  const me = await json('/api/v1/auth/me');
  const agents: { items: { id: string; name: string }[] } = await json('/api/v1/agents');
  const tickets: { items: { id: string; assigneeId: string | null }[] } = await json(
    '/api/v1/tickets?status=new,open,pending&limit=100',
  );
  const agent = agents.items.find((item) => item.name === agentName);
  const ticket = tickets.items.find((item) => item.assigneeId === null);
  if (agent === undefined || ticket === undefined) throw new Error('no agent or no unassigned ticket');
  const response = await fetch(`/api/v1/tickets/${ticket.id}/assign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
    body: JSON.stringify({ agentId: agent.id }),
  });
  if (!response.ok) throw new Error(`assign answered ${response.status}`);
};

describe.skipIf(!hasChromium)('supervisor console in Chromium against the real server', () => {
  const { session, page, shot } = useBrowserSession();
  const signIn = async (email: string) => {
    await session().signIn(email);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  };
  const weight = () => page.locator('input[name="weights.influence"]');
  const target = () => page.locator('input[name="targets.high.firstResponseMinutes"]');

  it('lets a supervisor see live load and channel health, and refuses an invalid weight with a clear message', async () => {
    await signIn('marco.bianchi@ascolta.local');
    await page.getByText('Supervisor', { exact: true }).click();
    await page.getByRole('heading', { name: 'Supervisor console' }).waitFor();
    await page.getByTestId('agent-load').getByText('Sara Conti').waitFor();
    await page.getByTestId('channel-health').getByText('OK', { exact: true }).first().waitFor();
    // The load panel follows the live feed: a ticket assigned elsewhere shows up without a reload or a poll.
    const saraRow = page.getByTestId('agent-load').getByRole('row').filter({ hasText: 'Sara Conti' });
    const before = await saraRow.textContent();
    await page.evaluate(assignAnUnassignedTicketTo, 'Sara Conti');
    await expect.poll(() => saraRow.textContent(), { timeout: 5_000 }).not.toBe(before);
    await weight().fill('101');
    await page.getByTestId('save-priority').click();
    await page.getByText('A weight goes from 0 to 100.').waitFor();
    await page.getByText('A weight goes from 0 to 100.').scrollIntoViewIfNeeded();
    await shot('supervisor-invalid');
  });

  it('shows tickets at SLA risk, open incidents with "publish solution", and ignored posts with their reasons', async () => {
    await page.getByTestId('sla-risk').waitFor();
    await page.getByTestId('incidents').waitFor();
    await page.getByTestId('ignored-posts').waitFor();
    await page.getByTestId('today-figures').waitFor();
    const incident = page.getByTestId('incident').first();
    if ((await incident.count()) > 0) {
      await incident.getByRole('button', { name: 'Publish solution' }).click();
      await incident.getByRole('button', { name: 'Publish and resolve' }).click();
      await incident.getByText('Write the solution in at least one language.').waitFor();
    }
    await page.getByTestId('sla-risk').scrollIntoViewIfNeeded();
    await shot('supervisor-queues');
  });

  it('saves a priority weight and an SLA target that are still there after a reload', async () => {
    const before = Number(await target().inputValue());
    const newTarget = String(before === 25 ? 26 : 25);
    await weight().fill('7');
    await page.getByTestId('save-priority').click();
    await page.getByTestId('priority-saved').waitFor();
    await target().fill(newTarget);
    await page.getByTestId('save-sla').click();
    await page.getByTestId('sla-saved').waitFor();
    await page.getByTestId('sla-saved').scrollIntoViewIfNeeded();
    await shot('supervisor-saved');
    await page.reload();
    await page.getByRole('heading', { name: 'Supervisor console' }).waitFor();
    await weight().waitFor();
    expect(await weight().inputValue()).toBe('7');
    await target().waitFor();
    expect(await target().inputValue()).toBe(newTarget);
    await shot('supervisor-console');
  });

  it("changes an agent's capacity, refusing an impossible one with a clear message", async () => {
    const form = page.getByTestId('agent-form');
    await form.scrollIntoViewIfNeeded();
    await form.locator('input').first().click();
    await page.getByRole('option', { name: 'Sara Conti' }).click();
    const capacity = form.locator('input[name=capacity]');
    await capacity.fill('900');
    await page.getByTestId('save-agent').click();
    await form.getByText('Capacity is a whole number from 0 to 500.').waitFor();
    await capacity.fill('15');
    await page.getByTestId('save-agent').click();
    await page.getByTestId('agent-saved').waitFor();
    await page
      .getByTestId('agent-load')
      .getByRole('row')
      .filter({ hasText: 'Sara Conti' })
      .getByText(/\/ 15$/)
      .waitFor();
    await shot('supervisor-agent-settings');
  });

  it('adds an auto-answer template, refusing an empty one with clear messages', async () => {
    const form = page.getByTestId('templates-form');
    await form.scrollIntoViewIfNeeded();
    await page.getByTestId('save-template').click();
    await form.getByText('Give it a name (at most 200 characters).').waitFor();
    await form.getByText('Write the text (at most 8,000 characters).').waitFor();
    await form.locator('input[name=template-name]').fill('Orari del negozio');
    await form.locator('textarea[name=template-body]').fill('Ciao {{customer.name}}, siamo aperti dalle 9 alle 18.');
    await page.getByTestId('save-template').click();
    await page.getByTestId('template-saved').waitFor();
    await form.getByRole('cell', { name: 'Orari del negozio', exact: true }).waitFor();
    const info = page.getByTestId('info-requests');
    await info.scrollIntoViewIfNeeded();
    await page.getByTestId('save-info-request').click();
    await info.getByText('Name the category.').waitFor();
    await info.getByText('Write what the bot asks in at least one language.').waitFor();
    await info.locator('input[name=info-category]').fill('warranty');
    await info.getByLabel('Field name').fill('serialNumber');
    await info.getByLabel('Label (Italian)').fill('numero di serie');
    await info.getByLabel(/Bot question \(Italian/).fill('Per la garanzia ci serve il numero di serie.');
    await page.getByTestId('save-info-request').click();
    await page.getByTestId('info-request-saved').waitFor();
    await info.getByRole('cell', { name: 'warranty', exact: true }).waitFor();
    await page.getByTestId('business-hours-form').scrollIntoViewIfNeeded();
    await shot('supervisor-settings');
  });

  it('edits and deletes a template, and explains why a calendar in use cannot be deleted', async () => {
    const form = page.getByTestId('templates-form');
    await form.scrollIntoViewIfNeeded();
    await form.getByRole('button', { name: 'Edit Orari del negozio', exact: true }).click();
    await form.getByText('Editing “Orari del negozio”').waitFor();
    await form.locator('input[name=template-name]').fill('Orari estivi');
    await page.getByTestId('save-template').click();
    await page.getByTestId('template-saved').waitFor();
    await form.getByRole('cell', { name: 'Orari estivi', exact: true }).waitFor();
    await form.getByRole('button', { name: 'Delete Orari estivi', exact: true }).click();
    await form.getByRole('button', { name: 'Really delete Orari estivi', exact: true }).click();
    await expect.poll(() => form.getByRole('cell', { name: 'Orari estivi', exact: true }).count()).toBe(0);

    const hours = page.getByTestId('business-hours-form');
    await hours.scrollIntoViewIfNeeded();
    const calendar = 'Orario assistenza (Lun–Ven 8–20, Sab 9–13)';
    await hours.getByRole('button', { name: `Delete ${calendar}`, exact: true }).click();
    await hours.getByRole('button', { name: `Really delete ${calendar}`, exact: true }).click();
    const refusal = hours.getByTestId('delete-refused');
    await refusal.getByText(/^Not deleted: Calendar .+ is still used by 1 SLA policy \(Social standard\)/).waitFor();
    await refusal.scrollIntoViewIfNeeded();
    await shot('supervisor-delete-refused');
  });

  it('adds, renames and deletes a team, and refuses to delete one with members', async () => {
    const teams = page.getByTestId('teams-form');
    await teams.scrollIntoViewIfNeeded();
    await teams.locator('input[name=team-name]').fill('Turno notte');
    await page.getByTestId('save-team').click();
    await teams.getByRole('cell', { name: 'Turno notte', exact: true }).waitFor();
    await teams.getByRole('button', { name: 'Edit Turno notte', exact: true }).click();
    await teams.locator('input[name=team-name]').fill('Turno weekend');
    await page.getByTestId('save-team').click();
    await teams.getByRole('cell', { name: 'Turno weekend', exact: true }).waitFor();
    await teams.getByRole('button', { name: 'Delete Turno weekend', exact: true }).click();
    await teams.getByRole('button', { name: 'Really delete Turno weekend', exact: true }).click();
    await expect.poll(() => teams.getByRole('cell', { name: 'Turno weekend', exact: true }).count()).toBe(0);

    await teams.getByRole('button', { name: 'Delete Assistenza clienti', exact: true }).click();
    await teams.getByRole('button', { name: 'Really delete Assistenza clienti', exact: true }).click();
    await teams
      .getByTestId('delete-refused')
      .getByText(/Team Assistenza clienti is still used by \d+ agents/)
      .waitFor();
    await shot('supervisor-team-refused');
  });

  it('shows an agent a clear "not allowed" message and no supervisor link', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('input[name=email]').waitFor();
    await signIn('sara.conti@ascolta.local');
    expect(await page.getByText('Supervisor', { exact: true }).count()).toBe(0);
    await page.goto(`${session().server.url}/supervisor`);
    await expect(page.getByTestId('not-allowed').textContent()).resolves.toContain('Not allowed');
    expect(await weight().count()).toBe(0);
    await shot('supervisor-agent-refused');
  });

  it("offers the agent the templates in the ticket's language", async () => {
    await page.getByText('Inbox', { exact: true }).click();
    await page.getByTestId('ticket-row').first().waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByTestId('timeline-message').first().waitFor();
    const picker = page.locator('input[aria-label="Template"]');
    await expect.poll(() => picker.getAttribute('placeholder')).toBe('Template');
    await picker.click();
    await page.getByRole('option').first().waitFor();
    await shot('ticket-templates');
  });
});

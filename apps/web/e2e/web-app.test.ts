import { describe, expect, it } from 'vitest';
import { chromiumPath, hasChromium } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';

if (!hasChromium) {
  console.warn(`web e2e skipped: no Chromium at ${chromiumPath} (apt-get install chromium; CI installs it)`);
}

describe.skipIf(!hasChromium)('web app in Chromium against the real server', () => {
  const { session, page, shot } = useBrowserSession();

  it('shows a clear message for a wrong password', async () => {
    await page.goto(session().server.url);
    await page.locator('input[name=email]').fill('admin@ascolta.local');
    await page.locator('input[name=password]').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('sign-in-error').textContent()).resolves.toContain('Wrong e-mail or password');
    await shot('sign-in-error');
  });

  it('signs in and lists the demo tickets in the inbox', async () => {
    await page.locator('input[name=password]').fill('ascolta-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('agent-name').waitFor();
    // The agent's saved language applies at sign-in; make the rest of the test read English.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByTestId('ticket-row').first().waitFor();
    expect(await page.getByTestId('ticket-row').count()).toBeGreaterThan(5);
    await expect(page.getByTestId('inbox-count').textContent()).resolves.toMatch(/^\d+ tickets$/);
    await shot('inbox');
  });

  it('filters with the saved views', async () => {
    await page.getByText('Unassigned', { exact: true }).first().click();
    const unassigned = await page.getByTestId('inbox-count').textContent();
    await page.getByText('All open', { exact: true }).click();
    const all = await page.getByTestId('inbox-count').textContent();
    expect(Number.parseInt(unassigned ?? '', 10)).toBeLessThan(Number.parseInt(all ?? '', 10));
  });

  it('opens a ticket with the keyboard and shows the customer panel and the triage explanation', async () => {
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-panel').waitFor();
    await page.getByTestId('triage-panel').waitFor();
    await page.getByTestId('timeline-message').first().waitFor();
    // The demo seeds no per-message triage yet, so the panel may say so instead of listing reasons.
    await expect(page.getByTestId('triage-panel').textContent()).resolves.toMatch(/Why this ticket.*(Kind|No triage)/);
    await expect(page.getByTestId('customer-panel').textContent()).resolves.toContain('Lifetime value');
    expect(page.url()).toMatch(/\/tickets\/[0-9a-f-]+$/);
    await shot('ticket');
  });

  it('transfers the ticket to a team and snoozes it from the actions menu', async () => {
    // Whichever demo team does not hold the ticket yet, so the change is visible.
    const holdsTechnical = (await page.getByText(/· Tecnico e fatturazione$/).count()) > 0;
    const team = holdsTechnical ? 'Assistenza clienti' : 'Tecnico e fatturazione';
    await page.getByTestId('more-actions').click();
    await page.getByRole('menuitem', { name: 'Transfer to a team' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Team').click();
    await page.getByRole('option', { name: team }).click();
    expect(await dialog.getByLabel('Tell the customer').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Transfer to a team' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(new RegExp(`· ${team}$`)).waitFor();
    // The customer is told where they wrote, in their language, that the new team answers there.
    await page
      .getByText(new RegExp(`(colleghi di|colleagues in) ${team}:`))
      .first()
      .waitFor();
    await page.getByTestId('more-actions').click();
    await page.getByRole('menuitem', { name: 'For 1 hour' }).click();
    await page.getByText('Snoozed.').waitFor();
    await shot('ticket-actions');
  });

  it('corrects the category from the triage panel, kept for retraining', async () => {
    const correction = page.getByTestId('triage-correction');
    const current = await correction.getByLabel('Category').inputValue();
    const category = current === 'billing' ? 'returns' : 'billing';
    await correction.getByLabel('Category').click();
    await page.getByRole('option', { name: category, exact: true }).click();
    await correction.getByText('Correction saved: the next retraining learns from it.').waitFor();
    expect(await correction.getByLabel('Category').inputValue()).toBe(category);
  });

  it('switches the interface to Italian and remembers it', async () => {
    await page.getByText('Italiano', { exact: true }).click();
    await page.getByRole('button', { name: 'Risolvi' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Posta in arrivo' }).waitFor();
    await shot('inbox-it');
    await page.reload();
    await page.getByRole('heading', { name: 'Posta in arrivo' }).waitFor();
  });

  it('shows the supervisor console', async () => {
    await page.getByText('Supervisione', { exact: true }).click();
    await page.getByRole('heading', { name: 'Console di supervisione' }).waitFor();
    await shot('supervisor');
  });
});

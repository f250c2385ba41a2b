import {
  demoAccounts,
  demoSecrets,
  type PlatformSimulator,
  signDelivery,
  startPlatformSimulator,
  xTweetDelivery,
} from '@ascolta/simulator';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';

// Issue #6 must-show: a ticket the simulated X platform sends arrives live, the agent answers in public and in
// private from the browser, both answers reach the simulated X API, and the ticket is resolved.
describe.skipIf(!hasChromium)('a simulator ticket worked end to end in Chromium', () => {
  let platform: PlatformSimulator;
  const tweetId = '1800000000000000042';
  const author = {
    id: '4400000000000042',
    screenName: 'elena_f',
    name: 'Elena Ferri',
    followers: 5400,
    verified: false,
  };
  const publicText = '@elena_f We are sorry: a technician is checking the line now.';
  const privateText = 'Hi Elena, could you send us your customer number here?';
  const row = () => page.getByTestId('ticket-row').filter({ hasText: 'keeps restarting since this morning' });
  const sentText = (text: string) => platform.sent().find((record) => record.text.includes(text)) ?? null;

  const { session, page, shot } = useBrowserSession(async () => {
    platform = await startPlatformSimulator();
    return { X_API_URL: platform.url, META_GRAPH_URL: platform.graphBaseUrl };
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('shows a tweet from the simulator in the open inbox without a reload', async () => {
    await session().signIn('sara.conti@ascolta.local');
    await page.getByTestId('ticket-row').first().waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    // A reload would drop this marker: the row must arrive over the live feed.
    await page.evaluate(() => Object.assign(window, { ascoltaNoReload: true }));
    expect(await row().count()).toBe(0);

    const body = xTweetDelivery({
      forUserId: demoAccounts.xAccountId,
      forUserHandle: demoAccounts.xHandle,
      tweetId,
      author,
      text: `@${demoAccounts.xHandle} my router keeps restarting since this morning, I cannot work. Please help!`,
      at: new Date(),
      lang: 'en',
      mentionsAccount: true,
    });
    const signed = signDelivery({ platform: 'x', body }, demoSecrets, new Date());
    const response = await fetch(new URL(signed.path, session().server.url), {
      method: 'POST',
      headers: signed.headers,
      body: new Uint8Array(signed.rawBody),
    });
    expect(response.status).toBe(200);
    await row().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => 'ascoltaNoReload' in window)).toBe(true);
    await shot('inbox-live-ticket');
  });

  it('opens it with the customer panel and the triage explanation', async () => {
    // Click selects the row, Enter opens the selection (which follows the ticket while live updates re-sort).
    await row().click();
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-panel').getByText('Elena Ferri').waitFor();
    await page.getByTestId('customer-panel').getByText('@elena_f').first().waitFor();
    await page.getByTestId('triage-explanation').locator('li').first().waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('triage-panel').textContent()).resolves.toMatch(/Kind: \w+/);
    await shot('ticket-simulator');
  });

  it('sends a public reply and a private message that arrive at the simulated X API', async () => {
    const composer = page.getByTestId('composer');
    await composer.getByText('Public reply', { exact: true }).click();
    await composer.locator('textarea').fill(publicText);
    await composer.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => sentText(publicText), { timeout: 30_000 }).not.toBeNull();
    expect(sentText(publicText)).toMatchObject({ platform: 'x', action: 'tweet', inReplyTo: tweetId });

    await composer.getByText('Private message', { exact: true }).click();
    await composer.locator('textarea').fill(privateText);
    await composer.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => sentText(privateText), { timeout: 30_000 }).not.toBeNull();
    expect(sentText(privateText)).toMatchObject({ platform: 'x', action: 'dm', recipient: author.id });

    // The timeline shows both with their delivery state once the worker has sent them.
    const delivered = page.getByTestId('timeline-message').filter({ hasText: privateText });
    await delivered.getByText(/^(sent|delivered|read)$/i).waitFor({ timeout: 15_000 });
    await shot('ticket-replied');
  });

  it('notifies a colleague mentioned in an internal note', async () => {
    const composer = page.getByTestId('composer');
    await composer.getByText('Internal note', { exact: true }).click();
    await composer.getByRole('button', { name: '@sara.conti' }).click();
    await composer.locator('textarea').pressSequentially('please check the line test');
    await composer.getByRole('button', { name: 'Save note' }).click();
    await page.getByTestId('timeline-note').filter({ hasText: 'please check the line test' }).waitFor();
    // Sara mentions herself here: the feed tells whoever is mentioned, the author included.
    await expect.poll(() => page.getByTestId('mentions').textContent(), { timeout: 10_000 }).toBe('@ 1');
    await page.getByTestId('mentions').click();
    const mention = page.getByTestId('mention').filter({ hasText: 'please check the line test' });
    await mention.waitFor();
    await shot('mentions');
    await mention.click();
    await page.getByTestId('customer-panel').getByText('Elena Ferri').waitFor();
  });

  it('resolves the ticket', async () => {
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByRole('button', { name: 'Reopen', exact: true }).waitFor();
    await shot('ticket-resolved');
  });

  it('signs out through the interface; a protected page then asks to sign in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('input[name=email]').waitFor();
    expect(await page.getByTestId('agent-name').count()).toBe(0);
    await page.goto(`${session().server.url}/supervisor`);
    await page.locator('input[name=email]').waitFor();
    expect(await page.getByTestId('agent-name').count()).toBe(0);
    const me = await page.evaluate(() => fetch('/api/v1/auth/me').then((response) => response.status));
    expect(me).toBe(401);
    await shot('signed-out');
  });
});

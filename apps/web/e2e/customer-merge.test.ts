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

// Issue #5: two authors give the same order number under different names; the pipeline does not merge them but
// suggests it, and a supervisor merges them from the ticket's customer panel.
describe.skipIf(!hasChromium)('an uncertain customer link settled from the ticket view in Chromium', () => {
  let platform: PlatformSimulator;
  const giulia = {
    id: '4400000000000071',
    screenName: 'giulia_r',
    name: 'Giulia Rossi',
    followers: 80,
    verified: false,
  };
  const marco = { id: '4400000000000072', screenName: 'mneri', name: 'Marco Neri', followers: 12, verified: false };

  const { session, page, shot } = useBrowserSession(async () => {
    platform = await startPlatformSimulator();
    return { X_API_URL: platform.url, META_GRAPH_URL: platform.graphBaseUrl };
  });

  afterAll(async () => {
    await platform?.close();
  });

  const tweet = async (tweetId: string, author: typeof giulia, text: string) => {
    const body = xTweetDelivery({
      forUserId: demoAccounts.xAccountId,
      forUserHandle: demoAccounts.xHandle,
      tweetId,
      author,
      text: `@${demoAccounts.xHandle} ${text}`,
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
  };

  it('suggests, shows the evidence, and merges after a confirmation', async () => {
    await session().signIn('marco.bianchi@ascolta.local');
    await page.getByTestId('ticket-row').first().waitFor();
    await tweet('1800000000000000071', giulia, 'my parcel for order ORD-88421 never arrived, where is it?');
    const first = page.getByTestId('ticket-row').filter({ hasText: 'where is it' });
    await first.waitFor({ timeout: 30_000 });
    await tweet('1800000000000000072', marco, 'order ORD-88421 still not delivered, this is unacceptable');
    const second = page.getByTestId('ticket-row').filter({ hasText: 'this is unacceptable' });
    await second.waitFor({ timeout: 30_000 });
    await second.click();
    await page.keyboard.press('Enter');

    const panel = page.getByTestId('customer-panel');
    await panel.getByText('Marco Neri').first().waitFor();
    const suggestion = panel.getByTestId('link-suggestion');
    await suggestion.getByText('May be the same customer as Giulia Rossi').waitFor({ timeout: 15_000 });
    await suggestion.getByText(/ORD-88421/).waitFor();
    await shot('customer-link-suggestion');

    await suggestion.getByRole('button', { name: 'Merge', exact: true }).click();
    await suggestion.getByRole('button', { name: 'Confirm merge' }).click();
    await panel.getByTestId('link-suggestions').waitFor({ state: 'detached', timeout: 15_000 });
    // Giulia's handle and her ticket now belong to the customer on screen.
    await panel.getByText('@giulia_r').first().waitFor({ timeout: 15_000 });
    await panel
      .getByText(/never arrived/)
      .first()
      .waitFor();
    await shot('customer-merged');
  });
});

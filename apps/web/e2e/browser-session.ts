import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Browser, launchBrowser } from './browser.ts';
import { type RunningServer, startServer } from './server-process.ts';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const ensureBuilt = fileURLToPath(new URL('../scripts/ensure-built.mjs', import.meta.url));

export interface BrowserSession {
  server: RunningServer;
  page: Page;
  /** Saves a screenshot of the page as `screenshots/<name>.png` (gitignored). */
  shot(name: string): Promise<Buffer>;
  /** Signs in through the form as a demo person (password `ascolta-demo`) and switches the UI to English. */
  signIn(email: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh demo server on a temporary data folder, the built web app, and one Chromium page on it. `serverEnv`
 * goes to the server process (e.g. `X_API_URL` of a platform simulator).
 */
export const openBrowserSession = async (serverEnv: Record<string, string> = {}): Promise<BrowserSession> => {
  execFileSync(process.execPath, [ensureBuilt], { stdio: 'inherit' });
  mkdirSync(screenshots, { recursive: true });
  const server = await startServer(serverEnv);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  const opened = browser;
  return {
    server,
    page,
    shot: (name) => page.screenshot({ path: `${screenshots}${name}.png` }),
    async signIn(email) {
      await page.goto(server.url);
      await page.locator('input[name=email]').fill(email);
      await page.locator('input[name=password]').fill('ascolta-demo');
      await page.getByRole('button', { name: /Sign in|Accedi/ }).click();
      await page.getByTestId('agent-name').waitFor();
      await page.getByText('English', { exact: true }).click();
    },
    async close() {
      await opened.close();
      await server.stop();
    },
  };
};

/**
 * One session for a test file: opened before its tests (with `serverEnv()` for the server), closed after them.
 * `page` stands for the session's page once it is open, so tests read as if it were a plain variable.
 */
export const useBrowserSession = (
  serverEnv: () => Promise<Record<string, string>> | Record<string, string> = () => ({}),
) => {
  let current: BrowserSession | undefined;
  beforeAll(async () => {
    current = await openBrowserSession(await serverEnv());
  }, 180_000);
  afterAll(async () => {
    await current?.close();
  });
  const session = (): BrowserSession => {
    if (current === undefined) throw new Error('the browser session did not open (see the beforeAll error)');
    return current;
  };
  const page = new Proxy({} as Page, {
    get: (_, key) => {
      const target = session().page;
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { session, page, shot: (name: string) => session().shot(name) };
};

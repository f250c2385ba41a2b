import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';

/** Runs in the page: the daily volume the reports page shows by default (last 30 local days). */
const dailyVolume = async () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const day = (offsetDays: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(Date.now() - offsetDays * 86_400_000),
    );
  const query = new URLSearchParams({ from: day(29), to: day(0), timeZone: zone, bucket: 'day' });
  const response = await fetch(`/api/v1/reports/volume?${query}`);
  const body: { report: { buckets: { ticketsOpened: number }[] } } = await response.json();
  return body.report.buckets.map((bucket) => bucket.ticketsOpened);
};

// Issue #7 item 3: the reports section in the browser, figures from the event log, drill-down and CSV.
describe.skipIf(!hasChromium)('reports in Chromium against the real server', () => {
  const { session, page, shot } = useBrowserSession();

  it('shows the supervisor the reports with SLA badge tiles, figures and charts', async () => {
    await session().signIn('marco.bianchi@ascolta.local');
    await page.getByText('Reports', { exact: true }).click();
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    await page.getByTestId('sla-tiles').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('sla-badge').count()).toBe(2);
    await expect(page.getByTestId('sla-tiles').textContent()).resolves.toContain('90% answered within 15 min');
    const opened = await page.getByTestId('figure-tickets').textContent();
    expect(Number(opened)).toBeGreaterThan(0);
    // Every chart drew on its canvas.
    await page.getByTestId('volume-chart').locator('canvas').waitFor();
    expect(await page.locator('[role=img] canvas').count()).toBeGreaterThanOrEqual(5);
    await page.waitForTimeout(500); // ECharts animates bars in; the screenshot should show them drawn.
    await shot('reports');
  });

  it('drills down from a bar of the volume chart to the tickets behind it', async () => {
    const volume = await page.evaluate(dailyVolume);
    const busiest = volume.indexOf(Math.max(...volume));
    expect(volume[busiest]).toBeGreaterThan(0);
    const chart = page.getByTestId('volume-chart');
    const box = await chart.boundingBox();
    if (box === null) throw new Error('the volume chart has no box');
    // The grid of chart-options.ts: 48 px left, 16 px right, 28 px bottom; the bottom of a stack is always bar.
    const plotWidth = box.width - 48 - 16;
    await chart.click({ position: { x: 48 + ((busiest + 0.5) * plotWidth) / volume.length, y: box.height - 28 - 3 } });
    await page.getByTestId('drill-down').waitFor();
    await page.getByTestId('drill-row').first().waitFor();
    expect(page.url()).toContain('drill=');
    expect(await page.getByTestId('drill-row').count()).toBeGreaterThan(0);
    await shot('reports-drill-down');
    await page.getByTestId('drill-row').first().click();
    await page.getByTestId('customer-panel').waitFor();
  });

  it('exports the report tickets as CSV, one row per ticket', async () => {
    await page.getByText('Reports', { exact: true }).click();
    const href = await page.getByTestId('csv-export').getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/reports\/tickets\.csv\?/);
    const csv = await page.evaluate((path) => fetch(path).then((response) => response.text()), href ?? '');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header?.split(',').slice(0, 3)).toEqual(['ticketId', 'ticketNumber', 'channelId']);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("shows today's figures on the supervisor console", async () => {
    await page.getByText('Supervisor', { exact: true }).click();
    await page.getByTestId('today-figures').waitFor();
    await page.getByTestId('today-opened').waitFor();
    expect(Number(await page.getByTestId('today-opened').textContent())).toBeGreaterThanOrEqual(0);
    await shot('supervisor-today');
  });
});

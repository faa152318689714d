import { expect, type Page, test } from '@playwright/test';

// The live page's charts and the feed routes' bad input. The run itself, lane by lane, in
// both languages: lecture.spec.ts.

// A busy machine can take 20 s to open a page: room for that, never a retry.
test.describe.configure({ timeout: 90_000 });

const TECHNIQUES = ['short-poll', 'long-poll', 'stream', 'sse', 'websocket', 'socket.io'];
const CHARTS = ['chart-bytes', 'chart-requests', 'chart-latency', 'chart-losses'];

async function runFeed(page: Page, messages: number, rate: number, interval: number) {
  await page.goto('/');
  await page.getByLabel('Messages (N)').fill(String(messages));
  await page.getByLabel('Messages per second').fill(String(rate));
  await page.getByLabel('Short-polling interval (ms)').fill(String(interval));
  await page.getByRole('button', { name: 'Start all six' }).click();
}

test('the charts draw the server’s numbers', async ({ page }) => {
  test.setTimeout(120_000);
  await runFeed(page, 20, 20, 50);
  await expect(page.locator('#run-status')).toContainText('done', { timeout: 40_000 });
  for (const chart of CHARTS) {
    const rows = page.locator(`#${chart} .row`);
    await expect(rows).toHaveCount(6);
    for (const technique of TECHNIQUES)
      await expect(
        page.locator(`#${chart} .row[data-technique="${technique}"] text.value`),
      ).not.toHaveText('–');
  }
  // Bytes, requests and latency: a visible bar for every technique.
  for (const chart of ['chart-bytes', 'chart-requests', 'chart-latency']) {
    for (const technique of TECHNIQUES) {
      const widths = await page
        .locator(`#${chart} .row[data-technique="${technique}"] rect.bar`)
        .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
      expect(Math.max(...widths), `${chart} ${technique}`).toBeGreaterThan(0);
    }
  }
  // No losses and no duplicates: the loss chart's bars have no width.
  const lossWidths = await page
    .locator('#chart-losses rect.bar')
    .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
  expect(lossWidths).toEqual(Array(12).fill(0));
  await expect(
    page.locator('#chart-losses .row[data-technique="websocket"] text.value'),
  ).toHaveText('0 lost · 0 dup');
  // Polling every 50 ms for a message every 50 ms costs more bytes per message than WebSocket.
  const bytes = async (technique: string) =>
    Number(
      // Written the page's way: 1,234.
      (
        (await page
          .locator(`#stats-table tr[data-technique="${technique}"] td`)
          .nth(1)
          .textContent()) ?? ''
      ).replaceAll(',', '') || Number.NaN,
    );
  expect(await bytes('websocket')).toBeLessThan(await bytes('short-poll'));
});

test('bad input on the feed routes answers 400 with a message', async ({ request }) => {
  const res = await request.get('/feed/poll?after=1');
  expect(res.status()).toBe(400);
  expect(await res.json()).toEqual({ error: '"run" is required' });
  const run = await request.post('/api/runs', { data: { messages: 0, rate: 10 } });
  expect(run.status()).toBe(400);
  expect(await run.json()).toEqual({ error: '"messages" must be an integer from 1 to 1000' });
});

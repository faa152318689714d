import { expect, type Page, test } from '@playwright/test';

// The live page: all six techniques follow one feed side by side, and the charts draw.

const TECHNIQUES = ['short-poll', 'long-poll', 'stream', 'sse', 'websocket', 'socket.io'];
const CHARTS = ['chart-bytes', 'chart-requests', 'chart-latency', 'chart-losses'];

async function runFeed(page: Page, messages: number, rate: number, interval: number) {
  await page.goto('/');
  await page.getByLabel('Messages (N)').fill(String(messages));
  await page.getByLabel('Messages per second').fill(String(rate));
  await page.getByLabel('Short-polling interval (ms)').fill(String(interval));
  await page.getByRole('button', { name: 'Start all six' }).click();
}

test('the page shows six lanes and four empty charts before a run', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Polling vs push, measured');
  await expect(page.locator('.lane h3')).toHaveText([
    'Short polling',
    'Long polling',
    'HTTP streaming',
    'SSE',
    'WebSocket',
    'Socket.IO',
  ]);
  for (const chart of CHARTS) await expect(page.locator(`#${chart} .row`)).toHaveCount(6);
  await expect(page.locator('#run-status')).toHaveText('Not started.');
});

test('every technique delivers all N messages, none lost or duplicated', async ({ page }) => {
  test.setTimeout(60_000);
  await runFeed(page, 20, 20, 100);
  await expect(page.locator('#run-status')).toContainText('publishing 20 messages at 20/s');
  await expect(page.locator('#run-status')).toHaveText(
    /^Run \w+ done: every technique finished, 0 messages lost in all\.$/,
    { timeout: 40_000 },
  );
  for (const technique of TECHNIQUES) {
    const id = technique.replace('.', '-');
    await expect(page.locator(`#received-${id}`)).toHaveText('20/20');
    await expect(page.locator(`#state-${id}`)).toHaveText('done');
    await expect(page.locator(`#last-${id}`)).toHaveText('message 20 of 20');
    const row = page.locator(`#stats-table tr[data-technique="${technique}"] td`);
    // Delivered, lost and duplicates: the last three columns.
    await expect(row.nth(8)).toHaveText('20/20');
    await expect(row.nth(9)).toHaveText('0');
    await expect(row.nth(10)).toHaveText('0');
  }
});

test('the charts draw the server’s numbers', async ({ page }) => {
  test.setTimeout(60_000);
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
      (await page
        .locator(`#stats-table tr[data-technique="${technique}"] td`)
        .nth(1)
        .textContent()) ?? Number.NaN,
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

import { ownPort } from '@course/e2e/ports';
import { type ServerProcess, startChapterServer } from '@course/e2e/server-process';
import { expect, test } from '@playwright/test';

// Dev mode: the page comes from Vite through the chapter's server, and Vite's HMR
// WebSocket has a port of its own, beside the feed's WebSocket and Socket.IO on
// the chapter's. Live reload must stay connected while all six run.
// This spec runs its own dev server on a port of its own and stops it afterwards.

const port = ownPort('polling-vs-push');
const base = `http://localhost:${port}`;
let server: ServerProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startChapterServer('polling-vs-push', { PORT: String(port) }, 'dev');
});

test.afterAll(async () => {
  await server?.stop();
});

test('in dev mode, HMR connects and stays connected while all six run', async ({ page }) => {
  test.setTimeout(90_000);
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));
  await page.goto(`${base}/`);
  await expect.poll(() => logs.includes('[vite] connected.'), { timeout: 30_000 }).toBe(true);
  await page.getByLabel('Messages (N)').fill('10');
  await page.getByLabel('Messages per second').fill('20');
  await page.getByLabel('Short-polling interval (ms)').fill('100');
  await page.getByRole('button', { name: 'Start all six' }).click();
  await expect(page.locator('#run-status')).toHaveText(
    /^Run \w+ done: every technique finished, 0 messages lost in all\.$/,
    { timeout: 40_000 },
  );
  // engine.io ends an upgrade it does not own after 1 s if nobody answered it; wait past that.
  await page.waitForTimeout(1500);
  expect(logs.filter((line) => /server connection lost|failed to connect/i.test(line))).toEqual([]);
});

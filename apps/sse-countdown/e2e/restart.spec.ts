import { ownPort } from '@course/e2e/ports';
import { type ServerProcess, startChapterServer } from '@course/e2e/server-process';
import { expect, test } from '@playwright/test';

// The fixed countdown survives a server restart: this spec starts, kills and restarts its own
// server on a port no other test uses, and the browser resumes from Last-Event-ID.

const PORT = ownPort('sse-countdown');
const BASE = `http://localhost:${PORT}`;

let server: ServerProcess | undefined;

/** Starts the chapter's server (built client) on PORT, with a slower countdown; resolves once it listens. */
async function startServer(): Promise<void> {
  server = await startChapterServer('sse-countdown', {
    PORT: String(PORT),
    COUNTDOWN_INTERVAL_MS: '800',
    COUNTDOWN_RETRY_MS: '300',
  });
}

/** Stops the server with SIGTERM (it closes every open stream) and waits for it to exit. */
async function stopServer(): Promise<void> {
  await server?.stop();
  server = undefined;
}

test.afterAll(stopServer);

test('a server restart mid-countdown: the page resumes at the next number, none twice or missing', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await startServer();
  await page.goto(`${BASE}/fixed`);
  // Kill it a few numbers in (800 ms apart, so there is time even on a slow machine).
  await expect
    .poll(async () => Number((await page.locator('#data').textContent()) || 11), {
      timeout: 20_000,
      intervals: [50],
    })
    .toBeLessThanOrEqual(8);
  await expect(page.locator('#active-streams')).toHaveText('1');

  await stopServer();
  await expect(page.locator('#state')).toHaveText('Connecting...');
  const lastSeen = Number(await page.locator('#data').textContent());
  await page.waitForTimeout(1000);
  await expect(page.locator('#state')).toHaveText('Connecting...');

  await startServer();
  await expect(page.locator('#state')).toHaveText('Disconnected', { timeout: 30_000 });
  const counts = (await page.locator('#counts').textContent()) ?? '';
  // One break where the connection was lost, and the numbers run 10..0 once each.
  expect(lastSeen).toBeGreaterThan(0);
  expect(counts.split(' | ')).toHaveLength(2);
  expect(counts.split(' | ')[1]?.split(' ')[0]).toBe(String(lastSeen - 1));
  expect(counts.replace(' | ', ' ')).toBe('10 9 8 7 6 5 4 3 2 1 0');
  await expect(page.locator('#log li').last()).toHaveText('end event → close()');
  // The new server holds no stream once the page has closed its own.
  await expect(page.locator('#active-streams')).toHaveText('0');
});

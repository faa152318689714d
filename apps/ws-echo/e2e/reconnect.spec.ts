import { ownPort } from '@course/e2e/ports';
import { type ServerProcess, startChapterServer } from '@course/e2e/server-process';
import { expect, test } from '@playwright/test';

// Reconnect after the server goes away, and the back/forward cache, on /reconnect.

/** A port of this spec's own, so stopping the server does not disturb the other specs. */
const OWN_PORT = ownPort('ws-echo');
let server: ServerProcess | undefined;

/** Starts the chapter's built server on OWN_PORT; resolves once it listens. */
async function startServer(): Promise<void> {
  server = await startChapterServer('ws-echo', { PORT: String(OWN_PORT) });
}

/** Stops the server this spec started and waits for it to exit. */
async function stopServer(): Promise<void> {
  await server?.stop();
  server = undefined;
}

test.afterAll(stopServer);

test('the page retries with growing, jittered delays and reconnects after a restart', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startServer();
  await page.goto(`http://localhost:${OWN_PORT}/reconnect`);
  const attempts = page.locator('#attempts li');
  const greetings = page.locator('#messages li', { hasText: 'Hi this is WebSocket server!' });
  await expect(attempts).toHaveText(['connected']);
  await expect(greetings).toHaveCount(1);
  await expect(page.locator('#status')).toHaveText('1 OPEN');

  await stopServer();
  await expect(attempts.nth(1)).toHaveText(/^closed \(code 1006\); attempt 1 in \d+ ms/);
  await expect(attempts.nth(2)).toHaveText(/^closed \(code 1006\); attempt 2 in \d+ ms/, {
    timeout: 15_000,
  });
  await expect(attempts.nth(3)).toHaveText(/^closed \(code 1006\); attempt 3 in \d+ ms/, {
    timeout: 15_000,
  });
  // Each delay lies between half and all of its ceiling, and the ceiling doubles.
  for (const [index, ceiling] of [
    [1, 500],
    [2, 1000],
    [3, 2000],
  ] as const) {
    const line = (await attempts.nth(index).textContent()) ?? '';
    const [, delay, shown] = line.match(/in (\d+) ms \(ceiling (\d+) ms\)/) ?? [];
    expect(Number(shown)).toBe(ceiling);
    expect(Number(delay)).toBeGreaterThanOrEqual(ceiling / 2);
    expect(Number(delay)).toBeLessThanOrEqual(ceiling);
  }

  await startServer();
  await expect(attempts.last()).toHaveText(/^connected after \d+ attempt\(s\)$/, {
    timeout: 30_000,
  });
  await expect(greetings).toHaveCount(2);
  await expect(page.locator('#status')).toHaveText('1 OPEN');
});

test('Close stops the retries; Connect now starts again', async ({ page }) => {
  await page.goto('/reconnect');
  const attempts = page.locator('#attempts li');
  await expect(attempts).toHaveText(['connected']);
  await page.getByRole('button', { name: 'Close (no reconnect)' }).click();
  await expect(page.locator('#status')).toHaveText('3 CLOSED');
  await expect(attempts).toHaveText(['connected', 'closed on purpose: not retrying']);
  await page.getByRole('button', { name: 'Connect now' }).click();
  await expect(attempts.last()).toHaveText('connected');
  await expect(page.locator('#status')).toHaveText('1 OPEN');
});

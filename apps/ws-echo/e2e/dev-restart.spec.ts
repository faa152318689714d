import { ownPort } from '@course/e2e/ports';
import { type ServerProcess, startChapterServer } from '@course/e2e/server-process';
import { expect, test } from '@playwright/test';

// The reconnect demo under `pnpm lesson` (dev mode, with live reload): stopping the server with
// `s` and starting it with `r` leaves the page alone, so its log shows the retries and the reconnect.

const OWN_PORT = ownPort('ws-echo') + 10;
let lesson: ServerProcess | undefined;

test.afterAll(() => lesson?.stop());

test('in dev mode, s stops the server and r starts it again: the page keeps its log and reconnects', async ({
  page,
}) => {
  test.setTimeout(90_000);
  lesson = await startChapterServer('ws-echo', { PORT: String(OWN_PORT) }, 'dev');
  await page.goto(`http://localhost:${OWN_PORT}/reconnect`);
  const attempts = page.locator('#attempts li');
  await expect(attempts).toHaveText(['connected']);
  // A page that reloads loses this marker (and its log).
  await page.evaluate(() => {
    (window as { sameDocument?: boolean }).sameDocument = true;
  });

  lesson.type('s');
  await expect(attempts.nth(1)).toHaveText(/^closed \(code 1006\); attempt 1 in \d+ ms/);
  await expect(attempts.nth(2)).toHaveText(/^closed \(code 1006\); attempt 2 in \d+ ms/, {
    timeout: 15_000,
  });
  lesson.type('r');
  await expect(attempts.last()).toHaveText(/^connected after \d+ attempt\(s\)$/, {
    timeout: 30_000,
  });
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expect(attempts.first()).toHaveText('connected');
});

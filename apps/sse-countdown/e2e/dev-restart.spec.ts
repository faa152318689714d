import { ownPort } from '@course/e2e/ports';
import { type ServerProcess, startChapterServer } from '@course/e2e/server-process';
import { expect, test } from '@playwright/test';

// The restart demo under `pnpm lesson` (dev mode, with live reload): stopping the server with `s`
// and starting it with `r` leaves the page alone, so the countdown resumes from Last-Event-ID
// instead of the page reloading and counting from 10 again.

const OWN_PORT = ownPort('sse-countdown') + 10;
let lesson: ServerProcess | undefined;

test.afterAll(() => lesson?.stop());

test('in dev mode, s and r restart the server mid-countdown: the page resumes at the next number', async ({
  page,
}) => {
  test.setTimeout(90_000);
  lesson = await startChapterServer(
    'sse-countdown',
    { PORT: String(OWN_PORT), COUNTDOWN_INTERVAL_MS: '800', COUNTDOWN_RETRY_MS: '300' },
    'dev',
  );
  await page.goto(`http://localhost:${OWN_PORT}/fixed`);
  await expect
    .poll(async () => Number((await page.locator('#data').textContent()) || 11), {
      timeout: 20_000,
      intervals: [50],
    })
    .toBeLessThanOrEqual(8);
  await page.evaluate(() => {
    (window as { sameDocument?: boolean }).sameDocument = true;
  });

  lesson.type('s');
  await expect(page.locator('#state')).toHaveText('Connecting...');
  const lastSeen = Number(await page.locator('#data').textContent());
  lesson.type('r');
  await expect(page.locator('#state')).toHaveText('Disconnected', { timeout: 30_000 });
  const counts = (await page.locator('#counts').textContent()) ?? '';
  expect(counts.split(' | ')).toHaveLength(2);
  expect(counts.split(' | ')[1]?.split(' ')[0]).toBe(String(lastSeen - 1));
  expect(counts.replace(' | ', ' ')).toBe('10 9 8 7 6 5 4 3 2 1 0');
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

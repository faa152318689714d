import { expect, test } from '@playwright/test';

// The fixed countdown at /fixed. The server counts every COUNTDOWN_INTERVAL_MS (150 ms here).

const ALL = '10 9 8 7 6 5 4 3 2 1 0';

test('counts 10 to 0 exactly once, then shows Disconnected and stays there', async ({ page }) => {
  await page.goto('/fixed');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Server-Sent Events: the countdown',
  );
  await expect(page.locator('#state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#counts')).toHaveText(ALL);
  await expect(page.locator('#id')).toHaveText('kgh');
  await expect(page.locator('#data')).toHaveText('0');
  await expect(page.locator('#last-event-id')).toHaveText('0');
  await expect(page.locator('#log li').last()).toHaveText('end event → close()');
  // Well past the 1 s retry: no reconnect, no second run.
  await page.waitForTimeout(3000);
  await expect(page.locator('#counts')).toHaveText(ALL);
  await expect(page.locator('#state')).toHaveText('Disconnected');
  await expect(page.locator('#log li', { hasText: 'open' })).toHaveCount(1);
});

test('the state reads Connected while the numbers arrive', async ({ page }) => {
  await page.goto('/fixed');
  await page.getByRole('button', { name: 'Restart countdown' }).click();
  await expect(page.locator('#state')).toHaveText('Connected');
  await expect(page.locator('#state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#counts')).toHaveText(ALL);
});

test('a dropped connection reconnects and resumes at 4, with no number twice', async ({ page }) => {
  await page.goto('/fixed');
  await expect(page.locator('#state')).toHaveText('Disconnected', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Restart, server drops the connection after 5' }).click();
  await expect(page.locator('#state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#counts')).toHaveText('10 9 8 7 6 5 | 4 3 2 1 0');
  await expect(
    page.locator('#log li', {
      hasText: 'error, readyState CONNECTING: the browser will reconnect',
    }),
  ).toHaveCount(1);
  await expect(page.locator('#log li', { hasText: 'open' })).toHaveCount(2);
});

test('the page shows /stats live while its stream is open', async ({ page }) => {
  await page.goto('/fixed');
  await expect(page.locator('#active-streams')).toHaveText(/^\d+$/);
  // The drop variant runs longest (a reconnect in the middle), so a poll sees it.
  await page.getByRole('button', { name: 'Restart, server drops the connection after 5' }).click();
  await expect
    .poll(async () => Number(await page.locator('#active-streams').textContent()), {
      timeout: 10_000,
      intervals: [100],
    })
    .toBeGreaterThanOrEqual(1);
  // (restart.spec.ts checks it reads 0 afterwards, on a server no other test shares.)
});

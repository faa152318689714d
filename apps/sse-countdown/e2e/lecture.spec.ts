import { expect, test } from '@playwright/test';

// The lecture's client against the lecture's server (/lecture-countdown), and its two pitfalls.

const ALL = '10 9 8 7 6 5 4 3 2 1 0';

test.beforeEach(async ({ page }) => {
  await page.goto('/lecture');
});

test('as written, it ends at 0 with Disconnected, because eventPhase is always 2', async ({
  page,
}) => {
  await expect(page.locator('#lecture-state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#lecture-counts')).toHaveText(ALL);
  await expect(page.locator('#lecture-id')).toHaveText('kgh');
  await expect(page.locator('#lecture-data')).toHaveText('0');
  await expect(page.locator('#lecture-log li')).toHaveText([
    'open',
    'error: e.eventPhase = 2, EventSource.CLOSED = 2, readyState = CONNECTING',
    'eventPhase == EventSource.CLOSED → close()',
  ]);
});

test('pitfall 1: without the eventPhase line the countdown restarts at 10, again and again', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Start' }).click();
  // The browser's own reconnection delay is about 3 s: allow two of them.
  await expect(page.locator('#loop-runs')).toHaveText('3', { timeout: 20_000 });
  await expect(page.locator('#loop-counts')).toContainText(`${ALL} | ${ALL} | 10`);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('#loop-state')).toHaveText('Disconnected');
});

test('pitfall 2: a dropped connection closes the lecture client for good at 5', async ({
  page,
}) => {
  await page.getByRole('button', { name: "Lecture's client, server drops after 5" }).click();
  await expect(page.locator('#drop-state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#drop-counts')).toHaveText('10 9 8 7 6 5');
  await expect(page.locator('#drop-log li').last()).toHaveText(
    'eventPhase == EventSource.CLOSED → close()',
  );
  // Nothing comes back later: the browser would have reconnected, the client refused.
  await page.waitForTimeout(2000);
  await expect(page.locator('#drop-counts')).toHaveText('10 9 8 7 6 5');
});

test('the fixed client, same drop: it reconnects and carries on from 4', async ({ page }) => {
  await page.getByRole('button', { name: 'Fixed client, server drops after 5' }).click();
  await expect(page.locator('#fixed-state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#fixed-counts')).toHaveText('10 9 8 7 6 5 | 4 3 2 1 0');
  await expect(page.locator('#fixed-log li').last()).toHaveText('end event → close()');
});

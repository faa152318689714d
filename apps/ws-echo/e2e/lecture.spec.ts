import { expect, test } from '@playwright/test';

// The lecture's echo, as a learner opens it.

test('chapter home links every page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('WebSocket echo');
  for (const path of ['/lecture', '/api', '/reconnect', '/pitfalls']) {
    await expect(page.locator(`#pages a[href="${path}"], #beyond a[href="${path}"]`)).toHaveCount(
      1,
    );
  }
  await page.locator('#pages').getByRole('link', { name: 'The echo' }).click();
  await expect(page).toHaveURL(/\/lecture$/);
});

test('the page connects, sends its line and logs the greeting and the echo', async ({ page }) => {
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  await page.goto('/lecture');
  const port = new URL(page.url()).port;
  await expect(page.locator('#url')).toHaveText(`ws://localhost:${port}/`);
  await expect(page.locator('#log li')).toHaveText([
    'WebSocket Client Connected',
    "Received: 'Hi this is WebSocket server!'",
    "Received: 'Hi this is web client.'",
  ]);
  // The lecture's console output, too.
  expect(consoleLines).toEqual([
    'WebSocket Client Connected',
    "Received: 'Hi this is WebSocket server!'",
    "Received: 'Hi this is web client.'",
  ]);
});

import { expect, test } from '@playwright/test';

// HTTP/1.1: six connections per origin. The seventh stream waits in the browser.

test('the 7th stream waits until one of the first six closes', async ({ page }) => {
  await page.goto('/limit');
  await page.getByRole('button', { name: 'Open 7 streams' }).click();
  for (let n = 1; n <= 6; n++)
    await expect(page.locator(`#slot-${n}`)).toHaveText(new RegExp(`^stream ${n}: Connected`));
  const seventh = page.locator('#slot-7');
  await expect(seventh).toHaveText(/^stream 7: Connecting\.\.\. \(waiting/);
  // Any request to the origin queues the same way.
  await page.getByRole('button', { name: 'fetch /stats' }).click();
  await page.waitForTimeout(2000);
  await expect(seventh).toHaveText(/^stream 7: Connecting\.\.\. \(waiting [2-9]/);
  await expect(page.locator('#fetch-result')).toHaveText(
    'fetch /stats: waiting for a free connection…',
  );

  // One stream closes: its connection goes to the 7th stream, which asked first.
  await page.getByRole('button', { name: 'Close one stream' }).click();
  await expect(page.locator('#slot-1')).toHaveText('stream 1: Disconnected');
  await expect(seventh).toHaveText(/^stream 7: Connected/);
  await page.waitForTimeout(1000);
  await expect(page.locator('#fetch-result')).toHaveText(
    'fetch /stats: waiting for a free connection…',
  );
  // A second one closes: now the fetch gets a connection.
  await page.getByRole('button', { name: 'Close one stream' }).click();
  await expect(page.locator('#slot-2')).toHaveText('stream 2: Disconnected');
  await expect(page.locator('#fetch-result')).toHaveText(
    /^fetch \/stats: activeStreams \d+, answered after \d+ ms$/,
  );
  await page.getByRole('button', { name: 'Close all' }).click();
  await expect(seventh).toHaveText('stream 7: Disconnected');
});

test('leaving the page with six streams open still works: they close before the navigation', async ({
  page,
}) => {
  await page.goto('/limit');
  await page.getByRole('button', { name: 'Open 7 streams' }).click();
  await expect(page.locator('#slot-6')).toHaveText(/^stream 6: Connected/);
  await page.getByRole('link', { name: 'Fixed countdown' }).click();
  await expect(page).toHaveURL(/\/fixed$/);
  await expect(page.locator('#state')).toHaveText('Disconnected', { timeout: 15_000 });
});

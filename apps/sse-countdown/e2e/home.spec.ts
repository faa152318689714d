import { expect, test } from '@playwright/test';

// The chapter home leads with the lecture's client, then its pitfalls, then the fix, and links every page.

test('the home lists the lecture first, then the pitfalls, then the fix, then what goes beyond', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Server-Sent Events: countdown');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    "The lecture's example",
    'Where it goes wrong',
    'The fix',
    'Beyond the lecture',
  ]);
  await expect(page.locator('section a')).toHaveText([
    "The lecture's client",
    'The countdown starts over, forever',
    'The eventPhase check closes on every error',
    'The fixed countdown',
    'Named events and the raw stream',
    'The connection limit',
  ]);
  // The nav follows the same order.
  await expect(page.locator('nav.course a').filter({ hasNotText: 'Course hub' })).toHaveText([
    'Chapter home',
    "The lecture's client",
    'Fixed countdown',
    'Named events & raw stream',
    'Connection limit',
  ]);
});

test("the home's links reach the lecture's client, its pitfalls and the fixed countdown", async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: "The lecture's client" }).first().click();
  await expect(page).toHaveURL(/\/lecture$/);
  await expect(page.locator('#lecture-state')).toHaveText('Disconnected', { timeout: 15_000 });

  await page.goto('/');
  await page.getByRole('link', { name: 'The eventPhase check closes on every error' }).click();
  await expect(page).toHaveURL(/\/lecture#drop$/);
  await expect(page.locator('#drop h2')).toHaveText(
    'Pitfall 2: the eventPhase check closes on every error',
  );

  await page.goto('/');
  await page.getByRole('link', { name: 'The fixed countdown' }).click();
  await expect(page).toHaveURL(/\/fixed$/);
  await expect(page.locator('#state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#counts')).toHaveText('10 9 8 7 6 5 4 3 2 1 0');
});

import { expect, test } from '@playwright/test';
import { chooseBrowser } from '../../browser.ts';

// The back/forward cache on /reconnect. Playwright launches Chromium with
// --disable-back-forward-cache; this file drops that switch so Back can restore the page.
test.use({
  launchOptions: {
    executablePath: chooseBrowser()?.executablePath,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
});

test('pagehide closes the socket and pageshow from the bfcache reopens it', async ({ page }) => {
  await page.goto('/reconnect');
  await expect(page.locator('#attempts li')).toHaveText(['connected']);
  await page.getByRole('link', { name: 'Chapter home' }).click();
  await expect(page).toHaveURL(/\/$/);
  // A page restored from the bfcache fires pageshow, not load.
  await page.goBack({ waitUntil: 'commit' });
  const lifecycle = page.locator('#lifecycle li');
  await expect(lifecycle).toHaveText([
    'pageshow (persisted: false): first load',
    'pagehide (persisted: true): closing the socket',
    'pageshow (persisted: true): back from the bfcache, reconnecting',
  ]);
  await expect(page.locator('#attempts li')).toHaveText(['connected', 'connected']);
  await expect(page.locator('#messages li')).toHaveCount(2);
});

test('the lecture’s page, which ignores pagehide, comes back from the bfcache dead', async ({
  page,
}) => {
  await page.goto('/lecture');
  await expect(page.locator('#log li')).toHaveCount(3);
  await page.getByRole('link', { name: 'Chapter home' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goBack({ waitUntil: 'commit' });
  // The browser closed the socket when it froze the page; nothing reopens it.
  await expect(page.locator('#log li').last()).toHaveText('Connection closed (code 1006)');
  await expect(page.locator('#log li')).toHaveCount(4);
});

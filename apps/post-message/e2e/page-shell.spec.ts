import { expect, test } from '@playwright/test';

// The page shell every chapter shares (the kit's page.css, nav and icon), read on this chapter.

test('the nav marks the page you are on, and only that one', async ({ page }) => {
  await page.goto('/messaging');
  const nav = page.locator('nav.course');
  const here = nav.locator('a[aria-current="page"]');
  await expect(here).toHaveCount(1);
  const style = (link: typeof here) =>
    link.evaluate((a) => {
      const css = getComputedStyle(a);
      return { weight: css.fontWeight, underline: css.textDecorationLine };
    });
  expect(await style(here)).toEqual({ weight: '600', underline: 'none' });
  const other = nav.locator('a:not([aria-current])').last();
  expect(await style(other)).not.toEqual(await style(here));
});

test('no console error on load: the course icon is served', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const icon = await page.request.get('/favicon.ico');
  expect([icon.status(), icon.headers()['content-type']]).toEqual([200, 'image/svg+xml']);
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

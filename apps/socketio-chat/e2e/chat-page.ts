import { type Browser, expect, type Page } from '@playwright/test';

/** A short random tag, so names and messages never clash with other tests on the same server. */
export const tag = (): string => Math.random().toString(36).slice(2, 7);

/** Opens /chat in a new browser context (its own tab and session) and logs in as `name`. */
export async function openChat(browser: Browser, name: string, userid = `${name}@example.com`) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/chat');
  await expect(page.locator('#conn')).toContainText('Connected as');
  await page.getByLabel('name').fill(name);
  await page.getByLabel('userid').fill(userid);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('#login-status')).toHaveText(`Logged in as ${name} (${userid}).`);
  return page;
}

/** Picks a delivery variant (and for io.to, the user) and sends `msg` with the Send button. */
export async function send(page: Page, msg: string, via = 'io.emit', to?: string) {
  await page.locator('#via').selectOption(via);
  if (to) await page.locator('#to').selectOption({ label: to });
  await page.locator('#msgForm').fill(msg);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('#sent li').filter({ hasText: msg }).locator('.ack')).toHaveText('✓');
}

/** The delivered `name: msg` lines of a page. */
export const lines = (page: Page) => page.locator('#chatLogs li.chat');

import { specMessages } from '@course/e2e/lang';
import { type Browser, expect, type Page } from '@playwright/test';
import messages from '../client/src/messages.ts';

/** The page's texts in the spec's language (English, or Korean in the `:ko` project); call it inside a test. */
const texts = () => specMessages(messages);

/** Any value where a message has one: `anyValue(texts().connected)` matches "Connected as <any id>.". */
export function anyValue(message: (value: string) => string): RegExp {
  const MARK = '\u0000';
  const [before = '', after = ''] = message(MARK).split(MARK);
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${literal(before)}.+${literal(after)}$`);
}

/** A short random tag, so names and messages never clash with other tests on the same server. */
export const tag = (): string => Math.random().toString(36).slice(2, 7);

/** Opens /chat in a new browser context (its own tab and session) and logs in as `name`. */
export async function openChat(browser: Browser, name: string, userid = `${name}@example.com`) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t = texts();
  await page.goto('/chat');
  await expect(page.locator('#conn')).toHaveText(anyValue(t.connected));
  await page.getByLabel(t.nameLabel).fill(name);
  await page.getByLabel(t.useridLabel).fill(userid);
  await page.getByRole('button', { name: t.loginButton }).click();
  await expect(page.locator('#login-status')).toHaveText(t.loggedInAs(name, userid));
  return page;
}

/** Picks a delivery variant (and for io.to, the user) and sends `msg` with the Send button. */
export async function send(page: Page, msg: string, via = 'io.emit', to?: string) {
  await page.locator('#via').selectOption(via);
  if (to) await page.locator('#to').selectOption({ label: to });
  await page.locator('#msgForm').fill(msg);
  await page.getByRole('button', { name: texts().sendButton }).click();
  await expect(page.locator('#sent li').filter({ hasText: msg }).locator('.ack')).toHaveText('✓');
}

/** The delivered `name: msg` lines of a page. */
export const lines = (page: Page) => page.locator('#chatLogs li.chat');

import { specMessages } from '@course/e2e/lang';
import {
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
  test,
} from '@playwright/test';
import messages from '../client/src/messages.ts';

/** One person in their own browser context (own cookies, own connection), on one page. */
export interface Person {
  page: Page;
  /** Fills the lecture's three fields that are given, then presses Send. */
  send(fields: { name?: string; room?: string; msg: string }): Promise<void>;
  /** Fills name and room, then presses "Join room" (the fixed page only). */
  join(name: string, room: string): Promise<void>;
  /** The chat log's lines, as shown. */
  chat(): Promise<string[]>;
}

/**
 * Opens `path` in a fresh browser context for each name and waits until each
 * page is connected. The contexts are closed after the test. The browser asks
 * for the spec project's language, as the `browser` fixture's own pages do.
 */
export async function people(browser: Browser, path: string, count: number): Promise<Person[]> {
  const { baseURL, locale } = test.info().project.use;
  const t = specMessages(messages);
  const opened: Person[] = [];
  for (let i = 0; i < count; i++) {
    const context: BrowserContext = await browser.newContext({ baseURL, locale });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(path);
    const mode = path === '/lecture' ? 'lecture' : 'explicit';
    await expect(page.locator('#status')).toHaveText(t.statusConnected(mode));
    opened.push(person(page, path));
  }
  return opened;
}

const contexts: BrowserContext[] = [];

/** Closes every context `people()` opened: each spec calls it in `test.afterEach`. */
export async function closeAll(): Promise<void> {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
}

/** The form's labels and buttons on `path`: the lecture's own on `/lecture`, the page's language on `/rooms`. */
export function formTexts(path: string) {
  const t = specMessages(messages);
  return path === '/lecture'
    ? { name: t.lectureName, room: t.lectureRoom, message: t.lectureMessage, send: t.lectureSend }
    : { name: t.name, room: t.room, message: t.message, send: t.send };
}

function person(page: Page, path: string): Person {
  const t = specMessages(messages);
  const form = formTexts(path);
  return {
    page,
    async send({ name, room, msg }) {
      if (name !== undefined) await page.getByLabel(form.name, { exact: true }).fill(name);
      if (room !== undefined) await page.getByLabel(form.room, { exact: true }).fill(room);
      await page.getByLabel(form.message, { exact: true }).fill(msg);
      await page.getByRole('button', { name: form.send, exact: true }).click();
    },
    async join(name, room) {
      await page.getByLabel(form.name, { exact: true }).fill(name);
      await page.getByLabel(form.room, { exact: true }).fill(room);
      await page.getByRole('button', { name: t.joinRoom }).click();
      await expect(page.locator('#current-room')).toHaveText(room);
    },
    chat: () => page.locator('#chat li').allTextContents(),
  };
}

/**
 * A room name no other test uses: with two workers, specs run side by side
 * against one server, and must never share a room or read each other's rows.
 */
export function uniqueRoom(base: string): string {
  const { testId, repeatEachIndex, retry } = test.info();
  return `${base}-${testId.slice(0, 6)}${repeatEachIndex}${retry}`;
}

/** The room list's line for `room` on the fixed page. */
export function roomRow(page: Page, room: string): Locator {
  return page
    .locator('#room-list li')
    .filter({ has: page.locator('.room-name').getByText(room, { exact: true }) });
}

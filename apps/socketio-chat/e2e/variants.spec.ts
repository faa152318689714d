import { expect, type Page, test } from '@playwright/test';
import { lines, openChat, send, tag } from './chat-page.ts';

// The lecture's four delivery variants, with three users in three browser contexts.

let a: Page;
let b: Page;
let c: Page;
let t: string;

test.beforeEach(async ({ browser }) => {
  t = tag();
  // The three log in side by side; no variant depends on who came first.
  [a, b, c] = await Promise.all([
    openChat(browser, `A-${t}`),
    openChat(browser, `B-${t}`),
    openChat(browser, `C-${t}`),
  ]);
});

test.afterEach(async () => {
  for (const page of [a, b, c]) await page.context().close();
});

/**
 * Sends an io.emit marker from A and waits for it in every tab. Socket.IO keeps
 * each connection's order, so a message that has not arrived by then never will.
 */
async function flush() {
  await send(a, `marker ${t}`);
  for (const page of [a, b, c])
    await expect(lines(page).filter({ hasText: `marker ${t}` })).toHaveCount(1);
}

/** Which of A, B, C show `msg`. */
async function receivers(msg: string) {
  await flush();
  const got: string[] = [];
  for (const [name, page] of [
    ['A', a],
    ['B', b],
    ['C', c],
  ] as const)
    if ((await lines(page).filter({ hasText: msg }).count()) > 0) got.push(name);
  return got;
}

test('io.emit: everyone, the sender too', async () => {
  await send(a, `all ${t}`, 'io.emit');
  expect(await receivers(`all ${t}`)).toEqual(['A', 'B', 'C']);
  await expect(lines(b).filter({ hasText: `all ${t}` })).toContainText(`A-${t}: all ${t}`);
  await expect(
    lines(b)
      .filter({ hasText: `all ${t}` })
      .locator('.via'),
  ).toHaveText('chat · io.emit');
});

test('socket.broadcast.emit: everyone but the sender', async () => {
  await send(a, `others ${t}`, 'socket.broadcast.emit');
  expect(await receivers(`others ${t}`)).toEqual(['B', 'C']);
  await expect(
    lines(c)
      .filter({ hasText: `others ${t}` })
      .locator('.via'),
  ).toHaveText('chat · socket.broadcast.emit');
});

test('socket.emit: back to the sender only', async () => {
  await send(a, `me ${t}`, 'socket.emit');
  expect(await receivers(`me ${t}`)).toEqual(['A']);
  await expect(
    lines(a)
      .filter({ hasText: `me ${t}` })
      .locator('.via'),
  ).toHaveText('s2c chat · socket.emit');
});

test('io.to(id): the user picked from the list, nobody else', async () => {
  await expect(a.locator('#users')).toContainText(`C-${t} (C-${t}@example.com)`);
  await a.locator('#via').selectOption('io.to');
  await expect(a.locator('#to')).toBeVisible();
  await expect(a.locator('#to option', { hasText: `A-${t}` })).toHaveCount(0);
  await send(a, `psst ${t}`, 'io.to', `C-${t} (C-${t}@example.com)`);
  expect(await receivers(`psst ${t}`)).toEqual(['C']);
  await expect(lines(c).filter({ hasText: `psst ${t}` })).toContainText(`A-${t}: psst ${t}`);
});

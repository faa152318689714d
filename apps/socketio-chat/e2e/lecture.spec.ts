import { plain, specLang, specMessages } from '@course/e2e/lang';
import { LANG_NAMES } from '@course/kit/i18n';
import { expect, test } from '@playwright/test';
import messages from '../client/src/messages.ts';
import { anyValue, lines, openChat, tag } from './chat-page.ts';

// The lecture's chat, driven from two browser contexts (two users). In English (project
// socketio-chat) and in Korean (socketio-chat:ko): every text the page writes is read from its
// dictionary; the lecture's own strings (`님이 입장하셨습니다`, `Send`, `Socket.IO Chat Example`)
// are the same in both.

// specMessages() asks the running test for its project, so it is read in each test.
let t: (typeof messages)['en'];
test.beforeEach(() => {
  t = specMessages(messages);
});

test('every page is in the browser’s language', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page).toHaveTitle(t.homeTitle);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.homeHeading));
  await expect(page.locator('#pages h2')).toHaveText(plain(t.homeLectureHeading));
  await expect(page.locator('nav.course a[href="/"]')).toHaveText(t.navHome);

  await page.goto('/chat');
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page).toHaveTitle(t.chatTitle);
  // The lecture's heading, the same in both languages.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.chatHeading);
  await expect(page.locator('#login-section h2')).toHaveText(plain(t.loginHeading));
  for (const name of [t.loginButton, t.disconnectButton, t.dropButton, t.sendButton])
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.locator('#login-status')).toHaveText(t.notLoggedIn);
  await expect(page.locator('#via option[value="socket.emit"]')).toHaveText(t.viaSocketEmit);
  await expect(page.getByLabel(t.ackTimeoutLabel)).toHaveValue('5000');
  // No text is left to its key: every data-t element has its message.
  for (const element of await page.locator('[data-t]').all()) await expect(element).not.toBeEmpty();
});

test('the language switch reloads the page in the other language and remembers it', async ({
  page,
}) => {
  const other = specLang() === 'en' ? 'ko' : 'en';
  const theirs = messages[other];
  await page.goto('/chat');
  await page.getByRole('button', { name: LANG_NAMES[other], exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.locator('#login-section h2')).toHaveText(plain(theirs.loginHeading));
  await expect(page.getByRole('button', { name: theirs.loginButton, exact: true })).toBeVisible();
  // The choice is kept: the next page load, on another page, is in the other language too.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(theirs.homeHeading));
  // And back.
  await page.getByRole('button', { name: LANG_NAMES[specLang()], exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.homeHeading));
});

test('chapter home links the chat page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.homeHeading));
  await page.locator('#pages').getByRole('link', { name: '/chat' }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.chatHeading);
});

test('each login shows <name>님이 입장하셨습니다 in every tab', async ({ browser }) => {
  const tg = tag();
  const one = await openChat(browser, `kgh-${tg}`);
  const two = await openChat(browser, `lee-${tg}`);
  for (const page of [one, two]) {
    const join = page.locator('#chatLogs li.login').filter({ hasText: `lee-${tg}` });
    await expect(join).toHaveText(`lee-${tg}님이 입장하셨습니다`);
    // The lecture's Korean sentence is marked as Korean on an English page too.
    await expect(join).toHaveAttribute('lang', 'ko');
  }
  await expect(one.locator('#chatLogs')).toContainText(`kgh-${tg}님이 입장하셨습니다`);
  await one.context().close();
  await two.context().close();
});

test('Send button and Enter both send; every tab shows name: msg', async ({ browser }) => {
  const tg = tag();
  const one = await openChat(browser, `kgh-${tg}`);
  const two = await openChat(browser, `lee-${tg}`);
  await one.locator('#msgForm').fill(`by button ${tg}`);
  await one.getByRole('button', { name: t.sendButton }).click();
  await two.locator('#msgForm').fill(`by enter ${tg}`);
  await two.locator('#msgForm').press('Enter');
  await expect(two.locator('#msgForm')).toHaveValue('');
  for (const page of [one, two]) {
    await expect(
      lines(page)
        .filter({ hasText: `by button ${tg}` })
        .locator('strong'),
    ).toHaveText(`kgh-${tg}:`);
    await expect(lines(page).filter({ hasText: `by button ${tg}` })).toContainText(
      `kgh-${tg}: by button ${tg}`,
    );
    await expect(lines(page).filter({ hasText: `by enter ${tg}` })).toContainText(
      `lee-${tg}: by enter ${tg}`,
    );
  }
  await expect(
    one
      .locator('#sent li')
      .filter({ hasText: `by button ${tg}` })
      .locator('.ack'),
  ).toHaveText('✓');
  await one.context().close();
  await two.context().close();
});

test('Disconnect: io server disconnect, no reconnect by itself; Reconnect logs in again', async ({
  browser,
}) => {
  const tg = tag();
  const one = await openChat(browser, `kgh-${tg}`);
  const two = await openChat(browser, `lee-${tg}`);
  await one.getByRole('button', { name: t.disconnectButton, exact: true }).click();
  await expect(one.locator('#conn')).toHaveText(t.stayedDown('io server disconnect'));
  const left = two.locator('#chatLogs li.presence').filter({ hasText: `kgh-${tg}` });
  await expect(left).toHaveText(t.left(`kgh-${tg}`, 'server namespace disconnect'));
  await expect(left.locator('strong')).toHaveText(`kgh-${tg}`);
  // Give an automatic reconnect time to happen: it must not.
  await one.waitForTimeout(2500);
  await expect(one.locator('#conn')).toContainText('io server disconnect');
  expect(await one.evaluate(() => document.querySelector('#conn')?.className)).toContain('bad');
  await expect(two.locator('#users')).not.toContainText(`kgh-${tg}`);

  // Two opened after one logged in, so it has not seen one's login yet.
  const joins = two
    .locator('#chatLogs li.login')
    .filter({ hasText: `kgh-${tg}님이 입장하셨습니다` });
  await expect(joins).toHaveCount(0);
  await one.getByRole('button', { name: t.reconnectButton, exact: true }).click();
  await expect(one.locator('#conn')).toHaveText(anyValue(t.connected));
  await expect(one.getByRole('button', { name: t.reconnectButton, exact: true })).toBeHidden();
  // A fresh session: the page sends login again, so the others see the join once more.
  await expect(joins).toHaveCount(1);
  await expect(two.locator('#users')).toContainText(`kgh-${tg}`);
  await one.locator('#msgForm').fill(`back ${tg}`);
  await one.locator('#msgForm').press('Enter');
  await expect(lines(two).filter({ hasText: `back ${tg}` })).toContainText(`kgh-${tg}: back ${tg}`);
  await one.context().close();
  await two.context().close();
});

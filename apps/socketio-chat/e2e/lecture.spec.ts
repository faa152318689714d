import { expect, test } from '@playwright/test';
import { lines, openChat, tag } from './chat-page.ts';

// The lecture's chat, driven from two browser contexts (two users).

test('chapter home links the chat page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Socket.IO chat');
  await page.locator('#pages').getByRole('link', { name: '/chat' }).click();
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Socket.IO Chat Example');
});

test('each login shows <name>님이 입장하셨습니다 in every tab', async ({ browser }) => {
  const t = tag();
  const one = await openChat(browser, `kgh-${t}`);
  const two = await openChat(browser, `lee-${t}`);
  for (const page of [one, two])
    await expect(page.locator('#chatLogs li.login').filter({ hasText: `lee-${t}` })).toHaveText(
      `lee-${t}님이 입장하셨습니다`,
    );
  await expect(one.locator('#chatLogs')).toContainText(`kgh-${t}님이 입장하셨습니다`);
  await one.context().close();
  await two.context().close();
});

test('Send button and Enter both send; every tab shows name: msg', async ({ browser }) => {
  const t = tag();
  const one = await openChat(browser, `kgh-${t}`);
  const two = await openChat(browser, `lee-${t}`);
  await one.locator('#msgForm').fill(`by button ${t}`);
  await one.getByRole('button', { name: 'Send' }).click();
  await two.locator('#msgForm').fill(`by enter ${t}`);
  await two.locator('#msgForm').press('Enter');
  await expect(two.locator('#msgForm')).toHaveValue('');
  for (const page of [one, two]) {
    await expect(
      lines(page)
        .filter({ hasText: `by button ${t}` })
        .locator('strong'),
    ).toHaveText(`kgh-${t}:`);
    await expect(lines(page).filter({ hasText: `by button ${t}` })).toContainText(
      `kgh-${t}: by button ${t}`,
    );
    await expect(lines(page).filter({ hasText: `by enter ${t}` })).toContainText(
      `lee-${t}: by enter ${t}`,
    );
  }
  await expect(
    one
      .locator('#sent li')
      .filter({ hasText: `by button ${t}` })
      .locator('.ack'),
  ).toHaveText('✓');
  await one.context().close();
  await two.context().close();
});

test('Disconnect: io server disconnect, no reconnect by itself; Reconnect logs in again', async ({
  browser,
}) => {
  const t = tag();
  const one = await openChat(browser, `kgh-${t}`);
  const two = await openChat(browser, `lee-${t}`);
  await one.getByRole('button', { name: 'Disconnect' }).click();
  await expect(one.locator('#conn')).toContainText('Disconnected (io server disconnect)');
  await expect(one.locator('#conn')).toContainText('will not reconnect by itself');
  await expect(two.locator('#chatLogs li.presence').filter({ hasText: `kgh-${t}` })).toContainText(
    'left (server namespace disconnect)',
  );
  // Give an automatic reconnect time to happen: it must not.
  await one.waitForTimeout(2500);
  await expect(one.locator('#conn')).toContainText('io server disconnect');
  expect(await one.evaluate(() => document.querySelector('#conn')?.className)).toContain('bad');
  await expect(two.locator('#users')).not.toContainText(`kgh-${t}`);

  // Two opened after one logged in, so it has not seen one's login yet.
  const joins = two
    .locator('#chatLogs li.login')
    .filter({ hasText: `kgh-${t}님이 입장하셨습니다` });
  await expect(joins).toHaveCount(0);
  await one.getByRole('button', { name: 'Reconnect' }).click();
  await expect(one.locator('#conn')).toContainText('Connected as');
  await expect(one.getByRole('button', { name: 'Reconnect' })).toBeHidden();
  // A fresh session: the page sends login again, so the others see the join once more.
  await expect(joins).toHaveCount(1);
  await expect(two.locator('#users')).toContainText(`kgh-${t}`);
  await one.locator('#msgForm').fill(`back ${t}`);
  await one.locator('#msgForm').press('Enter');
  await expect(lines(two).filter({ hasText: `back ${t}` })).toContainText(`kgh-${t}: back ${t}`);
  await one.context().close();
  await two.context().close();
});

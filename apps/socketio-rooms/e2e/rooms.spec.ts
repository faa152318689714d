import { expect, test } from '@playwright/test';
import { closeAll, people, roomRow, uniqueRoom } from './people.ts';

// The fixed default: one room per socket, with explicit join/leave, room list,
// members and notices. Three people, each in their own browser context.

test.afterEach(closeAll);

test('chapter home links both pages', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Socket.IO rooms');
  await page.locator('#pages').getByRole('link', { name: "The lecture's room chat" }).click();
  await expect(page).toHaveURL(/\/lecture$/);
  await page.goto('/');
  await page.locator('#beyond').getByRole('link', { name: 'Rooms, fixed' }).click();
  await expect(page).toHaveURL(/\/rooms$/);
});

test('A1 and A2 in room A, B1 in room B: messages stay in their room, switching leaves A', async ({
  browser,
}) => {
  const [a1, a2, b1] = await people(browser, '/rooms', 3);
  if (!a1 || !a2 || !b1) throw new Error('three people expected');
  const [A, B] = [uniqueRoom('A'), uniqueRoom('B')];
  await a1.join('A1', A);
  await a2.join('A2', A);
  await b1.join('B1', B);

  // The room list with counts, and the members of A1's room.
  await expect(roomRow(a1.page, A)).toContainText('(2 members) ← you are here');
  await expect(roomRow(a1.page, B)).toContainText('(1 member) Switch here');
  await expect(a1.page.locator('#members li')).toHaveText(['A1', 'A2']);
  await expect(b1.page.locator('#members li')).toHaveText(['B1']);
  await expect(a1.page.locator('#chat li').last()).toHaveText(`A2 joined ${A}`);

  await a1.send({ msg: 'hello A' });
  await expect(a2.page.locator('#chat li').last()).toHaveText('A1:hello A');
  await b1.send({ msg: 'hello B' });
  await expect(b1.page.locator('#chat li').last()).toHaveText('B1:hello B');
  expect(await b1.chat()).not.toContain('A1:hello A');
  expect(await a1.chat()).not.toContain('B1:hello B');

  // A2 switches to B from the room list.
  await roomRow(a2.page, B).getByRole('button', { name: 'Switch here' }).click();
  await expect(a2.page.locator('#current-room')).toHaveText(B);
  // A2 sees its own leave before its join, in that order.
  await expect(a2.page.locator('#chat li').last()).toHaveText(`A2 joined ${B}`);
  await expect(a2.page.locator('#chat li').nth(-2)).toHaveText(`A2 left ${A}`);
  await expect(a1.page.locator('#chat li').last()).toHaveText(`A2 left ${A}`);
  await expect(b1.page.locator('#chat li').last()).toHaveText(`A2 joined ${B}`);
  await expect(roomRow(a1.page, A)).toContainText('(1 member)');
  await expect(roomRow(a1.page, B)).toContainText('(2 members)');
  await expect(a1.page.locator('#members li')).toHaveText(['A1']);
  await expect(b1.page.locator('#members li')).toHaveText(['A2', 'B1']);

  // Room A's messages no longer reach A2; B's do.
  await a1.send({ msg: 'A again' });
  await expect(a1.page.locator('#chat li').last()).toHaveText('A1:A again');
  await b1.send({ msg: 'B again' });
  await expect(a2.page.locator('#chat li').last()).toHaveText('B1:B again');
  expect(await a2.chat()).not.toContain('A1:A again');

  // Leave: A2 is in no room, and B1 sees it go.
  await a2.page.getByRole('button', { name: 'Leave room' }).click();
  await expect(a2.page.locator('#current-room')).toHaveText('no room');
  await expect(a2.page.locator('#members li')).toHaveCount(0);
  await expect(b1.page.locator('#chat li').last()).toHaveText(`A2 left ${B}`);
  await expect(b1.page.locator('#members li')).toHaveText(['B1']);

  // Closing a tab counts as leaving: B1's room empties and disappears from the list.
  await b1.page.close();
  await expect(roomRow(a1.page, B)).toHaveCount(0);
  await expect(roomRow(a1.page, A)).toContainText('(1 member)');
});

test('posting to another room moves you there', async ({ browser }) => {
  const [x, y] = await people(browser, '/rooms', 2);
  if (!x || !y) throw new Error('two people expected');
  const [A, B] = [uniqueRoom('A'), uniqueRoom('B')];
  await y.join('Y', A);
  await x.send({ name: 'X', room: A, msg: 'in A' });
  await expect(y.page.locator('#chat li').last()).toHaveText('X:in A');
  await x.send({ room: B, msg: 'in B' });
  await expect(x.page.locator('#current-room')).toHaveText(B);
  await expect(y.page.locator('#chat li').last()).toHaveText(`X left ${A}`);
  await y.send({ name: 'Y', msg: 'anyone?' });
  await expect(y.page.locator('#chat li').last()).toHaveText('Y:anyone?');
  await x.send({ msg: 'still B' });
  await expect(x.page.locator('#chat li').last()).toHaveText('X:still B');
  expect(await x.chat()).not.toContain('Y:anyone?');
});

test('bad input is answered with the server’s error', async ({ page }) => {
  await page.goto('/rooms');
  await expect(page.locator('#status')).toHaveText(/^connected/);
  await page.getByLabel('Name').fill('X');
  await page.getByRole('button', { name: 'Join room' }).click();
  await expect(page.locator('#error')).toHaveText('Error: "room" must not be empty');
  await page.getByLabel('Room').fill('r'.repeat(65));
  await page.getByRole('button', { name: 'Join room' }).click();
  await expect(page.locator('#error')).toHaveText('Error: "room" is over 64 characters (got 65)');
  await page.getByRole('button', { name: 'Leave room' }).click();
  await expect(page.locator('#error')).toHaveText('Error: you are not in a room');
  const fine = uniqueRoom('fine');
  await page.getByLabel('Room').fill(fine);
  await page.getByRole('button', { name: 'Join room' }).click();
  await expect(page.locator('#error')).toHaveText('');
  await expect(page.locator('#current-room')).toHaveText(fine);
});

import { expect, test } from '@playwright/test';
import { closeAll, people, roomRow, uniqueRoom } from './people.ts';

// The lecture's handler as the pitfall: a room once posted to is never left.

test.afterEach(closeAll);

test('lecture page: after switching the Room field to B, room A still reaches you', async ({
  browser,
}) => {
  const [x, y] = await people(browser, '/lecture', 2);
  if (!x || !y) throw new Error('two people expected');
  const [A, B] = [uniqueRoom('A'), uniqueRoom('B')];
  await x.send({ name: 'X', room: A, msg: 'hi A' });
  await expect(x.page.locator('#chat li')).toHaveText(['X:hi A']);
  await x.send({ room: B, msg: 'hi B' });
  await expect(x.page.locator('#chat li')).toHaveText(['X:hi A', 'X:hi B']);
  await expect(x.page.locator('#my-rooms')).toHaveText(`${A}, ${B}`);

  // Y talks in A. X's form says B, yet X gets it: X never left A.
  await y.send({ name: 'Y', room: A, msg: 'only for A' });
  await expect(y.page.locator('#chat li')).toHaveText(['Y:only for A']);
  await expect(x.page.locator('#chat li').last()).toHaveText('Y:only for A');
  await expect(x.page.getByLabel('Room')).toHaveValue(B);

  // A third person, on the fixed page, sees X counted in both rooms.
  const [z] = await people(browser, '/rooms', 1);
  if (!z) throw new Error('a third person expected');
  await expect(roomRow(z.page, A)).toContainText('(2 members)');
  await expect(roomRow(z.page, B)).toContainText('(1 member)');
});

test('the same steps on the fixed page: room A no longer reaches you', async ({ browser }) => {
  const [x, y] = await people(browser, '/rooms', 2);
  if (!x || !y) throw new Error('two people expected');
  const [A, B] = [uniqueRoom('A'), uniqueRoom('B')];
  await x.send({ name: 'X', room: A, msg: 'hi A' });
  await expect(x.page.locator('#chat li').last()).toHaveText('X:hi A');
  await x.send({ room: B, msg: 'hi B' });
  await expect(x.page.locator('#current-room')).toHaveText(B);
  await y.send({ name: 'Y', room: A, msg: 'only for A' });
  await expect(y.page.locator('#chat li').last()).toHaveText('Y:only for A');
  // A barrier in B: once X has it, the A message would already have arrived.
  await y.send({ room: B, msg: 'now in B' });
  await expect(x.page.locator('#chat li').last()).toHaveText('Y:now in B');
  expect(await x.chat()).not.toContain('Y:only for A');
});

test('lecture page reports bad input too', async ({ page }) => {
  await page.goto('/lecture');
  await expect(page.locator('#status')).toHaveText(/^connected/);
  await page.getByLabel('Name').fill('X');
  await page.getByLabel('Message').fill('hi');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('#error')).toHaveText('Error: "room" must not be empty');
  await expect(page.locator('#chat li')).toHaveCount(0);
});

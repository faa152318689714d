import { expect, test } from '@playwright/test';
import { closeAll, people, roomRow, uniqueRoom } from './people.ts';

// Names, rooms and messages arrive from other people: the pages show them as text.

test.afterEach(closeAll);

const NAME = '<img src=x onerror=alert(1)>';
const ROOM_BASE = '<b onmouseover=alert(2)>room</b>';
const MSG = '<script>alert(3)</script><img src=y onerror=alert(4)>';

for (const path of ['/rooms', '/lecture']) {
  test(`${path}: an XSS payload in name, room and message is shown as text`, async ({
    browser,
  }) => {
    const [sender, receiver] = await people(browser, path, 2);
    if (!sender || !receiver) throw new Error('two people expected');
    const ROOM = uniqueRoom(ROOM_BASE);
    const dialogs: string[] = [];
    for (const person of [sender, receiver])
      person.page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });

    await receiver.send({ name: 'R', room: ROOM, msg: 'waiting' });
    await expect(receiver.page.locator('#chat li').last()).toHaveText('R:waiting');
    await sender.send({ name: NAME, room: ROOM, msg: MSG });
    await expect(receiver.page.locator('#chat li').last()).toHaveText(`${NAME}:${MSG}`);

    if (path === '/rooms') {
      await expect(receiver.page.locator('#members li')).toHaveText([NAME, 'R']);
      await expect(roomRow(receiver.page, ROOM)).toContainText('(2 members)');
      await expect(receiver.page.locator('#current-room')).toHaveText(ROOM);
    } else {
      await expect(receiver.page.locator('#my-rooms')).toHaveText(ROOM);
    }
    for (const person of [sender, receiver])
      await expect(person.page.locator('body').locator('img, script, b')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });
}

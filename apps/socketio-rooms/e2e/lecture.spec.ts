// The lecture's room chat, in English (project socketio-rooms) and in Korean (socketio-rooms:ko).
// The lecture's handler as the pitfall: a room once posted to is never left.
import { plain, specLang, specMessages } from '@course/e2e/lang';
import { LANG_NAMES } from '@course/kit/i18n';
import { expect, test } from '@playwright/test';
import messages from '../client/src/messages.ts';
import { closeAll, formTexts, people, roomRow, uniqueRoom } from './people.ts';

// specLang() asks the running test for its project: read the texts inside each test.
let t: ReturnType<typeof specMessages<(typeof messages)['en']>>;
let other: 'en' | 'ko';
test.beforeEach(() => {
  t = specMessages(messages);
  other = specLang() === 'ko' ? 'en' : 'ko';
});
test.afterEach(closeAll);

test('the pages are in the browser’s language; the lecture’s form keeps its own words', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page).toHaveTitle(plain(t.homeTitle));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.homeHeading));
  await expect(page.locator('#pages li')).toHaveText(plain(t.homeLectureItem));
  await expect(page.locator('nav.course')).toContainText(t.navLecture);

  await page.goto('/lecture');
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.lecturePageHeading));
  await expect(page.locator('#why h2')).toHaveText(t.whyHeading);
  await expect(page.locator('#status')).toHaveText(t.statusConnected('lecture'));
  await expect(page.locator('#my-rooms')).toHaveText(t.noRoom);
  // The lecture's own strings, in both languages, marked as English.
  await expect(page.locator('#lecture-chat h2')).toHaveText('Socket.io Chat Example');
  await expect(page.locator('#lecture-chat h2')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
  await expect(page.getByLabel('Room', { exact: true })).toHaveAttribute('placeholder', 'Room');

  await page.goto('/rooms');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.roomsHeading));
  for (const name of [t.send, t.joinRoom, t.leaveRoom])
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.getByLabel(t.room, { exact: true })).toHaveAttribute('placeholder', t.room);
  await expect(page.locator('#no-rooms')).toHaveText(t.noRooms);
  await expect(page.locator('#members-section h2')).toHaveText(t.membersHeading(t.yourRoom));
});

test('the language switch reloads the page in the other language and is remembered', async ({
  page,
}) => {
  await page.goto('/lecture');
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  const switchTo = page.locator('nav.course .lang-switch');
  await expect(switchTo.getByRole('button', { name: LANG_NAMES[specLang()] })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await switchTo.getByRole('button', { name: LANG_NAMES[other] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    plain(messages[other].lecturePageHeading),
  );
  // The next page load keeps the choice, over the browser's language.
  await page.goto('/rooms');
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    plain(messages[other].roomsHeading),
  );
  await expect(page.getByRole('button', { name: messages[other].joinRoom })).toBeVisible();
});

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
  await expect(x.page.getByLabel(formTexts('/lecture').room, { exact: true })).toHaveValue(B);

  // A third person, on the fixed page, sees X counted in both rooms.
  const [z] = await people(browser, '/rooms', 1);
  if (!z) throw new Error('a third person expected');
  await expect(roomRow(z.page, A)).toContainText(t.memberCount(2));
  await expect(roomRow(z.page, B)).toContainText(t.memberCount(1));
});

test('the same steps on the fixed page: room A no longer reaches you', async ({ browser }) => {
  const [x, y] = await people(browser, '/rooms', 2);
  if (!x || !y) throw new Error('two people expected');
  const [A, B] = [uniqueRoom('A'), uniqueRoom('B')];
  await x.send({ name: 'X', room: A, msg: 'hi A' });
  await expect(x.page.locator('#chat li').last()).toHaveText('X:hi A');
  await x.send({ room: B, msg: 'hi B' });
  await expect(x.page.locator('#current-room')).toHaveText(B);
  // X's own move, as notices in the page's language.
  await expect(x.page.locator('#chat li')).toContainText([
    t.notice('X', 'left', A),
    t.notice('X', 'joined', B),
  ]);
  await y.send({ name: 'Y', room: A, msg: 'only for A' });
  await expect(y.page.locator('#chat li').last()).toHaveText('Y:only for A');
  // A barrier in B: once X has it, the A message would already have arrived.
  await y.send({ room: B, msg: 'now in B' });
  await expect(x.page.locator('#chat li').last()).toHaveText('Y:now in B');
  expect(await x.chat()).not.toContain('Y:only for A');
});

test('lecture page reports bad input too', async ({ browser }) => {
  const [x] = await people(browser, '/lecture', 1);
  if (!x) throw new Error('one person expected');
  const { page } = x;
  const form = formTexts('/lecture');
  await page.getByLabel(form.name, { exact: true }).fill('X');
  await page.getByLabel(form.message, { exact: true }).fill('hi');
  await page.getByRole('button', { name: form.send, exact: true }).click();
  // The server's sentence comes over the wire as is; the page says it is an error.
  await expect(page.locator('#error')).toHaveText(t.error('"room" must not be empty'));
  await expect(page.locator('#chat li')).toHaveCount(0);
});

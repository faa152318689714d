import { plain, specLang, specMessages } from '@course/e2e/lang';
import { LANG_NAMES } from '@course/kit/i18n';
import { expect, test } from '@playwright/test';
import messages from '../client/src/messages.ts';

// The lecture's node:net exchange, as a learner sees it through the bridge, and
// what happens when the browser itself knocks on the TCP port. In English (project
// raw-tcp) and in Korean (raw-tcp:ko): every text the page writes is read from its
// dictionary; the lecture's own strings are the same in both.

// specMessages() asks the running test for its project, so it is read in each test.
let t: (typeof messages)['en'];
test.beforeEach(() => {
  t = specMessages(messages);
});

/** Each page: its heading and main buttons, read from the dictionary in the spec's language. */
const PAGES: [string, (m: typeof t) => { heading: string; buttons: string[] }][] = [
  ['/', (m) => ({ heading: m.chapterTitle, buttons: [] })],
  ['/exchange', (m) => ({ heading: m.exHeading, buttons: [m.exRun] })],
  ['/direct', (m) => ({ heading: m.directHeading, buttons: [] })],
  ['/framing', (m) => ({ heading: m.framingHeading, buttons: [m.framingRun] })],
  [
    '/bad-input',
    (m) => ({ heading: m.badHeading, buttons: [m.badOversize, m.badIdle, m.badAbrupt] }),
  ],
];

for (const [path, texts] of PAGES) {
  test(`${path} is in the browser’s language`, async ({ page }) => {
    const { heading, buttons } = texts(t);
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', specLang());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(heading));
    for (const name of buttons)
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    // The nav's links are in the page's language too.
    await expect(page.locator('nav.course a[href="/framing"]')).toHaveText(t.navFraming);
  });
}

test('a sentence with a live value keeps its element: the port, filled in from the bridge', async ({
  page,
}) => {
  await page.goto('/exchange');
  await expect(page).toHaveTitle(t.exTitle);
  const text = page.locator('#lecture p').first();
  await expect(text).toContainText('CLIENT: Hello this is client!');
  await expect(text.locator('#tcp-port')).toHaveText(/^\d+$/);
  const port = (await text.locator('#tcp-port').textContent()) ?? '';
  await expect(text).toHaveText(plain(t.exRunText(port)));
});

test('the language switch reloads the page in the other language and remembers it', async ({
  page,
}) => {
  const other = specLang() === 'en' ? 'ko' : 'en';
  const theirs = messages[other];
  await page.goto('/exchange');
  await page.getByRole('button', { name: LANG_NAMES[other], exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(theirs.exHeading));
  await expect(page.getByRole('button', { name: theirs.exRun, exact: true })).toBeVisible();
  // The choice is kept: the next page load, on another page, is in the other language too.
  await page.goto('/framing');
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(theirs.framingHeading));
  // And back.
  await page.getByRole('button', { name: LANG_NAMES[specLang()], exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.framingHeading));
});

test('chapter home links every page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.chapterTitle);
  for (const path of ['/exchange', '/direct', '/framing', '/bad-input']) {
    await expect(page.locator(`#pages a[href="${path}"], #beyond a[href="${path}"]`)).toHaveCount(
      1,
    );
  }
  await page.locator('#pages').getByRole('link', { name: t.navExchange }).click();
  await expect(page).toHaveURL(/\/exchange$/);
  await expect(page.getByRole('button', { name: t.exRun })).toBeVisible();
});

test('/exchange streams the transcript: both ends, both directions, byte counts, in order', async ({
  page,
}) => {
  await page.goto('/exchange');
  await page.getByRole('button', { name: t.exRun }).click();
  await expect(page.locator('#status')).toHaveText(t.done);
  const rows = page.locator('#transcript li');

  // The server's two writes, in order, with their UTF-8 sizes; the <br> is shown as text.
  const serverSends = rows.and(page.locator('[data-side="server"][data-kind="send"]'));
  await expect(serverSends).toHaveCount(2);
  await expect(serverSends.nth(0).locator('.dir')).toHaveText(t.exDirection('server', 'send'));
  await expect(serverSends.nth(0).locator('.what')).toHaveText(t.exAction('server', 'send', 64));
  await expect(serverSends.nth(0).locator('.text')).toHaveText(
    'SERVER: 이것은 서버에서 보내는 메시지입니다.<br>',
  );
  // The lecture's Korean line is marked as Korean, whatever the page's language.
  await expect(serverSends.nth(0).locator('.text')).toHaveAttribute('lang', 'ko');
  await expect(serverSends.nth(1).locator('.what')).toHaveText(t.exAction('server', 'send', 35));
  await expect(serverSends.nth(1).locator('.text')).toHaveText(
    'SERVER: Closing connection now.<br>',
  );

  // The client's hello, and the server's data event for it.
  const clientSend = rows.and(page.locator('[data-side="client"][data-kind="send"]'));
  await expect(clientSend.locator('.dir')).toHaveText(t.exDirection('client', 'send'));
  await expect(clientSend.locator('.what')).toHaveText(t.exAction('client', 'send', 29));
  await expect(clientSend.locator('.text')).toHaveText('CLIENT: Hello this is client!');
  const serverGot = rows.and(page.locator('[data-side="server"][data-kind="receive"]'));
  await expect(serverGot.first().locator('.dir')).toHaveText(t.exDirection('server', 'receive'));
  await expect(serverGot.locator('.text')).toHaveText(['CLIENT: Hello this is client!']);

  // Everything the client received: the two server lines, 99 bytes in all.
  const clientGot = rows.and(page.locator('[data-side="client"][data-kind="receive"]'));
  const received = (await clientGot.locator('.text').allTextContents()).join('');
  expect(received).toBe(
    'SERVER: 이것은 서버에서 보내는 메시지입니다.<br>SERVER: Closing connection now.<br>',
  );

  // The lecture's client lines open and close the transcript's client side.
  const texts = await rows.locator('.text').allTextContents();
  const connected = texts.indexOf('CLIENT: I connected to the server.');
  const hello = texts.indexOf('CLIENT: Hello this is client!');
  expect(connected).toBeGreaterThanOrEqual(0);
  expect(connected).toBeLessThan(hello);
  expect(texts.at(-1)).toBe('CLIENT: I disconnected from the server.');
  await expect(page.locator('#summary')).toHaveText(t.exSummary(29, 99, await clientGot.count()));
  // Times never go backwards.
  const times = (await rows.locator('.t').allTextContents()).map((t) => Number.parseInt(t, 10));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
});

test('/direct: the browser fetches the TCP port, gets no valid response, and the page says why', async ({
  page,
}) => {
  await page.goto('/direct');
  await expect(page.locator('#direct h2')).toHaveText(t.directFetchHeading);
  await page.getByRole('button', { name: /^fetch\(/ }).click();
  // The browser only tells the script that the fetch failed.
  await expect(page.locator('#direct-error')).toHaveText('TypeError: Failed to fetch');
  // The TCP server received a plain HTTP request from Chromium.
  const request = page.locator('#direct-request');
  // Each CR LF is shown as a \r\n badge, in characters every font has.
  await expect(request).toContainText(/^GET \/probe-[0-9a-f-]+ HTTP\/1\.1\\r\\n\s/);
  await expect(request).toContainText(/Host: localhost:\d+\\r\\n\s/);
  await expect(request).toContainText(/Origin: http:\/\/localhost:\d+\\r\\n\s/);
  await expect(request).toContainText('User-Agent: ');
  const marks = request.locator('.crlf');
  expect(await marks.count()).toBeGreaterThanOrEqual(5);
  await expect(marks.first()).toHaveText('\\r\\n');
  await expect(marks.first()).toBeVisible();
  const bytes = Number.parseInt((await page.locator('#request-bytes').textContent()) ?? '', 10);
  expect(bytes).toBeGreaterThan(100);
  await expect(page.locator('#request-bytes')).toHaveText(t.directRequestBytes(bytes, '\\r\\n'));
  await expect(page.locator('#request-bytes .crlf')).toHaveAttribute('title', t.directCrlfTitle);
  // No control pictures (U+240D, U+240A): many fonts draw them as empty boxes.
  expect(await page.locator('body').textContent()).not.toMatch(/[\u240D\u240A]/);
  // And answered with its lecture lines, not HTTP.
  await expect(page.locator('#direct-reply')).toHaveText(
    `SERVER: 이것은 서버에서 보내는 메시지입니다.<br>SERVER: Closing connection now.<br>\n${t.directReplyBytes(99)}`,
  );
  const why = page.locator('#direct-why li');
  await expect(why).toHaveCount(6);
  const firstLine = ((await request.textContent()) ?? '').split('\\r\\n')[0] ?? '';
  expect(firstLine).toMatch(/^GET \/probe-[0-9a-f-]+ HTTP\/1\.1$/);
  await expect(why).toHaveText([
    t.directWhy1(firstLine),
    t.directWhy2,
    t.directWhy3,
    t.directWhy4,
    t.directWhy5,
    t.directWhy6,
  ]);
  // The facts a learner looks for are there in either language.
  await expect(why.nth(2)).toContainText('"HTTP/1.1 200 OK"');
  await expect(why.nth(2)).toContainText('net::ERR_INVALID_HTTP_RESPONSE');
  await expect(why.nth(4)).toContainText('Access-Control-Allow-Origin');
});

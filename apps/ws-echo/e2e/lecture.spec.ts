// The lecture's echo, as a learner opens it: in English (project ws-echo) and in Korean (ws-echo:ko).
import { plain, specLang, specMessages } from '@course/e2e/lang';
import { LANG_NAMES } from '@course/kit/i18n';
import { expect, test } from '@playwright/test';
import messages from '../client/src/messages.ts';

// specMessages() reads the running test's project, so each test calls it (not the module).

/** The lecture's own lines: the same in both languages. */
const LECTURE_LOG = [
  'WebSocket Client Connected',
  "Received: 'Hi this is WebSocket server!'",
  "Received: 'Hi this is web client.'",
];

test('the chapter home is in the browser’s language', async ({ page }) => {
  const t = specMessages(messages);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page).toHaveTitle(t.homeTitle);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.homeHeading));
  await expect(page.locator('#pages h2')).toHaveText(plain(t.homeLectureHeading));
  await expect(page.locator('nav.course')).toContainText(t.navPitfalls);
});

test('the lecture’s page is in the browser’s language, its log in the lecture’s', async ({
  page,
}) => {
  const t = specMessages(messages);
  await page.goto('/lecture');
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.lectureHeading));
  await expect(page.locator('.lead')).toHaveText(plain(t.lectureLead));
  await expect(page.locator('#lecture h2')).toHaveText(plain(t.lectureConsoleHeading));
  await expect(page.locator('#navigation')).toContainText(plain(t.lectureAfterLoaded));
  await expect(page.locator('#log li')).toHaveText(LECTURE_LOG);
});

test('the API page’s heading, buttons and state log are in the browser’s language', async ({
  page,
}) => {
  const t = specMessages(messages);
  await page.goto('/api');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.apiHeading));
  await expect(page.getByRole('button', { name: t.apiConnect, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: t.apiSendTextButton })).toBeVisible();
  await expect(page.locator('#state-log li').nth(1)).toHaveText(`0 CONNECTING (${t.apiAfterNew})`);
});

test('the pitfalls page’s heading and buttons are in the browser’s language', async ({ page }) => {
  const t = specMessages(messages);
  await page.goto('/pitfalls');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.pitfallsHeading));
  await expect(page.getByRole('button', { name: t.pitfallsTooBigSend })).toBeVisible();
  const port = new URL(page.url()).port;
  await expect(page.locator('#origin-same')).toHaveText(t.pitfallsOriginSame(`localhost:${port}`));
});

test('chapter home links every page', async ({ page }) => {
  const t = specMessages(messages);
  await page.goto('/');
  for (const path of ['/lecture', '/api', '/reconnect', '/pitfalls']) {
    await expect(page.locator(`#pages a[href="${path}"], #beyond a[href="${path}"]`)).toHaveCount(
      1,
    );
  }
  const echo = plain(t.homeLectureItem).split(':')[0] ?? '';
  await page.locator('#pages').getByRole('link', { name: echo }).click();
  await expect(page).toHaveURL(/\/lecture$/);
});

test('the page connects, sends its line and logs the greeting and the echo', async ({ page }) => {
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  await page.goto('/lecture');
  const port = new URL(page.url()).port;
  await expect(page.locator('#url')).toHaveText(`ws://localhost:${port}/`);
  // The lecture's strings stay as the lecture has them, in both languages.
  await expect(page.locator('#log li')).toHaveText(LECTURE_LOG);
  // The lecture's console output, too.
  expect(consoleLines).toEqual(LECTURE_LOG);
});

test('the language switch reloads the page in the other language and is remembered', async ({
  page,
}) => {
  // Three page loads and two switches: more than one page's time.
  test.slow();
  const t = specMessages(messages);
  const other = specLang() === 'en' ? 'ko' : 'en';
  const theirs = messages[other];
  await page.goto('/lecture');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.lectureHeading));
  await page.locator('nav.course').getByRole('button', { name: LANG_NAMES[other] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(theirs.lectureHeading));
  // The lecture's log is the same in either language.
  await expect(page.locator('#log li')).toHaveText(LECTURE_LOG);
  await expect(
    page.locator('nav.course').getByRole('button', { name: LANG_NAMES[other] }),
  ).toHaveAttribute('aria-pressed', 'true');

  // The next page load keeps the choice, whatever the browser's language.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(theirs.homeHeading));

  // And switching back works the same way.
  await page.locator('nav.course').getByRole('button', { name: LANG_NAMES[specLang()] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.homeHeading));
});

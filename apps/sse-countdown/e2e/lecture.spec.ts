// The lecture's client against the lecture's server (/lecture-countdown), and its two pitfalls,
// in English (project sse-countdown) and in Korean (sse-countdown:ko). Every text the page
// translates is read from its dictionary; the lecture's own strings (Connected, Disconnected,
// the payloads) and the code in the logs are the same in both languages.

import { plain, specLang, specMessages } from '@course/e2e/lang';
import { LANG_NAMES, type Lang } from '@course/kit/i18n';
import { expect, test } from '@playwright/test';
import messages from '../client/src/messages.ts';

const ALL = '10 9 8 7 6 5 4 3 2 1 0';

/** The page's texts in the spec's language (known only once a test runs: its project decides). */
let t: (typeof messages)['en'];

test.beforeEach(async ({ page }) => {
  t = specMessages(messages);
  await page.goto('/lecture');
});

test("the page is in the browser's language; the lecture's own strings are not translated", async ({
  page,
}) => {
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page).toHaveTitle(t.lectureTitle);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.lectureHeading));
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    plain(t.lectureAsWrittenHeading),
    plain(t.lectureLoopHeading),
    plain(t.lectureDropHeading),
  ]);
  await expect(page.locator('.lead')).toHaveText(plain(t.lectureLead));
  for (const name of [
    t.lectureRunAgain,
    t.lectureStart,
    t.stop,
    t.lectureDropLecture,
    t.lectureDropFixed,
  ])
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.locator('nav.course a')).toContainText([
    t.navHome,
    t.navLecture,
    t.navFixed,
    t.navBeyond,
    t.navLimit,
  ]);
  // The lecture's labels and states, as the lecture has them, marked as English on either page.
  await expect(page.locator('#as-written .output')).toHaveText(/^\s*SSE: .*Id: .*Data: /s);
  await expect(page.locator('#as-written .output')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#lecture-state')).toHaveText('Disconnected', { timeout: 15_000 });
});

test('as written, it ends at 0 with Disconnected, because eventPhase is always 2', async ({
  page,
}) => {
  await expect(page.locator('#lecture-state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#lecture-counts')).toHaveText(ALL);
  await expect(page.locator('#lecture-id')).toHaveText('kgh');
  await expect(page.locator('#lecture-data')).toHaveText('0');
  await expect(page.locator('#lecture-log li')).toHaveText([
    'open',
    'error: e.eventPhase = 2, EventSource.CLOSED = 2, readyState = CONNECTING',
    'eventPhase == EventSource.CLOSED → close()',
  ]);
});

test('pitfall 1: without the eventPhase line the countdown restarts at 10, again and again', async ({
  page,
}) => {
  await page.getByRole('button', { name: t.lectureStart, exact: true }).click();
  // The browser's own reconnection delay is about 3 s: allow two of them.
  await expect(page.locator('#loop-runs')).toHaveText('3', { timeout: 20_000 });
  await expect(page.locator('#loop-counts')).toContainText(`${ALL} | ${ALL} | 10`);
  await page.getByRole('button', { name: t.stop, exact: true }).click();
  await expect(page.locator('#loop-state')).toHaveText('Disconnected');
});

test('pitfall 2: a dropped connection closes the lecture client for good at 5', async ({
  page,
}) => {
  await page.getByRole('button', { name: t.lectureDropLecture, exact: true }).click();
  await expect(page.locator('#drop-state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#drop-counts')).toHaveText('10 9 8 7 6 5');
  await expect(page.locator('#drop-log li').last()).toHaveText(
    'eventPhase == EventSource.CLOSED → close()',
  );
  // Nothing comes back later: the browser would have reconnected, the client refused.
  await page.waitForTimeout(2000);
  await expect(page.locator('#drop-counts')).toHaveText('10 9 8 7 6 5');
});

test('the fixed client, same drop: it reconnects and carries on from 4', async ({ page }) => {
  await page.getByRole('button', { name: t.lectureDropFixed, exact: true }).click();
  await expect(page.locator('#fixed-state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#fixed-counts')).toHaveText('10 9 8 7 6 5 | 4 3 2 1 0');
  await expect(page.locator('#fixed-log li', { hasText: t.logErrorConnecting })).toHaveCount(1);
  await expect(page.locator('#fixed-log li').last()).toHaveText(t.logEndClose);
});

test('the language switch reloads the page in the other language, and the choice is remembered', async ({
  page,
}) => {
  const other: Lang = specLang() === 'ko' ? 'en' : 'ko';
  const there = messages[other];
  await page.getByRole('button', { name: LANG_NAMES[other], exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(there.lectureHeading));
  await expect(page.getByRole('button', { name: there.lectureStart, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: LANG_NAMES[other], exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Another page of the chapter, loaded afresh: still in the language chosen.
  await page.goto('/fixed');
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(there.fixedHeading));
  await expect(page.locator('#state')).toHaveText('Disconnected', { timeout: 15_000 });
  await expect(page.locator('#log li').last()).toHaveText(there.logEndClose);

  // And back: the browser's own language again.
  await page.getByRole('button', { name: LANG_NAMES[specLang()], exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.fixedHeading));
});

// The page's main demo, in English (project polling-vs-push) and in Korean (polling-vs-push:ko):
// all six techniques follow one feed side by side, each lane fills, and the status line sums up.

import { plain, specLang, specMessages } from '@course/e2e/lang';
import { LANG_NAMES } from '@course/kit/i18n';
import { expect, type Page, test } from '@playwright/test';
import messages from '../client/src/messages.ts';

// A busy machine can take 20 s to open a page: room for that, never a retry.
test.describe.configure({ timeout: 90_000 });

// specMessages() asks the running test for its project's locale: call it inside a test.
let t = messages.en;
test.beforeEach(() => {
  t = specMessages(messages);
});
const TECHNIQUES = ['short-poll', 'long-poll', 'stream', 'sse', 'websocket', 'socket.io'];
const CHARTS = ['chart-bytes', 'chart-requests', 'chart-latency', 'chart-losses'];
/** The status line once a run is over, whatever its id: the dictionary's text around it. */
const doneLine = (lost: number) => {
  const [before, after] = t.runDone('\u0000', lost, String(lost)).split('\u0000');
  const literal = (text = '') => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${literal(before)}\\w+${literal(after)}$`);
};

async function runFeed(page: Page, messageCount: number, rate: number, interval: number) {
  await page.goto('/');
  await page.getByLabel(t.messagesLabel).fill(String(messageCount));
  await page.getByLabel(t.rateLabel).fill(String(rate));
  await page.getByLabel(t.intervalLabel).fill(String(interval));
  await page.getByRole('button', { name: t.start }).click();
}

test('the page is in the browser’s language', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page).toHaveTitle(t.pageTitle);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.title));
  await expect(page.locator('.lead')).toHaveText(plain(t.lead));
  await expect(page.getByRole('button', { name: t.start })).toBeVisible();
  await expect(page.locator('#tradeoffs h2')).toHaveText(plain(t.tradeoffsHeading));
  await expect(page.locator('#stats-table th').first()).toHaveText(t.colTechnique);
  await expect(page.locator('nav.course a[aria-current="page"]')).toHaveText(t.navCompare);
  // No key left unfilled: every element that names a message shows text.
  for (const element of await page.locator('[data-t]').all()) await expect(element).not.toBeEmpty();
});

test('the page shows six lanes and four empty charts before a run', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.lane h3')).toHaveText([
    t.shortPoll,
    t.longPoll,
    t.stream,
    t.sse,
    t.websocket,
    t.socketIo,
  ]);
  await expect(page.locator('.lane .state')).toHaveText(Array(6).fill(t.stateIdle));
  for (const chart of CHARTS) await expect(page.locator(`#${chart} .row`)).toHaveCount(6);
  await expect(page.locator('#run-status')).toHaveText(t.notStarted);
});

test('every technique delivers all N messages, none lost or duplicated', async ({ page }) => {
  test.setTimeout(120_000);
  await runFeed(page, 20, 20, 100);
  await expect(page.locator('#run-status')).toContainText(t.publishing('', '20', '20').slice(-20));
  await expect(page.locator('#run-status')).toHaveText(doneLine(0), { timeout: 40_000 });
  for (const technique of TECHNIQUES) {
    const id = technique.replace('.', '-');
    await expect(page.locator(`#received-${id}`)).toHaveText('20/20');
    await expect(page.locator(`#state-${id}`)).toHaveText(t.stateDone);
    // The message's text came over the wire: the server's words, in every language.
    await expect(page.locator(`#last-${id}`)).toHaveText('message 20 of 20');
    const row = page.locator(`#stats-table tr[data-technique="${technique}"] td`);
    // Delivered, lost and duplicates: the last three columns.
    await expect(row.nth(8)).toHaveText('20/20');
    await expect(row.nth(9)).toHaveText('0');
    await expect(row.nth(10)).toHaveText('0');
  }
  await expect(
    page.locator('#chart-losses .row[data-technique="websocket"] text.value'),
  ).toHaveText(t.lossesValue('0', '0'));
});

test('the language switch reloads the page in the other language and is remembered', async ({
  page,
}) => {
  const other = specLang() === 'en' ? 'ko' : 'en';
  const them = messages[other];
  await page.goto('/');
  await page
    .locator('nav.course .lang-switch')
    .getByRole('button', { name: LANG_NAMES[other] })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(them.title));
  await expect(page.getByRole('button', { name: them.start })).toBeVisible();
  // The next visit keeps the choice, whatever the browser's language.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.locator('.lane h3').first()).toHaveText(them.shortPoll);
  // And back.
  await page
    .locator('nav.course .lang-switch')
    .getByRole('button', { name: LANG_NAMES[specLang()] })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.title));
});

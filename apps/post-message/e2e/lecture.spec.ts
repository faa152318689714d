// The chapter's demo of what the lecture only names, cross-document messaging: the parent and
// the frame on two origins talk with postMessage, and a third origin is ignored. In English
// (project post-message) and in Korean (post-message:ko); the framed pages, on other origins,
// follow the parent's language. Expected texts come from the pages' own dictionary.
import { plain, specLang, specMessages } from '@course/e2e/lang';
import { LANG_NAMES, type Lang } from '@course/kit/i18n';
import { expect, test } from '@playwright/test';
import messages from '../client/src/messages.ts';
import { FRAME, PARENT, THIRD } from './origins.ts';

// specMessages() asks the running test for its project's locale, so it is read per test.
let t: (typeof messages)['en'];

test.beforeEach(async ({ page }) => {
  t = specMessages(messages);
  await page.goto('/messaging');
  await expect(page.locator('#link-status')).toHaveText(t.frameReady(FRAME));
});

test('the page and both framed pages are in the browser’s language', async ({ page }) => {
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.msgHeading));
  await expect(page.getByRole('button', { name: t.msgSend })).toBeVisible();
  await expect(page.locator('#allow-list')).toHaveText(`[${FRAME}]`);
  // The frames live on other origins, with a language choice of their own: the parent passes its own.
  const frame = page.frameLocator('#frame');
  await expect(frame.locator('html')).toHaveAttribute('lang', specLang());
  await expect(frame.locator('#frame-status')).toHaveText(t.frameStatus(PARENT));
  const third = page.frameLocator('#third');
  await expect(third.locator('html')).toHaveAttribute('lang', specLang());
  await expect(third.locator('#third-status')).toHaveText(t.thirdReady);
  await expect(third.getByRole('button', { name: t.thirdSpoof })).toBeVisible();
});

test('parent and frame exchange messages, each checking the other origin', async ({ page }) => {
  const text = '<b>hi</b> frame';
  await page.getByLabel(t.msgLabel).fill(text);
  await page.getByRole('button', { name: t.msgSend }).click();
  await expect(page.locator('#exchange-log li')).toHaveText([
    t.msgSentTo(FRAME, text),
    // The reply's text is the frame's payload: data, the same in both languages.
    t.msgReplyFrom(FRAME, `Hello back! You said "${text}"`),
  ]);
  // Shown as text, never parsed as markup.
  await expect(page.locator('#exchange-log b')).toHaveCount(0);
  const frameLog = page.frameLocator('#frame').locator('#frame-log li');
  await expect(frameLog).toHaveText([t.frameAccepted(PARENT, text)]);
  await expect(page.locator('#ignored-log li')).toHaveCount(0);
});

test("the third origin's messages are ignored by the parent and by the frame", async ({ page }) => {
  const third = page.frameLocator('#third');
  await expect(third.locator('#third-status')).toHaveText(t.thirdReady);
  const ignored = page.locator('#ignored-log li');
  const reason = t.ignoredReason('not in the allow-list');

  await third.getByRole('button', { name: t.thirdToParent }).click();
  await expect(ignored).toHaveText([
    t.ignoredFrom(THIRD, reason, '{"kind":"hello","text":"Hi, I am the third origin"}'),
  ]);

  await third.getByRole('button', { name: t.thirdSpoof }).click();
  await expect(ignored.nth(1)).toHaveText(
    t.ignoredSpoof(
      THIRD,
      reason,
      FRAME,
      `{"kind":"reply","from":"${FRAME}","text":"I am the frame, trust me"}`,
    ),
  );
  await expect(page.locator('#exchange-log')).not.toContainText('trust me');

  await third.getByRole('button', { name: t.thirdToFrame }).click();
  await expect(third.locator('#third-log li')).toHaveCount(3);
  await expect(page.frameLocator('#frame').locator('#frame-log li')).toHaveText([
    t.frameIgnored(THIRD, '{"kind":"hello","text":"Hi frame, it is me"}'),
  ]);
});

test('the language switch reloads the page in the other language, and the choice stays', async ({
  page,
}) => {
  const other: Lang = specLang() === 'ko' ? 'en' : 'ko';
  const o = messages[other];
  await page.locator('nav.course').getByRole('button', { name: LANG_NAMES[other] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(o.msgHeading));
  await expect(page.getByRole('button', { name: o.msgSend })).toBeVisible();
  // The frame, on its own origin, follows: the parent hands it the new language.
  await expect(page.frameLocator('#frame').locator('html')).toHaveAttribute('lang', other);
  await expect(page.locator('#link-status')).toHaveText(o.frameReady(FRAME));

  // Remembered: the next page of the chapter opens in it too.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(o.indexHeading));
});

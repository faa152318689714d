// The lecture's five XHR examples, as a learner clicks through them: in English
// (project xhr) and in Korean (xhr:ko). Every translated text comes from the pages'
// dictionary; the lecture's own strings (get 호출, 로딩중..., 전송…) are the same in both.
import { plain, specLang, specMessages } from '@course/e2e/lang';
import { expect, test } from '@playwright/test';
import messages from '../client/src/messages.ts';

type Texts = (typeof messages)['en'];
/** The pages' texts in the spec's language (the project is known only while a test runs). */
let t: Texts;
/** The other language of the course, as the nav's switch names it, and its texts. */
let other: { lang: 'en' | 'ko'; name: string; t: Texts };

test.beforeEach(() => {
  t = specMessages(messages);
  other =
    specLang() === 'ko'
      ? { lang: 'en', name: 'English', t: messages.en }
      : { lang: 'ko', name: '한국어', t: messages.ko as Texts };
});

/** Every page of the chapter, with the key of its title. */
const PAGES = [
  ['/', 'homeTitle'],
  ['/readystate', 'rsTitle'],
  ['/ajax1', 'a1Title'],
  ['/ajax2', 'a2Title'],
  ['/ajax3', 'a3Title'],
  ['/ajax4', 'a4Title'],
  ['/api', 'apiTitle'],
  ['/pitfalls', 'pitTitle'],
] as const;

for (const [path, title] of PAGES) {
  test(`${path} is in the browser’s language`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', specLang());
    await expect(page).toHaveTitle(t[title]);
    await expect(page.locator('nav.course')).toContainText(t.navHome);
    await expect(page.locator('h1')).not.toHaveText('');
    // Every key of the page found its text.
    const empty = await page
      .locator('[data-t]')
      .evaluateAll((elements) => elements.filter((e) => !e.textContent?.trim()).length);
    expect(empty, `${path}: elements with data-t but no text`).toBe(0);
  });
}

test('the headings and main buttons are the dictionary’s; the lecture’s stay as it wrote them', async ({
  page,
}) => {
  // Three pages in one test: give it the time of three.
  test.slow();
  await page.goto('/api');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.apiHeading));
  await expect(page.getByRole('button', { name: t.apiTimeoutButton })).toBeVisible();
  await page.goto('/pitfalls');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.pitHeading));
  await expect(page.getByRole('button', { name: t.pitOrderFix })).toBeVisible();
  await page.goto('/ajax3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('/ajax3: 로딩 처리');
  await expect(page.locator('.lead')).toHaveText(plain(t.a3Lead));
  await expect(page.locator('#lecture h2')).toHaveText(plain(t.a3Heading));
  await expect(page.getByRole('button', { name: t.a3LectureButton })).toBeVisible();
  await expect(page.getByRole('button', { name: 'get 호출', exact: true })).toBeVisible();
});

test('the language switch reloads the page in the other language, and is remembered', async ({
  page,
}) => {
  await page.goto('/ajax2');
  await expect(page.getByRole('button', { name: t.a2BurstOwn })).toBeVisible();
  await page.locator('nav.course').getByRole('button', { name: other.name }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', other.lang);
  await expect(page.getByRole('button', { name: other.t.a2BurstOwn })).toBeVisible();
  await expect(page.locator('.lead')).toHaveText(plain(other.t.a2Lead));
  await expect(
    page.locator('nav.course').getByRole('button', { name: other.name }),
  ).toHaveAttribute('aria-pressed', 'true');
  // The next page load keeps the choice, over the browser's language.
  await page.goto('/pitfalls');
  await expect(page.locator('html')).toHaveAttribute('lang', other.lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(other.t.pitHeading));
  // And switching back works the same way.
  const back = specLang() === 'ko' ? '한국어' : 'English';
  await page.locator('nav.course').getByRole('button', { name: back }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', specLang());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(plain(t.pitHeading));
});

test('chapter home links every page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('XMLHttpRequest');
  await expect(page.locator('#pages li').first()).toHaveText(plain(t.homeReadyState));
  for (const path of ['/readystate', '/ajax1', '/ajax2', '/ajax3', '/ajax4', '/api', '/pitfalls']) {
    await expect(page.locator(`#pages a[href="${path}"], #beyond a[href="${path}"]`)).toHaveCount(
      1,
    );
  }
  await page.locator('#pages').getByRole('link', { name: '/ajax1' }).click();
  await expect(page).toHaveURL(/\/ajax1$/);
  await expect(page.getByRole('button', { name: 'Change Content' })).toBeVisible();
});

test('readyState page logs every state by name, then the file', async ({ page }) => {
  await page.goto('/readystate');
  await page.getByRole('button', { name: 'Ajax 요청 보내기!' }).click();
  const log = page.locator('#status li');
  await expect(log.last()).toHaveText('XMLHttpRequest 객체의 현재 상태는 DONE 입니다.');
  const lines = await log.allTextContents();
  const names = lines.map((line) => line.match(/상태는 (\w+) 입니다/)?.[1]);
  expect(names[0]).toBe('UNSENT');
  expect(names).toEqual(expect.arrayContaining(['OPENED', 'HEADERS_RECEIVED', 'LOADING', 'DONE']));
  // States only move forward.
  const order = ['UNSENT', 'OPENED', 'HEADERS_RECEIVED', 'LOADING', 'DONE'];
  const indexes = names.map((name) => order.indexOf(name ?? ''));
  expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
  await expect(page.locator('#text')).toContainText('ajax_intro_data.txt');
});

test("readyState page: the lecture's switch falls through, so each state names every later one", async ({
  page,
}) => {
  await page.goto('/readystate');
  await page.getByRole('button', { name: t.rsLectureButton }).click();
  const log = page.locator('#status li');
  await expect(page.locator('#text')).toContainText('ajax_intro_data.txt');
  const names = (await log.allTextContents()).map((line) => line.match(/상태는 (\w+) 입니다/)?.[1]);
  // open() fires OPENED, and the switch runs on through every case below it.
  expect(names.slice(0, 5)).toEqual(['UNSENT', 'OPENED', 'HEADERS_RECEIVED', 'LOADING', 'DONE']);
  // Every event ends in DONE, so DONE is logged once per event, though the request finished once.
  const events = names.filter((name) => name === 'DONE').length;
  expect(events).toBeGreaterThanOrEqual(4);
  expect(names.at(-1)).toBe('DONE');
  // The fixed switch, on the same page: each state once.
  await page.getByRole('button', { name: 'Ajax 요청 보내기!' }).click();
  await expect(log.filter({ hasText: '상태는 DONE 입니다' })).toHaveCount(1);
});

test('/ajax1: Change Content replaces the button with the text', async ({ page }) => {
  await page.goto('/ajax1');
  await page.getByRole('button', { name: 'Change Content' }).click();
  await expect(page.locator('#demo')).toHaveText(
    '이것은 xmlhttprequest 를 활용한 비동기 통신입니다.',
  );
  await expect(page.getByRole('button', { name: 'Change Content' })).toHaveCount(0);
});

test('/ajax2: each verb shows its method and des', async ({ page }) => {
  await page.goto('/ajax2');
  for (const method of ['get', 'post', 'put', 'delete']) {
    await page.getByRole('button', { name: `${method} 호출` }).click();
    await expect(page.locator('#method')).toHaveText(method);
    await expect(page.locator('#des')).toHaveText(`이것은 ${method} 호출로 얻은 데이터 입니다.`);
  }
});

test('/ajax3: 로딩중... while the server waits, then the data', async ({ page }) => {
  await page.goto('/ajax3');
  await page.getByRole('button', { name: 'get 호출', exact: true }).click();
  await expect(page.locator('#state')).toHaveText('로딩중...');
  await expect(page.locator('#des')).toHaveText('description');
  await expect(page.locator('#des')).toHaveText('이것은 get 호출로 얻은 데이터 입니다.');
  await expect(page.locator('#method')).toHaveText('get');
  await expect(page.locator('#state')).toHaveText('로딩완료');
});

test("/ajax2: get + post at once on the lecture's one XHR: the first is cancelled", async ({
  page,
}) => {
  await page.goto('/ajax2');
  const answers = page.locator('#answers li');
  await page.getByRole('button', { name: t.a2BurstOwn }).click();
  await expect(answers).toHaveCount(2);
  expect((await answers.allTextContents()).sort()).toEqual(['get 호출 → 200', 'post 호출 → 200']);
  await page.getByRole('button', { name: t.a2BurstShared }).click();
  await expect(answers).toHaveText(['post 호출 → 200']);
  await expect(page.locator('#method')).toHaveText('post');
  // A later click's answer comes in after it: the cancelled get never does.
  await page.getByRole('button', { name: 'delete 호출' }).click();
  await expect(answers).toHaveText(['post 호출 → 200', 'delete 호출 → 200']);
});

test("/ajax3: the lecture's handler leaves 로딩중... beside the data", async ({ page }) => {
  await page.goto('/ajax3');
  await page.getByRole('button', { name: t.a3LectureButton }).click();
  await expect(page.locator('#state')).toHaveText('로딩중...');
  await expect(page.locator('#des')).toHaveText('이것은 get 호출로 얻은 데이터 입니다.');
  await expect(page.locator('#method')).toHaveText('get');
  await expect(page.locator('#state')).toHaveText('로딩중...');
});

test('/ajax4: 전송 posts JSON and shows 로딩완료 with both values', async ({ page }) => {
  await page.goto('/ajax4');
  await page.getByLabel('id :').fill('abcd');
  await page.getByLabel('content :').fill('이것은 컨텐츠');
  await page.getByRole('button', { name: '전송' }).click();
  await expect(page.locator('#state')).toHaveText('로딩완료');
  await expect(page.locator('#outid')).toHaveText('abcd');
  await expect(page.locator('#outcontent')).toHaveText('이것은 컨텐츠');
});

test('/ajax4: an XSS payload is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto('/ajax4');
  const payload = '<img src=x onerror=alert(1)>';
  await page.getByLabel('content :').fill(payload);
  await page.getByLabel('content :').press('Enter');
  await expect(page.locator('#outcontent')).toHaveText(payload);
  await expect(page.locator('#outcontent img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

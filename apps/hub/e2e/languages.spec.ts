import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChapter, listChapters } from '@course/chapters';
import { listExercises } from '@course/chapters/exercises';
import { plain, specLang, specMessages } from '@course/e2e/lang';
import { ownChapterPortOffset } from '@course/e2e/ports';
import { type ServerProcess, startChapterServer } from '@course/e2e/server-process';
import { GLOSSARY } from '@course/kit/glossary';
import { expect, test } from '@playwright/test';
import messages from '../client/src/messages.ts';

// The hub in the browser's language: English in the `hub` project, Korean in `hub:ko`
// (locale ko-KR). Titles, lesson texts and exercise tasks come in that language; the
// switch changes it, the choice is remembered, and it goes along to the chapter pages.
// Its own hub and XHR server, on ports nobody else uses (defaults + 20000).

// The spec's language is its project's: known once a test runs (test.info()), so set per test.
let t: (typeof messages)['en'];
let lang: 'en' | 'ko';
let other: 'en' | 'ko';
let readmeFile: string;
test.beforeEach(() => {
  t = specMessages(messages);
  lang = specLang();
  other = lang === 'ko' ? 'en' : 'ko';
  readmeFile = lang === 'ko' ? 'README.ko.md' : 'README.md';
});
const OFFSET = ownChapterPortOffset();
const shiftedPort = (name: string) => findChapter(name).course.ports.PORT + OFFSET;
const hubUrl = `http://localhost:${shiftedPort('hub')}/`;
/** The first heading of a lesson or task file in the spec's language. */
const titleIn = (dir: string) =>
  (readFileSync(join(dir, readmeFile), 'utf8').match(/^# (.+)$/m)?.[1] ?? '').trim();
const xhr = findChapter('xhr');

let hub: ServerProcess;
let xhrServer: ServerProcess;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  hub = await startChapterServer('hub', {
    PORT: String(shiftedPort('hub')),
    CHAPTER_PORT_OFFSET: String(OFFSET),
  });
  xhrServer = await startChapterServer('xhr', { PORT: String(shiftedPort('xhr')) });
});

test.afterAll(async () => {
  await xhrServer?.stop();
  await hub?.stop();
});

test('the list is in the browser’s language: headings, chapter titles and summaries', async ({
  page,
}) => {
  await page.goto(hubUrl);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.heading);
  await expect(page).toHaveTitle(t.docTitle);
  const chapters = listChapters();
  const titles = chapters.map((c) => (lang === 'ko' ? c.course.ko.title : c.course.title));
  await expect(page.locator('li.chapter h3')).toHaveText(titles);
  const first = chapters[0];
  if (!first) throw new Error('the course has no chapters');
  await expect(page.locator('li.chapter').first()).toContainText(
    lang === 'ko' ? first.course.ko.summary : first.course.summary,
  );
  await expect(page.locator('#stream-state')).toHaveText(t.live);
  // The status in words, in the same language.
  await expect(page.locator('li.chapter[data-name="xhr"] .state')).toHaveText(
    t.runningOn(shiftedPort('xhr')),
  );
});

test('a chapter’s lesson and an exercise’s task are shown in the browser’s language', async ({
  page,
}) => {
  await page.goto(`${hubUrl}chapters/xhr`);
  await expect(page.locator('#chapter-title')).toHaveText(
    t.chapterHeading(xhr.course.order, lang === 'ko' ? xhr.course.ko.title : xhr.course.title),
  );
  const lesson = page.frameLocator('#reader');
  await expect(lesson.locator('html')).toHaveAttribute('lang', lang);
  await expect(lesson.getByRole('heading', { level: 1 })).toHaveText(titleIn(xhr.dir));
  await expect(
    lesson.getByRole('heading', { level: 2, name: lang === 'ko' ? '함정' : 'Pitfalls' }),
  ).toBeAttached();

  const exercise = listExercises().find((each) => each.chapter.name === 'xhr');
  if (!exercise) throw new Error('xhr has no exercise');
  await page.goto(`${hubUrl}chapters/xhr/exercises/${exercise.number}`);
  await expect(page.locator('#exercise-title')).toHaveText(
    t.exerciseLink(exercise.number, lang === 'ko' ? exercise.titleKo : exercise.title),
  );
  await expect(page.locator('#exercise-command')).toHaveText(
    plain(t.exerciseCommand(`pnpm practice xhr ${exercise.number}`)),
  );
  const task = page.frameLocator('#exercise-reader');
  await expect(task.getByRole('heading', { level: 1 })).toHaveText(titleIn(exercise.dir));
  await expect(
    task.getByRole('heading', { level: 2, name: lang === 'ko' ? '힌트' : 'Hints' }),
  ).toBeAttached();
});

test('the glossary lists every term, with the Korean beside the English', async ({ page }) => {
  await page.goto(hubUrl);
  await page.locator('#glossary-link').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(Object.keys(GLOSSARY).length);
  const websocket = page.locator('tr#websocket td');
  await expect(websocket.nth(lang === 'ko' ? 0 : 1)).toHaveText('웹소켓');
  await expect(websocket.nth(lang === 'ko' ? 1 : 0)).toHaveText('WebSocket');
  await expect(websocket.nth(2)).toHaveText('웹소켓(WebSocket)');
});

test('the switch changes the language, remembers it, and takes it to the chapter’s page', async ({
  page,
}) => {
  await page.goto(hubUrl);
  const otherT = messages[other];
  await page.getByRole('button', { name: other === 'ko' ? '한국어' : 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(otherT.heading);
  await expect(page.locator('html')).toHaveAttribute('lang', other);
  // Remembered: a new visit is in the chosen language.
  await page.goto(hubUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(otherT.heading);
  // The chapter's page, another origin, opens in it too.
  await page.goto(`${hubUrl}chapters/xhr`);
  const frame = page.locator('#chapter-frame');
  await expect(frame).toHaveAttribute(
    'src',
    `http://localhost:${shiftedPort('xhr')}/?lang=${other}`,
  );
  await expect(page.frameLocator('#chapter-frame').locator('html')).toHaveAttribute('lang', other);
  await expect(page.frameLocator('#reader').locator('html')).toHaveAttribute('lang', other);
  // And back.
  await page.getByRole('button', { name: lang === 'ko' ? '한국어' : 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
});

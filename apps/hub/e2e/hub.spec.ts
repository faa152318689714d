import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { findChapter, listChapters } from '@course/chapters';
import { e2ePorts, ownChapterPortOffset } from '@course/e2e/ports';
import { type ServerProcess, startChapterServer } from '@course/e2e/server-process';
import { expect, type Page, type Route, test } from '@playwright/test';

// The hub lists every chapter in order, says in words whether each runs, and gives each chapter a
// URL of its own where its lesson sits beside its running page.
// This spec runs its own hub and its own XHR server on ports nobody else uses
// (defaults + 20000, see ownChapterPortOffset), so which chapters are up is under its control.

const OFFSET = ownChapterPortOffset();
const chapters = listChapters();
/** A workspace's PORT in this spec's own set: its default (from the metadata) + OFFSET. */
const shiftedPort = (name: string) => findChapter(name).course.ports.PORT + OFFSET;
/** The first line of a chapter's README, as the hub renders it: its `<h1>`. */
const readmeTitle = (name: string) =>
  (readFileSync(join(findChapter(name).dir, 'README.md'), 'utf8').split('\n')[0] ?? '').replace(
    /^#\s+/,
    '',
  );
const xhrPort = shiftedPort('xhr');
const hubPort = shiftedPort('hub');
let hub: ServerProcess;
let xhr: ServerProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  hub = await startChapterServer('hub', {
    PORT: String(hubPort),
    CHAPTER_PORT_OFFSET: String(OFFSET),
  });
  xhr = await startChapterServer('xhr', { PORT: String(xhrPort) });
});

test.afterAll(async () => {
  await xhr?.stop();
  await hub.stop();
});

const hubUrl = `http://localhost:${hubPort}/`;
const chapterUrl = (name: string, page = '') =>
  `${hubUrl}chapters/${name}${page ? `/${page}` : ''}`;
/** The state line (dot and words) of chapter `name` in the list. */
const listState = (page: Page, name: string) =>
  page.locator(`li.chapter[data-name="${name}"] .state`);

test('lists every chapter in course order, each linking to its chapter URL and its own page', async ({
  page,
}) => {
  // The hub the e2e config started (baseURL), which shows the chapters' e2e ports.
  await page.goto('/');
  const items = page.locator('li.chapter');
  await expect(items).toHaveCount(chapters.length);
  await expect(items.locator('h3 a')).toHaveText(chapters.map((chapter) => chapter.course.title));
  for (const [i, chapter] of chapters.entries())
    await expect(items.nth(i).locator('h3 a')).toHaveAttribute('href', `/chapters/${chapter.name}`);
  const first = items.first();
  await expect(first).toContainText(chapters[0]?.course.summary ?? '');
  const xhrE2ePort = e2ePorts(findChapter('xhr')).PORT;
  await expect(first.locator('.ports')).toHaveText(`PORT ${xhrE2ePort}`);
  await expect(first.locator('a.open')).toHaveAttribute('href', `http://localhost:${xhrE2ePort}/`);
});

test('status in words: running on its port, not running with the command to start it, live', async ({
  page,
}) => {
  await page.goto(hubUrl);
  await expect(page.locator('#stream-state')).toHaveText('live');
  await expect(listState(page, 'xhr')).toHaveText(`running on :${xhrPort}`);
  await expect(listState(page, 'xhr').locator('.status')).toHaveAttribute('data-status', 'up');
  for (const chapter of chapters.filter((c) => c.name !== 'xhr')) {
    await expect(listState(page, chapter.name)).toHaveText(
      `not running — start it with pnpm lesson ${chapter.name}`,
    );
    await expect(listState(page, chapter.name).locator('code')).toHaveText(
      `pnpm lesson ${chapter.name}`,
    );
  }

  // The chapter's URL while it runs: its page in the frame.
  await page.locator('li.chapter[data-name="xhr"] h3 a').click();
  await expect(page).toHaveURL(chapterUrl('xhr'));
  const frame = page.locator('#chapter-frame');
  await expect(frame).toHaveAttribute('src', `http://localhost:${xhrPort}/`);
  await expect(page.frameLocator('#chapter-frame').locator('h1')).toHaveText('XMLHttpRequest');

  // Stop the XHR server: the words change without a reload; the frame already open stays,
  // showing what its page does when the server goes away.
  await xhr?.stop();
  xhr = undefined;
  await expect(page.locator('#chapter-state')).toHaveText(
    'not running — start it with pnpm lesson xhr',
  );
  await expect(frame).toHaveCount(1);

  // Back to the list, then forward to the chapter: arriving while it is stopped, the command
  // to start it instead of a dead frame.
  await page.goBack();
  await expect(listState(page, 'xhr')).toHaveText('not running — start it with pnpm lesson xhr');
  await expect(listState(page, 'xhr').locator('.status')).toHaveAttribute('data-status', 'down');
  await page.goForward();
  await expect(page.locator('#start-hint')).toContainText('pnpm lesson xhr');
  await expect(frame).toHaveCount(0);

  // Start it again: the frame appears as soon as it answers, and the words say where it runs.
  xhr = await startChapterServer('xhr', { PORT: String(xhrPort) });
  await expect(page.frameLocator('#chapter-frame').locator('h1')).toHaveText('XMLHttpRequest');
  await expect(page.locator('#chapter-state')).toHaveText(`running on :${xhrPort}`);
  await expect(page.locator('#start-hint')).toHaveCount(0);
});

test("a stranger on a chapter's port: port taken by something else, and no frame", async ({
  page,
}) => {
  // Not the chapter: a program that answers every request, /__course included, with a 404.
  const chapter = chapters.find((c) => c.name !== 'xhr') ?? chapters[0];
  if (!chapter) throw new Error('the course has no chapters');
  const stranger = createServer((_req, res) => res.writeHead(404).end('not a chapter'));
  await new Promise<void>((resolve) =>
    stranger.listen(shiftedPort(chapter.name), '127.0.0.1', resolve),
  );
  try {
    await page.goto(hubUrl);
    await expect(listState(page, chapter.name)).toHaveText('port taken by something else');
    await expect(listState(page, chapter.name).locator('.status')).toHaveAttribute(
      'data-status',
      'taken',
    );
    await page.goto(chapterUrl(chapter.name));
    await expect(page.locator('#chapter-state')).toHaveText('port taken by something else');
    await expect(page.locator('#start-hint')).toContainText(
      `Port ${shiftedPort(chapter.name)} is taken by something else`,
    );
    await expect(page.locator('#chapter-frame')).toHaveCount(0);
  } finally {
    stranger.closeAllConnections();
    await new Promise((resolve) => stranger.close(resolve));
  }
  // The program is gone: the port is free, the chapter is not running.
  await expect(page.locator('#chapter-state')).toHaveText(
    `not running — start it with pnpm lesson ${chapter.name}`,
  );
});

test("a chapter's URL: its lesson text at the top beside its running page; Back returns to the list", async ({
  page,
}) => {
  // A narrow window, where the lesson and the page stack and the chapter view is taller than the window.
  await page.setViewportSize({ width: 800, height: 700 });
  await page.goto(hubUrl);
  // Scrolled down to the last chapter, as a learner who read the summaries is.
  const last = chapters.at(-1);
  if (!last) throw new Error('the course has no chapters');
  await page.locator(`li.chapter[data-name="${last.name}"] h3 a`).scrollIntoViewIfNeeded();
  const listScroll = await page.evaluate(() => window.scrollY);
  expect(listScroll).toBeGreaterThan(0);
  await page.locator(`li.chapter[data-name="${last.name}"] h3 a`).click();

  await expect(page).toHaveURL(chapterUrl(last.name));
  await expect(page).toHaveTitle(`${last.course.title} · Course hub`);
  await expect(page.locator('#chapter-title')).toHaveText(
    `Chapter ${last.course.order} · ${last.course.title}`,
  );
  await expect(page.locator('#list-view')).toBeHidden();
  // The lesson text, from its first heading, in view.
  const lesson = page.frameLocator('#reader');
  await expect(lesson.getByRole('heading', { level: 1 })).toHaveText(readmeTitle(last.name));
  await expect(lesson.getByRole('heading', { name: 'Pitfalls' })).toBeAttached();
  await expect(lesson.getByRole('heading', { level: 1 })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // Back: the list, where the learner left it.
  await page.goBack();
  await expect(page).toHaveURL(hubUrl);
  await expect(page.locator('#list-view')).toBeVisible();
  await expect(page.locator('#chapter-view')).toBeHidden();
  await expect(page.locator('#reader')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(listScroll);
  // Forward: the chapter again, its lesson at the top.
  await page.goForward();
  await expect(page).toHaveURL(chapterUrl(last.name));
  await expect(page.frameLocator('#reader').getByRole('heading', { level: 1 })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // A running chapter's URL: the lesson beside its page, and a link to the page on its own.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator('#chapter-view').getByRole('link', { name: '← All chapters' }).click();
  await expect(page).toHaveURL(hubUrl);
  await page.locator('li.chapter[data-name="xhr"] h3 a').click();
  await expect(page).toHaveURL(chapterUrl('xhr'));
  await expect(page.frameLocator('#reader').getByRole('heading', { level: 1 })).toHaveText(
    readmeTitle('xhr'),
  );
  await expect(page.frameLocator('#chapter-frame').locator('h1')).toHaveText('XMLHttpRequest');
  await expect(page.locator('#chapter-open')).toHaveAttribute(
    'href',
    `http://localhost:${xhrPort}/`,
  );
});

test("a URL of one of a chapter's pages opens that page beside the lesson", async ({ page }) => {
  await page.goto(chapterUrl('xhr', 'ajax1'));
  await expect(page.locator('#chapter-frame')).toHaveAttribute(
    'src',
    `http://localhost:${xhrPort}/ajax1`,
  );
  await expect(page.frameLocator('#chapter-frame').locator('nav.course')).toBeVisible();
  await expect(page.frameLocator('#reader').getByRole('heading', { level: 1 })).toHaveText(
    readmeTitle('xhr'),
  );
  // A stopped chapter's page: the lesson, and the command instead of a frame.
  await page.goto(chapterUrl('ws-echo', 'reconnect'));
  await expect(page.locator('#chapter-title')).toHaveText(
    `Chapter ${findChapter('ws-echo').course.order} · ${findChapter('ws-echo').course.title}`,
  );
  await expect(page.frameLocator('#reader').getByRole('heading', { level: 1 })).toHaveText(
    readmeTitle('ws-echo'),
  );
  await expect(page.locator('#start-hint')).toContainText('pnpm lesson ws-echo');
  await expect(page.locator('#chapter-frame')).toHaveCount(0);
});

test('an unknown chapter name: a 404 that says so, one link from the list', async ({ page }) => {
  const response = await page.goto(chapterUrl('no-such-chapter'));
  expect(response?.status()).toBe(404);
  await expect(page.locator('#missing')).toHaveText('There is no chapter named "no-such-chapter".');
  await page.getByRole('link', { name: '← All chapters' }).click();
  await expect(page).toHaveURL(hubUrl);
  await expect(page.locator('li.chapter')).toHaveCount(chapters.length);
});

// The chapter pages are built to find the hub at http://localhost:1900/. These tests route that
// address to this spec's hub, or to nothing, so what the page sees does not depend on whether a
// learner's own hub happens to run on this machine.
const defaultHub = 'http://localhost:1900/';

test("a chapter's nav links back to the hub while the hub answers", async ({ page }) => {
  await page.route(`${defaultHub}**`, async (route) => {
    const url = new URL(route.request().url());
    // The live streams never end, so they cannot be passed on whole; the hub page says it reconnects.
    if (url.pathname.endsWith('/stream')) return route.abort('connectionrefused');
    await route.fulfill({
      response: await route.fetch({ url: `${hubUrl}${url.pathname.slice(1)}` }),
    });
  });
  await page.goto(`http://localhost:${xhrPort}/`);
  const back = page.getByRole('link', { name: '← Course hub' });
  await expect(back).toHaveAttribute('href', defaultHub);
  await back.click();
  await expect(page).toHaveURL(defaultHub);
  await expect(page.locator('li.chapter')).toHaveCount(chapters.length);
});

test("a chapter's nav says how to start the hub when it does not answer", async ({ page }) => {
  // Nothing at the hub's address for the first page, a program that is not the hub for the second.
  const noHub = [
    (route: Route) => route.abort('connectionrefused'),
    (route: Route) => route.fulfill({ status: 404, body: 'not the hub' }),
  ];
  for (const answer of noHub) {
    const asked: string[] = [];
    await page.unrouteAll();
    await page.route(`${defaultHub}**`, (route) => {
      asked.push(route.request().url());
      return answer(route);
    });
    await page.goto(`http://localhost:${xhrPort}/`);
    // Opening the page asks the hub nothing: no failed request in the console the lessons use.
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([]);
    const nav = page.locator('nav.course');
    await nav.getByRole('link', { name: '← Course hub' }).click();
    await expect(nav.locator('.hub')).toHaveText(
      'Course hub not running: pnpm lesson <chapter> starts a chapter with the hub, pnpm start starts every chapter.',
    );
    await expect(nav.locator('.hub code')).toHaveText(['pnpm lesson <chapter>', 'pnpm start']);
    await expect(nav.getByRole('link', { name: '← Course hub' })).toHaveCount(0);
    await expect(page).toHaveURL(`http://localhost:${xhrPort}/`);
    expect(asked).toContain(`${defaultHub}__course`);
  }
});

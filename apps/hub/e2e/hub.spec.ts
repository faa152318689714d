import { createServer } from 'node:http';
import { findChapter, listChapters } from '@course/chapters';
import { e2ePorts, ownChapterPortOffset } from '@course/e2e/ports';
import { type ServerProcess, startChapterServer } from '@course/e2e/server-process';
import { expect, test } from '@playwright/test';

// The hub lists every chapter in order; a chapter's dot follows its server live.
// This spec runs its own hub and its own XHR server on ports nobody else uses
// (defaults + 20000, see ownChapterPortOffset), so which chapters are up is under its control.

const OFFSET = ownChapterPortOffset();
const chapters = listChapters();
/** A workspace's PORT in this spec's own set: its default (from the metadata) + OFFSET. */
const shiftedPort = (name: string) => findChapter(name).course.ports.PORT + OFFSET;
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

test('lists every chapter in course order with title, summary and ports', async ({ page }) => {
  // The hub the e2e config started (baseURL), which shows the chapters' e2e ports.
  await page.goto('/');
  const items = page.locator('li.chapter');
  await expect(items).toHaveCount(chapters.length);
  await expect(items.locator('h3 a')).toHaveText(chapters.map((chapter) => chapter.course.title));
  const first = items.first();
  await expect(first).toContainText(chapters[0]?.course.summary ?? '');
  const xhrE2ePort = e2ePorts(findChapter('xhr')).PORT;
  await expect(first.locator('.ports')).toHaveText(`pnpm lesson xhr · PORT ${xhrE2ePort}`);
  await expect(first.locator('a.open')).toHaveAttribute('href', `http://localhost:${xhrE2ePort}/`);
});

test('a running chapter is up, a stopped one down, and the dot follows live', async ({ page }) => {
  await page.goto(hubUrl);
  await expect(page.locator('#stream-state')).toHaveText('live');
  const xhrDot = page.locator('li.chapter[data-name="xhr"] .status');
  await expect(xhrDot).toHaveAttribute('data-status', 'up');
  for (const chapter of chapters.filter((c) => c.name !== 'xhr')) {
    await expect(page.locator(`li.chapter[data-name="${chapter.name}"] .status`)).toHaveAttribute(
      'data-status',
      'down',
    );
  }
  // Stop the XHR server: the dot turns red without a reload.
  await xhr?.stop();
  xhr = undefined;
  await expect(xhrDot).toHaveAttribute('data-status', 'down');
  await expect(xhrDot).toHaveAttribute('aria-label', 'XMLHttpRequest: not running');
  // Start it again: green again.
  xhr = await startChapterServer('xhr', { PORT: String(xhrPort) });
  await expect(xhrDot).toHaveAttribute('data-status', 'up');
});

test("a stranger on a chapter's port is told apart from the chapter", async ({ page }) => {
  // Not the chapter: a program that answers every request, /__course included, with a 404.
  const chapter = chapters.find((c) => c.name !== 'xhr') ?? chapters[0];
  if (!chapter) throw new Error('the course has no chapters');
  const stranger = createServer((_req, res) => res.writeHead(404).end('not a chapter'));
  await new Promise<void>((resolve) =>
    stranger.listen(shiftedPort(chapter.name), '127.0.0.1', resolve),
  );
  try {
    await page.goto(hubUrl);
    const dot = page.locator(`li.chapter[data-name="${chapter.name}"] .status`);
    await expect(dot).toHaveAttribute('data-status', 'taken');
    await expect(dot).toHaveAttribute(
      'aria-label',
      `${chapter.course.title}: its port is taken by another program`,
    );
  } finally {
    stranger.closeAllConnections();
    await new Promise((resolve) => stranger.close(resolve));
  }
  // The program is gone: the port is free, the chapter is not running.
  await expect(page.locator(`li.chapter[data-name="${chapter.name}"] .status`)).toHaveAttribute(
    'data-status',
    'down',
  );
});

test("a chapter's link opens the running lesson", async ({ page }) => {
  await page.goto(hubUrl);
  const link = page.locator('li.chapter[data-name="xhr"] a.open');
  await expect(link).toHaveAttribute('href', `http://localhost:${xhrPort}/`);
  await link.click();
  await expect(page).toHaveURL(`http://localhost:${xhrPort}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('XMLHttpRequest');
  // …and the lesson links back to the hub.
  await expect(page.getByRole('link', { name: '← Course hub' })).toBeVisible();
});

test("a chapter's README renders beside the list", async ({ page }) => {
  await page.goto(hubUrl);
  await page
    .locator('li.chapter[data-name="xhr"]')
    .getByRole('button', { name: 'Read the lesson' })
    .click();
  await expect(page.locator('#reader-title')).toHaveText('Lesson: XMLHttpRequest');
  const readme = page.frameLocator('#reader');
  await expect(readme.getByRole('heading', { level: 1 })).toHaveText('Chapter 1 · XMLHttpRequest');
  await expect(readme.getByRole('heading', { name: 'Pitfalls' })).toBeVisible();
});

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findChapter } from '@course/chapters';
import { listExercises, type Progress } from '@course/chapters/exercises';
import { expect, type Page, test } from '@playwright/test';

// The hub lists each chapter's exercises with the learner's progress, gives each exercise a URL
// where its README (hints folded) sits under the command that starts it, and follows the progress
// file live. This spec uses the hub the e2e run started (baseURL), whose progress file is the one
// its "course.testEnv" names: test-results/progress.json, read from the hub's folder.

const hub = findChapter('hub');
const relativeFile = hub.course.testEnv?.COURSE_PROGRESS_FILE;
if (!relativeFile) throw new Error('the hub\'s "course.testEnv" names no COURSE_PROGRESS_FILE');
const progressFile = resolve(hub.dir, relativeFile);

const exercises = listExercises();
const loadingState = exercises.find((exercise) => exercise.id === 'xhr/01-loading-state');
if (!loadingState) throw new Error('the xhr chapter has no exercise xhr/01-loading-state');
const readme = readFileSync(join(loadingState.dir, 'README.md'), 'utf8');
const hintCount = readme.match(/^<details><summary>/gm)?.length ?? 0;
const exerciseUrl = '/chapters/xhr/exercises/1';

/** Writes the progress file, as `pnpm practice` does after a check. */
function writeProgress(progress: Progress): void {
  mkdirSync(dirname(progressFile), { recursive: true });
  writeFileSync(progressFile, JSON.stringify(progress, null, 2));
}

/** An exercise's line in the list, under its chapter. */
const listItem = (page: Page, id: string) =>
  page.locator(`li.chapter[data-name="${id.split('/')[0]}"] li.exercise[data-id="${id}"]`);

// The tests share the hub's one progress file: each starts without one. (A spec file runs in one
// worker, one test after another.)
test.beforeEach(() => {
  rmSync(progressFile, { force: true });
});
test.afterAll(() => {
  rmSync(progressFile, { force: true });
});

test('the list shows every exercise under its chapter, with its status in words and a mark', async ({
  page,
}) => {
  writeProgress({
    [loadingState.id]: {
      status: 'in progress',
      at: new Date().toISOString(),
      passedSteps: 1,
      totalSteps: 3,
    },
  });
  await page.goto('/');
  await expect(page.locator('li.exercise')).toHaveCount(exercises.length);
  for (const exercise of exercises) {
    const item = listItem(page, exercise.id);
    const link = item.getByRole('link');
    await expect(link).toHaveText(`Exercise ${exercise.number} · ${exercise.title}`);
    await expect(link).toHaveAttribute(
      'href',
      `/chapters/${exercise.chapter.name}/exercises/${exercise.number}`,
    );
    if (exercise !== loadingState) {
      await expect(item.locator('.exercise-words')).toHaveText('not started');
      await expect(item.locator('.mark')).toHaveText('○');
    }
  }
  const item = listItem(page, loadingState.id);
  await expect(item.locator('.exercise-words')).toHaveText('in progress — 1 of 3 steps');
  await expect(item.locator('.mark')).toHaveText('◐');
  await expect(item).toHaveAttribute('data-status', 'in progress');
});

test("an exercise's URL: its README with the hints folded, the command that starts it, and Back to the list", async ({
  page,
}) => {
  expect(hintCount).toBeGreaterThan(0);
  await page.goto('/');
  await listItem(page, loadingState.id).getByRole('link').click();
  await expect(page).toHaveURL(exerciseUrl);
  await expect(page).toHaveTitle(`${loadingState.title} · Exercise 1 · Course hub`);
  await expect(page.locator('#exercise-title')).toHaveText(`Exercise 1 · ${loadingState.title}`);
  await expect(page.locator('#exercise-state')).toHaveText('○ not started');
  await expect(page.locator('#exercise-command code').first()).toHaveText('pnpm practice xhr 1');
  await expect(page.locator('#list-view')).toBeHidden();

  // The README, from its title to its hints, each folded: its summary shows, its text does not.
  const reader = page.frameLocator('#exercise-reader');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(loadingState.title);
  await expect(reader.getByRole('heading', { name: 'Hints' })).toBeAttached();
  const hints = reader.locator('details');
  await expect(hints).toHaveCount(hintCount);
  for (let i = 0; i < hintCount; i++) {
    await expect(hints.nth(i)).not.toHaveAttribute('open');
    await expect(hints.nth(i).locator('summary')).toHaveText(`Hint ${i + 1}`);
    await expect(hints.nth(i).locator('summary ~ *').first()).toBeHidden();
  }
  // Opened by the learner, a hint shows its text.
  await hints.first().locator('summary').click();
  await expect(hints.first().locator('summary ~ *').first()).toBeVisible();

  // Back: the list again; Forward: the exercise again.
  await page.goBack();
  await expect(page).toHaveURL('/');
  await expect(page.locator('#list-view')).toBeVisible();
  await expect(page.locator('#exercise-view')).toBeHidden();
  await expect(page.locator('#exercise-reader')).toHaveCount(0);
  await page.goForward();
  await expect(page).toHaveURL(exerciseUrl);
  await expect(page.frameLocator('#exercise-reader').getByRole('heading', { level: 1 })).toHaveText(
    loadingState.title,
  );

  // Its chapter is one link away.
  await page.locator('#exercise-chapter').click();
  await expect(page).toHaveURL('/chapters/xhr');
  await expect(page.locator('#chapter-view')).toBeVisible();
});

test('a check that passes flips the status to passed, live, without a reload', async ({ page }) => {
  await page.goto(exerciseUrl);
  await expect(page.locator('#exercise-state')).toHaveText('○ not started');
  // A mark on this page: still there after the change means the page did not reload.
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });

  writeProgress({
    [loadingState.id]: {
      status: 'passed',
      at: new Date().toISOString(),
      passedSteps: 3,
      totalSteps: 3,
    },
  });
  await expect(page.locator('#exercise-state')).toHaveText('✓ passed');
  await expect(page.locator('#exercise-state')).toHaveAttribute('data-status', 'passed');

  // The list says so too, and follows the next change.
  await page.getByRole('link', { name: '← All chapters' }).first().click();
  await expect(listItem(page, loadingState.id).locator('.exercise-words')).toHaveText('passed');
  await expect(listItem(page, loadingState.id).locator('.mark')).toHaveText('✓');
  rmSync(progressFile);
  await expect(listItem(page, loadingState.id).locator('.exercise-words')).toHaveText(
    'not started',
  );
  expect(
    await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
  ).toBe(true);
});

test('an exercise that does not exist: a 404 that says what the chapter has', async ({ page }) => {
  const response = await page.goto('/chapters/xhr/exercises/99');
  expect(response?.status()).toBe(404);
  await expect(page.locator('#missing')).toContainText(
    `XMLHttpRequest has no exercise "99". Its exercises: 1 (${loadingState.title})`,
  );
});

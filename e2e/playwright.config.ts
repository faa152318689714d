import { join } from 'node:path';
import { type Chapter, listWorkspaces } from '@course/chapters';
import { defineConfig } from '@playwright/test';
import { browserVersion, chooseBrowser } from './browser.ts';
import { e2ePorts } from './ports.ts';

// One project per chapter (and one for the hub), read from the "course" metadata: no list to keep here.
// Each runs the specs in apps/<chapter>/e2e/.
const all = listWorkspaces();

// `pnpm e2e xhr`, `--project xhr` or a spec path (`pnpm e2e apps/xhr/e2e/lecture.spec.ts`) starts
// only that chapter's server. The choice is kept in E2E_CHAPTERS, which the worker
// processes inherit when they load this file again.
const named =
  process.env.E2E_CHAPTERS?.split(',') ??
  process.argv
    .slice(2)
    .flatMap((arg) => arg.replace(/^--project=/, '').split(/[,/]/))
    .map((name) => name.replace(/:ko$/, ''));
const picked = all.filter((chapter) => named.includes(chapter.name));
const chapters: Chapter[] = picked.length > 0 ? picked : all;
process.env.E2E_CHAPTERS = chapters.map((chapter) => chapter.name).join(',');
// Separate output per selection, so two runs for different chapters never wipe each other's files.
const selection = picked.length > 0 ? process.env.E2E_CHAPTERS.replaceAll(',', '+') : 'all';

/** The specs the Korean projects run: each chapter's lecture spec, and the hub's languages spec. */
const KOREAN_SPECS = ['lecture.spec.ts', 'languages.spec.ts'];

// The terminal output the specs read (pnpm lesson, pnpm practice) is the English one, whatever
// the locale of the machine: the page's language is the browser's, set per project below.
process.env.COURSE_LANG = 'en';

const browser = chooseBrowser();
// Computed once in the main process; workers inherit it. The JSON report records it.
process.env.E2E_BROWSER_VERSION ??= browserVersion(browser) ?? 'unknown';

export default defineConfig({
  // Paths in the report read from the repository root: apps/<chapter>/e2e/<file>.spec.ts.
  testDir: join(import.meta.dirname, '..'),
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  // A CI machine may be slower and busier than a learner's: more room there, never a retry.
  timeout: process.env.CI ? 60_000 : 30_000,
  expect: { timeout: 10_000 },
  outputDir: `test-results/${selection}`,
  metadata: {
    browser: process.env.E2E_BROWSER_VERSION,
    browserPath: browser?.executablePath ?? 'playwright',
  },
  reporter: [['list'], ['json', { outputFile: `test-results/e2e-${selection}.json` }]],
  use: {
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: browser?.executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    ...chapters.map((chapter) => ({
      name: chapter.name,
      // Each chapter keeps its specs beside its code, in apps/<chapter>/e2e/.
      testDir: join(chapter.dir, 'e2e'),
      // No locale: Playwright's en-US, so the pages are in English.
      use: { baseURL: `http://localhost:${e2ePorts(chapter).PORT}` },
    })),
    // The same lecture specs (and the hub's) in Korean: a browser whose language is Korean gets
    // the Korean pages, and each spec reads what it expects from the page's own dictionary.
    ...chapters.map((chapter) => ({
      name: `${chapter.name}:ko`,
      testDir: join(chapter.dir, 'e2e'),
      testMatch: KOREAN_SPECS,
      // After the English run of the same chapter, never beside it: both use the chapter's one
      // e2e server, and some demos stop and restart parts of it.
      dependencies: [chapter.name],
      use: { baseURL: `http://localhost:${e2ePorts(chapter).PORT}`, locale: 'ko-KR' },
    })),
  ],
  // Every chosen chapter's server, started side by side (Playwright's webServer starts one after
  // another), stopped after the run: see global-setup.ts.
  globalSetup: './global-setup.ts',
});

// Plain JavaScript on purpose: Vite loads config files with Node, which cannot import .ts from a linked workspace.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codePanels } from './code-panels.js';

/**
 * Vite config for a chapter: the page lives in `client/`, every `client/*.html`
 * is a page of its own (`/ajax1` → `ajax1.html`), the bundle goes to `dist/client`,
 * and each `<div data-code-panel="id">` becomes that demo's code panel.
 * @param {string} chapterDir
 * @returns {import('vite').UserConfig}
 */
export function chapterViteConfig(chapterDir) {
  const root = join(chapterDir, 'client');
  const pages = readdirSync(root).filter((file) => file.endsWith('.html'));
  return {
    root,
    publicDir: false,
    appType: 'mpa',
    // Each demo's code panel, filled from the chapter's own source (see code-panels.js).
    plugins: [codePanels(chapterDir)],
    build: {
      outDir: join(chapterDir, 'dist', 'client'),
      emptyOutDir: true,
      rolldownOptions: {
        input: Object.fromEntries(
          pages.map((page) => [page.replace(/\.html$/, ''), join(root, page)]),
        ),
      },
    },
  };
}

/**
 * Vitest config for a chapter's integration tests: `test/**\/*.test.ts`, plus a
 * JSON report that `pnpm test` sums into its closing line, and 10 s for `expect.poll`.
 * @returns {import('vitest/config').ViteUserConfig}
 */
export function chapterTestConfig() {
  return {
    test: {
      include: ['test/**/*.test.ts'],
      // Under mutation testing (Stryker's workers), leave out the exercises' checks: they run
      // the exercises in child processes, so they cannot tell one mutant of the server from another.
      exclude:
        process.env.STRYKER_MUTATOR_WORKER === undefined
          ? ['**/node_modules/**']
          : ['**/node_modules/**', 'test/exercises.test.ts'],
      environment: 'node',
      // Tests read the English texts, whatever the locale of the machine running them.
      env: { COURSE_LANG: 'en' },
      testTimeout: 20_000,
      // Tests wait on real sockets and timers, and the machine may be busy: expect.poll() waits up to 10 s.
      expect: { poll: { timeout: 10_000 } },
      reporters: ['default', 'json'],
      outputFile: { json: 'test-results/vitest.json' },
    },
  };
}

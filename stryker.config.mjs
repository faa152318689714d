// @ts-check
// StrykerJS for one chapter's server code. `pnpm mutation [chapter]` runs it in
// the chapter's folder (`stryker run ../../stryker.config.mjs`), so every path
// below is relative to that chapter.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['server/**/*.ts', '!server/main.ts'],
  testRunner: 'vitest',
  // Under pnpm, Stryker cannot find the runner plugin by its package name: name it by its resolved path.
  plugins: [require.resolve('@stryker-mutator/vitest-runner')],
  vitest: { configFile: 'vitest.config.ts' },
  // TypeScript 7 has no JavaScript API for Stryker to read a tsconfig with: point it at none.
  tsconfigFile: 'no-tsconfig-for-stryker.json',
  // Only mutants whose code or tests changed run again; the file is committed.
  incremental: true,
  incrementalFile: 'mutation/stryker-incremental.json',
  reporters: ['progress', 'json', 'html'],
  jsonReporter: { fileName: 'mutation/report/mutation.json' },
  htmlReporter: { fileName: 'mutation/report/mutation.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // The integration tests run real servers with real timers: give a slow mutant room before calling it a timeout.
  timeoutMS: 10_000,
  timeoutFactor: 2,
  ignoreStatic: true,
};

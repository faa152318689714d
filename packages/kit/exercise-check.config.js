// Vitest config for an exercise's check (`check.test.ts` in the exercise folder),
// run by `pnpm practice` and by each chapter's exercises test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['check.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // A check's steps tell a learner what is missing in order: stop at none, run them one by one.
    sequence: { concurrent: false },
    expect: { poll: { timeout: 5_000 } },
  },
});

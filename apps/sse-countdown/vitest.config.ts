import { chapterTestConfig } from '@course/kit/vite-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// expect.poll waits up to 15 s here, not 1 s: a real EventSource that was not
// sent `retry:` waits its default 3 s before it reconnects.
export default defineConfig(
  mergeConfig(chapterTestConfig(), {
    test: { expect: { poll: { timeout: 15_000, interval: 20 } } },
  }),
);

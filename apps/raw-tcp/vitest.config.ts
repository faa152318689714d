import { chapterTestConfig } from '@course/kit/vite-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// expect.poll() waits up to 5 s here, not 1 s: the tests wait on real sockets and
// timers (idle timeouts of 600-800 ms), and the machine running them may be busy.
export default defineConfig(
  mergeConfig(chapterTestConfig(), { test: { expect: { poll: { timeout: 5000 } } } }),
);

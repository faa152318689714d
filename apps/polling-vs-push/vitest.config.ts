import { chapterTestConfig } from '@course/kit/vite-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// Real servers, real clients and runs that publish on timers, on a busy machine:
// expect.poll() waits up to 10 s, not 1 s.
export default mergeConfig(
  chapterTestConfig(),
  defineConfig({ test: { expect: { poll: { timeout: 10_000 } } } }),
);

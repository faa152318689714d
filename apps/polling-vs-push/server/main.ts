import { intFromEnv, runChapter } from '@course/kit';
import { createFeedServer } from './app.ts';

const longPollTimeoutMs = intFromEnv('LONG_POLL_TIMEOUT_MS', 20_000, 100, 120_000);

// Entry point: one server on PORT (default 2200) carries the page and all six techniques.
await runChapter(import.meta.url, ({ client }) => ({
  PORT: createFeedServer({ client, longPollTimeoutMs }),
}));

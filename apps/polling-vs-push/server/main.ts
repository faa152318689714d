import { runChapter } from '@course/kit';
import { createFeedServer } from './app.ts';

const longPollTimeoutMs = Number(process.env.LONG_POLL_TIMEOUT_MS ?? 20_000);
if (!Number.isInteger(longPollTimeoutMs) || longPollTimeoutMs < 100 || longPollTimeoutMs > 120_000)
  throw new Error(
    `LONG_POLL_TIMEOUT_MS=${process.env.LONG_POLL_TIMEOUT_MS} must be a whole number of ms from 100 to 120000`,
  );

// Entry point: one server on PORT (default 2200) carries the page and all six techniques.
await runChapter(import.meta.url, ({ client }) => ({
  PORT: createFeedServer({ client, longPollTimeoutMs }),
}));

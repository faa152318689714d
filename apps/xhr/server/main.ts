import { createServer } from 'node:http';
import { runChapter } from '@course/kit';
import { createApp } from './app.js';

const ajax3DelayMs = Number(process.env.AJAX3_DELAY_MS ?? 5000);
if (!Number.isInteger(ajax3DelayMs) || ajax3DelayMs < 0)
  throw new Error(
    `AJAX3_DELAY_MS=${process.env.AJAX3_DELAY_MS} is not a whole number of milliseconds`,
  );

// Entry point: listen on PORT (default 2000, as in the lecture) and serve the pages.
await runChapter(import.meta.url, ({ client }) => ({
  PORT: createServer(createApp({ client, ajax3DelayMs })),
}));

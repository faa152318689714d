import { createServer } from 'node:http';
import { intFromEnv, runChapter } from '@course/kit';
import { createApp } from './app.js';

const ajax3DelayMs = intFromEnv('AJAX3_DELAY_MS', 5000, 0, 60_000);

// Entry point: listen on PORT (default 2000, as in the lecture) and serve the pages.
await runChapter(import.meta.url, ({ client }) => ({
  PORT: createServer(createApp({ client, ajax3DelayMs })),
}));

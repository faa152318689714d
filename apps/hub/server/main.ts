import { createServer } from 'node:http';
import { intFromEnv, runChapter } from '@course/kit';
import { createApp } from './app.ts';

const chapterPortOffset = intFromEnv('CHAPTER_PORT_OFFSET', 0, 0, 50_000);

// Entry point: the hub on PORT (default 1900).
await runChapter(import.meta.url, ({ client }) => ({
  PORT: createServer(createApp({ client, chapterPortOffset })),
}));

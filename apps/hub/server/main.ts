import { createServer } from 'node:http';
import { runChapter } from '@course/kit';
import { createApp } from './app.ts';

const chapterPortOffset = Number(process.env.CHAPTER_PORT_OFFSET ?? 0);
if (!Number.isInteger(chapterPortOffset))
  throw new Error(`CHAPTER_PORT_OFFSET=${process.env.CHAPTER_PORT_OFFSET} is not a whole number`);

// Entry point: the hub on PORT (default 1900).
await runChapter(import.meta.url, ({ client }) => ({
  PORT: createServer(createApp({ client, chapterPortOffset })),
}));

import { runChapter } from '@course/kit';
import { createServer } from './app.ts';

/** Reads a positive whole-number env var, or stops with a clear error. */
function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name}=${raw} is not a positive whole number`);
  return value;
}

const maxEventsPerSecond = positiveInt('CHAT_MAX_EVENTS_PER_SECOND', 10);
const recoveryMs = positiveInt('CHAT_RECOVERY_MS', 120_000);

// Entry point: the chat and its page on PORT (default 4300), Socket.IO at /socket.io/.
await runChapter(import.meta.url, ({ client }) => ({
  PORT: createServer({ client, maxEventsPerSecond, recoveryMs }).http,
}));

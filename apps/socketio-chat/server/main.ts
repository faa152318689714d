import { intFromEnv, runChapter } from '@course/kit';
import { createServer } from './app.ts';

const maxEventsPerSecond = intFromEnv('CHAT_MAX_EVENTS_PER_SECOND', 10, 1);
const recoveryMs = intFromEnv('CHAT_RECOVERY_MS', 120_000, 1);

// Entry point: the chat and its page on PORT (default 4300), Socket.IO at /socket.io/.
await runChapter(import.meta.url, ({ client }) => ({
  PORT: createServer({ client, maxEventsPerSecond, recoveryMs }).http,
}));

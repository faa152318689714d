import { intFromEnv, runChapter } from '@course/kit';
import { createRawTcp } from './app.ts';

const idleTimeoutMs = intFromEnv('TCP_IDLE_TIMEOUT_MS', 30_000, 100, 24 * 60 * 60 * 1000);
const maxLineBytes = intFromEnv('TCP_MAX_LINE_BYTES', 64 * 1024, 1, 16 * 1024 * 1024);

// Entry point: the bridge and page on PORT (4100), the lecture's TCP server on
// TCP_PORT (4000, the lecture's port), the framed echo server on FRAMED_TCP_PORT (4001).
await runChapter(import.meta.url, ({ client }) => {
  const servers = createRawTcp({ client, idleTimeoutMs, maxLineBytes });
  return { PORT: servers.http, TCP_PORT: servers.tcp, FRAMED_TCP_PORT: servers.framed };
});

import { runChapter } from '@course/kit';
import { createRawTcp } from './app.ts';

/** Reads a whole-number env var within [min, max], or stops with a clear error. */
function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name}=${raw} must be a whole number from ${min} to ${max}`);
  return value;
}

const idleTimeoutMs = intEnv('TCP_IDLE_TIMEOUT_MS', 30_000, 100, 24 * 60 * 60 * 1000);
const maxLineBytes = intEnv('TCP_MAX_LINE_BYTES', 64 * 1024, 1, 16 * 1024 * 1024);

// Entry point: the bridge and page on PORT (4100), the lecture's TCP server on
// TCP_PORT (4000, the lecture's port), the framed echo server on FRAMED_TCP_PORT (4001).
await runChapter(import.meta.url, ({ client }) => {
  const servers = createRawTcp({ client, idleTimeoutMs, maxLineBytes });
  return { PORT: servers.http, TCP_PORT: servers.tcp, FRAMED_TCP_PORT: servers.framed };
});

import { createServer } from 'node:http';
import { runChapter } from '@course/kit';
import { createApp } from './app.ts';

/** Reads a whole-number env var within [min, max], or stops with a clear error. */
function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new Error(`${name}=${raw} must be a whole number from ${min} to ${max}`);
  return value;
}

const intervalMs = intEnv('COUNTDOWN_INTERVAL_MS', 1000, 10, 60_000);
const retryMs = intEnv('COUNTDOWN_RETRY_MS', 1000, 10, 60_000);
const heartbeatMs = intEnv('COUNTDOWN_HEARTBEAT_MS', 15_000, 10, 3_600_000);
const maxStreamsPerClient = intEnv('COUNTDOWN_MAX_STREAMS', 20, 1, 10_000);

// Entry point: listen on PORT (default 3100) and serve the pages.
await runChapter(import.meta.url, ({ client }) => ({
  PORT: createServer(createApp({ client, intervalMs, retryMs, heartbeatMs, maxStreamsPerClient })),
}));

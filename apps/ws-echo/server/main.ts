import { intFromEnv, runChapter } from '@course/kit';
import { createEchoServer, DEV_SERVER_ORIGINS, isViteUpgrade } from './app.js';

const heartbeatMs = intFromEnv('WS_HEARTBEAT_MS', 30_000, 1);
const maxPayload = intFromEnv('WS_MAX_PAYLOAD', 1024 * 1024, 1);
const extraOrigins = (process.env.WS_ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);
for (const origin of extraOrigins) {
  if (!/^https?:\/\/[^/\s]+$/.test(origin))
    throw new Error(
      `WS_ALLOWED_ORIGINS: "${origin}" is not an origin like http://localhost:5173 (no path, no slash)`,
    );
}
const dev = process.argv.includes('--dev');

// Entry point: the page and the WebSocket endpoints share PORT (default 4200).
await runChapter(import.meta.url, ({ client }) => ({
  PORT: createEchoServer({
    client,
    heartbeatMs,
    maxPayload,
    allowedOrigins: [...DEV_SERVER_ORIGINS, ...extraOrigins],
    // In dev mode Vite's HMR socket arrives on the same server and path: leave it to Vite.
    leaveUpgrade: dev ? isViteUpgrade : () => false,
  }),
}));

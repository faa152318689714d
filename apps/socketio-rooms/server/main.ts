import { runChapter } from '@course/kit';
import { createRoomsServer } from './app.ts';

// Entry point: Socket.IO and the pages on PORT (default 3000, as in the lecture).
await runChapter(import.meta.url, ({ client }) => {
  const { httpServer, io } = createRoomsServer({ client, log: true });
  // On Ctrl-C, close every Socket.IO connection too: an open WebSocket would
  // otherwise keep the HTTP server's close() (and so the exit) waiting.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void io.disconnectSockets(true));
  return { PORT: httpServer };
});

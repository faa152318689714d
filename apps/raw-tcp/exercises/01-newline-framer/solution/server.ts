// Exercise: a newline framer. One solution.
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { defineChapter, intVar } from '@course/kit';
import { describeError } from '../../../server/log.ts';

/**
 * A framer for one connection: hand it each chunk as it comes off the wire, and
 * it returns the messages (lines, without their `\n`) that the chunk completed.
 * It throws when a line grows past `maxLineBytes` before its `\n` comes.
 */
function createFramer(maxLineBytes: number): (chunk: Buffer) => string[] {
  // The bytes of the line whose newline has not come yet.
  let pending = Buffer.alloc(0);
  const tooLong = () => new RangeError(`line exceeds ${maxLineBytes} bytes without a newline`);
  return (chunk) => {
    // A message ends at a newline byte, not at the end of a data event: join, then split.
    pending = Buffer.concat([pending, chunk]);
    const messages: string[] = [];
    for (let end = pending.indexOf(0x0a); end !== -1; end = pending.indexOf(0x0a)) {
      if (end > maxLineBytes) throw tooLong();
      // Only whole lines are decoded, so a character cut between two chunks is whole again.
      messages.push(pending.subarray(0, end).toString('utf8').replace(/\r$/, ''));
      pending = pending.subarray(end + 1);
    }
    // The unfinished line waits for the next chunk, but not without a bound.
    if (pending.length > maxLineBytes) throw tooLong();
    return messages;
  };
}

interface ClientOptions {
  maxLineBytes: number;
  idleTimeoutMs: number;
  log: (line: string) => void;
}

/** One client of the line server: each message it sends is answered with `#<n> <message>`. */
function serveClient(socket: Socket, { maxLineBytes, idleTimeoutMs, log }: ClientOptions): void {
  const who = `${socket.remoteAddress}:${socket.remotePort}`;
  const frame = createFramer(maxLineBytes);
  let received = 0;
  let refused = false;
  log(`[lines] ${who} connected`);
  // error: a reset or a broken pipe ends this socket only.
  socket.on('error', (err) => log(`[lines] ${who} ${describeError(err)}`));
  // close: the client is gone, however it left.
  socket.on('close', () => log(`[lines] ${who} closed`));
  // timeout: a client that has been silent for idleTimeoutMs is let go.
  socket.setTimeout(idleTimeoutMs, () => socket.destroy());

  // data: some bytes arrived; the framer says which messages they complete.
  socket.on('data', (chunk: Buffer) => {
    if (refused) return;
    try {
      for (const message of frame(chunk)) {
        received += 1;
        socket.write(`#${received} ${message}\n`);
      }
    } catch (err) {
      // The framer gave up on this client: say why in a line, then close our side.
      refused = true;
      log(`[lines] ${who} refused: ${(err as Error).message}`);
      socket.end(`ERROR: ${(err as Error).message}; closing the connection\n`);
    }
  });
}

/** The exercise in place of the chapter: the line server on FRAMED_TCP_PORT (4001). */
export default defineChapter({
  env: {
    /** A client silent this long is disconnected. */
    TCP_IDLE_TIMEOUT_MS: intVar(30_000, 100, 24 * 60 * 60 * 1000),
    /** The longest line accepted, in bytes. */
    TCP_MAX_LINE_BYTES: intVar(64 * 1024, 1, 16 * 1024 * 1024),
  },
  create: ({ client, env, log }) => {
    const lines = createServer((socket) =>
      serveClient(socket, {
        maxLineBytes: env.TCP_MAX_LINE_BYTES,
        idleTimeoutMs: env.TCP_IDLE_TIMEOUT_MS,
        log,
      }),
    );
    lines.on('error', (err) => log(`[lines] server error: ${describeError(err)}`));
    // No page in this exercise: the kit's handler answers /__course, anything else is a 404.
    const http = createHttpServer((req, res) => client(req, res, () => res.writeHead(404).end()));
    return { PORT: http, FRAMED_TCP_PORT: lines };
  },
});

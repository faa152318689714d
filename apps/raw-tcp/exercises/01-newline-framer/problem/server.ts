// Exercise: a newline framer. See README.md beside this folder.
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
  // TODO: this takes every data event for one whole message, as the lecture's server does.
  // TCP keeps no message boundaries: a chunk can hold half a line, or three lines and a bit.
  return (chunk) => {
    // TODO: and this bounds a chunk, not a line: a long line in small chunks passes.
    if (chunk.length > maxLineBytes)
      throw new RangeError(`line exceeds ${maxLineBytes} bytes without a newline`);
    return [chunk.toString('utf8').replace(/\r?\n$/, '')];
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

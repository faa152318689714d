// Exercise: survive a reset. See README.md beside this folder.
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { defineChapter } from '@course/kit';
import { describeError } from '../../../server/log.ts';
import { LineSplitter } from '../../../shared/line-splitter.ts';

/** The longest line a client may send; past it, that client is dropped. */
const MAX_LINE_BYTES = 16 * 1024;
/** How much a slow reader may have queued for it before it is dropped. */
const MAX_QUEUED_BYTES = 1024 * 1024;

/**
 * A line relay: every line a client sends goes to every other client as
 * `#<id>: <line>`. A newcomer is told how many others are here, and the others
 * are told when someone leaves.
 */
function createRelay(log: (line: string) => void): Server {
  /** Everyone connected now, by number. */
  const clients = new Map<number, Socket>();
  let nextId = 1;

  /** Sends `line` to every client but `from`; a client too slow to keep up is dropped. */
  const relay = (from: number, line: string) => {
    for (const [id, peer] of clients) {
      if (id === from) continue;
      if (peer.writableLength > MAX_QUEUED_BYTES) peer.destroy();
      else peer.write(`${line}\n`);
    }
  };

  const server = createServer((socket) => {
    const id = nextId++;
    const splitter = new LineSplitter(MAX_LINE_BYTES);
    const decoder = new TextDecoder();
    socket.write(`SERVER: you are #${id}; ${clients.size} other(s) here\n`);
    clients.set(id, socket);
    log(`[relay] #${id} joined`);

    // data: each complete line goes to the others.
    socket.on('data', (chunk: Buffer) => {
      try {
        for (const line of splitter.push(chunk)) relay(id, `#${id}: ${decoder.decode(line)}`);
      } catch {
        // A line over MAX_LINE_BYTES: this client is dropped.
        socket.destroy();
      }
    });

    // TODO: a client that resets its connection (an RST, not a FIN) takes the whole server down,
    // every other client with it. And even once it does not, the others are never told it left.
    // end: the client closed its side, so it has left.
    socket.on('end', () => {
      clients.delete(id);
      log(`[relay] #${id} left`);
      relay(id, `SERVER: #${id} left`);
    });
  });
  // As in the lecture: a listener on the server, for the server's own errors (a port in use).
  server.on('error', (err) => log(`[relay] server error: ${describeError(err)}`));
  return server;
}

/** The exercise in place of the chapter: the relay on FRAMED_TCP_PORT (4001). */
export default defineChapter({
  create: ({ client, log }) => ({
    // No page in this exercise: the kit's handler answers /__course, anything else is a 404.
    PORT: createHttpServer((req, res) => client(req, res, () => res.writeHead(404).end())),
    FRAMED_TCP_PORT: createRelay(log),
  }),
});

import { once } from 'node:events';
import { createConnection, type Socket } from 'node:net';
import { listening } from '@course/kit/test-server';
import { createServers, type ServersOptions } from '../server/app.ts';

/** The chapter's three servers from `createServers(options)`, each listening on a free port. */
export async function start(options: ServersOptions = {}) {
  const servers = createServers(options);
  const http = await listening(servers.http);
  const tcp = await listening(servers.tcp);
  const framed = await listening(servers.framed);
  return {
    /** The bridge's base URL. */
    url: http.url,
    http,
    tcp,
    framed,
    lecture: servers.lecture,
    /** Closes all three and ends their connections. */
    close: async () => {
      await Promise.all([http.close(), tcp.close(), framed.close()]);
    },
  };
}

/** A real node:net client for tests, that records everything it receives. */
export interface Peer {
  socket: Socket;
  /** Every `data` event, in order. */
  chunks: Buffer[];
  /** Errors the socket emitted (a test client must never crash the test run either). */
  errors: Error[];
  /** All bytes received so far, as UTF-8 (poll it with `expect.poll(() => peer.text())`). */
  text(): string;
  /** Resolves when the socket is closed, with the ms it took from connect. */
  closed: Promise<number>;
}

/** Connects to 127.0.0.1:`port` and resolves once connected. */
export async function connectPeer(port: number, allowHalfOpen = false): Promise<Peer> {
  const socket = createConnection({ host: '127.0.0.1', port, allowHalfOpen });
  const chunks: Buffer[] = [];
  const errors: Error[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', (err) => errors.push(err));
  await once(socket, 'connect');
  const started = performance.now();
  // Not events.once(): that rejects on 'error', and a reset is an expected way to close here.
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => resolve(performance.now() - started)),
  );
  const text = () => Buffer.concat(chunks).toString('utf8');
  return { socket, chunks, errors, text, closed };
}

/** Rejects if `promise` takes longer than `ms`. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Resolves when `socket` emits `name`; unlike events.once() it never rejects. */
export function nextEvent(socket: Socket, name: 'drain' | 'close'): Promise<void> {
  return new Promise((resolve) => socket.once(name, () => resolve()));
}

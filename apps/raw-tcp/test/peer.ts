import { once } from 'node:events';
import { createConnection, type Socket } from 'node:net';

/** A real node:net client for tests, that records everything it receives. */
export interface Peer {
  socket: Socket;
  /** Every `data` event, in order. */
  chunks: Buffer[];
  /** Errors the socket emitted (a test client must never crash the test run either). */
  errors: Error[];
  /** All bytes received so far, as UTF-8. */
  text(): string;
  /** Resolves with the received text once `test(text)` holds; rejects after `ms`. */
  until(test: (text: string) => boolean, ms?: number): Promise<string>;
  /** Resolves when the socket is closed, with the ms it took from connect. */
  closed: Promise<number>;
}

/** Connects to 127.0.0.1:`port` and resolves once connected. */
export async function connectPeer(port: number, allowHalfOpen = false): Promise<Peer> {
  const socket = createConnection({ host: '127.0.0.1', port, allowHalfOpen });
  const chunks: Buffer[] = [];
  const errors: Error[] = [];
  const waiters = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    for (const check of waiters) check();
  });
  socket.on('error', (err) => errors.push(err));
  await once(socket, 'connect');
  const started = performance.now();
  // Not events.once(): that rejects on 'error', and a reset is an expected way to close here.
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => {
      for (const check of waiters) check();
      resolve(performance.now() - started);
    }),
  );
  const text = () => Buffer.concat(chunks).toString('utf8');
  const until = (test: (text: string) => boolean, ms = 5000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (test(text())) {
          finish();
          resolve(text());
        } else if (socket.destroyed) {
          finish();
          reject(new Error(`closed before the expected data; got ${JSON.stringify(text())}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${ms} ms; got ${JSON.stringify(text().slice(0, 300))}`));
      }, ms);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return { socket, chunks, errors, text, until, closed };
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

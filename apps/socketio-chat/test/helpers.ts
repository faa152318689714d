import { type Listening, listening } from '@course/kit/test-server';
import {
  io as connectClient,
  type ManagerOptions,
  type Socket,
  type SocketOptions,
} from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../events.ts';
import { type ChatIo, type ChatServerOptions, createServer } from '../server/app.ts';

export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Started extends Listening {
  io: ChatIo;
  logs: string[];
}

/** A real chat server on a free loopback port; its log lines are kept in `logs`. */
export async function start(options: ChatServerOptions = {}): Promise<Started> {
  const logs: string[] = [];
  const { http, io } = createServer({ log: (line) => logs.push(line), ...options });
  const server = await listening(http);
  return {
    ...server,
    io,
    logs,
    close: async () => {
      await io.close();
      await server.close();
    },
  };
}

const opened: Socket[] = [];

/** A connected socket.io-client (websocket only, quick reconnects); not yet connected with `autoConnect: false`. */
export async function connect(
  url: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<ChatClient> {
  const socket: ChatClient = connectClient(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 200,
    ...options,
  });
  opened.push(socket);
  if (options.autoConnect === false) return socket;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Disconnects every client opened by `connect()` so far. */
export function disconnectAll(): void {
  for (const socket of opened.splice(0)) socket.disconnect();
}

/** The same socket without the typed event maps, to send what the types forbid. */
export const untyped = (socket: ChatClient): Socket => socket as unknown as Socket;

/** Emits `event` with `args` and resolves with the ack (rejects after 5 s without one). */
export function ask(socket: ChatClient, event: string, ...args: unknown[]): Promise<Ack> {
  return untyped(socket)
    .timeout(5000)
    .emitWithAck(event, ...args) as Promise<Ack>;
}

/** Logs in and checks the ack. */
export async function login(socket: ChatClient, name: string, userid = `${name}@example.com`) {
  const ack = await ask(socket, 'login', { name, userid });
  if (!ack.ok) throw new Error(`login failed: ${ack.error}`);
}

/** Every payload `socket` receives for `event`, in order. */
export function collect<T = unknown>(socket: ChatClient, event: string): T[] {
  const got: T[] = [];
  untyped(socket).on(event, (payload: T) => got.push(payload));
  return got;
}

/** Polls `check` until it is true, or fails after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a marker with io.emit from `sender` and waits until every one of
 * `clients` has it. Socket.IO keeps order per connection, so anything sent
 * before the marker that has not arrived by then was never sent to that client.
 */
export async function flush(sender: ChatClient, clients: ChatClient[], marker = 'marker') {
  const seen = clients.map(() => false);
  const handlers = clients.map((client, index) => {
    const handler = (message: { msg: string }) => {
      if (message.msg === marker) seen[index] = true;
    };
    untyped(client).on('chat', handler);
    return handler;
  });
  const ack = await ask(sender, 'chat', { msg: marker });
  if (!ack.ok) throw new Error(`marker refused: ${ack.error}`);
  await until(() => seen.every(Boolean), `marker "${marker}" to reach every client`);
  clients.forEach((client, index) => {
    untyped(client).off('chat', handlers[index]);
  });
}

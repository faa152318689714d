import { type Listening, listening } from '@course/kit/test-server';
import {
  io as connectClient,
  type ManagerOptions,
  type Socket,
  type SocketOptions,
} from 'socket.io-client';
import { expect, vi } from 'vitest';
import type { ChatMessage, ClientToServerEvents, ServerToClientEvents } from '../events.ts';
import { type ChatIo, createServers, type ServersOptions } from '../server/app.ts';

/** A typed client: a renamed event or a wrong payload in a test fails `pnpm typecheck`. */
export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a test waits for an ack: `client.timeout(ACK_MS).emitWithAck(…)`. */
export const ACK_MS = 5000;

export interface Started extends Listening {
  io: ChatIo;
  logs: string[];
}

/** A real chat server on a free loopback port; its log lines are kept in `logs`. */
export async function start(options: ServersOptions = {}): Promise<Started> {
  const logs: string[] = [];
  const { http, io } = createServers({ log: (line) => logs.push(line), ...options });
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

const opened: ChatClient[] = [];

/** A connected socket.io-client (websocket only, quick reconnects); not yet connected with `autoConnect: false`. */
export async function connect(
  url: string,
  options: Partial<ManagerOptions & SocketOptions> = {},
): Promise<ChatClient> {
  const client: ChatClient = connectClient(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 200,
    ...options,
  });
  opened.push(client);
  if (options.autoConnect === false) return client;
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', reject);
  });
  return client;
}

/** Disconnects every client opened by `connect()` so far. */
export function disconnectAll(): void {
  for (const client of opened.splice(0)) client.disconnect();
}

/**
 * The one way around the event maps, for the bad-input tests only: emits
 * `event` with exactly `args` (no ack is added), which the types would refuse.
 */
export function emitRaw(client: ChatClient, event: string, ...args: unknown[]): void {
  (client as unknown as Socket).emit(event, ...args);
}

/** Logs in and checks the ack. */
export async function login(client: ChatClient, name: string, userid = `${name}@example.com`) {
  const ack = await client.timeout(ACK_MS).emitWithAck('login', { name, userid });
  if (!ack.ok) throw new Error(`login failed: ${ack.error}`);
}

/** What the server sends with `event`. */
export type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** Every payload `client` receives for `event`, in order. */
export function collect<E extends keyof ServerToClientEvents>(
  client: ChatClient,
  event: E,
): Payload<E>[] {
  const got: Payload<E>[] = [];
  const listener = (payload: Payload<E>) => got.push(payload);
  // socket.io's listener type cannot be resolved for a generic `E`; callers still get `Payload<E>`.
  client.on(event, listener as never);
  return got;
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
    const handler = (message: ChatMessage) => {
      if (message.msg === marker) seen[index] = true;
    };
    client.on('chat', handler);
    return handler;
  });
  const ack = await sender.timeout(ACK_MS).emitWithAck('chat', { msg: marker });
  if (!ack.ok) throw new Error(`marker refused: ${ack.error}`);
  await vi.waitFor(() => expect(seen, `marker "${marker}" on every client`).not.toContain(false), {
    timeout: 10_000,
  });
  clients.forEach((client, index) => {
    client.off('chat', handlers[index]);
  });
}

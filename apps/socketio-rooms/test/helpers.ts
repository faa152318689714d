import { listening } from '@course/kit/test-server';
import { io, type Socket } from 'socket.io-client';
import { vi } from 'vitest';
import type { ChatAuth, ClientToServerEvents, Mode, ServerToClientEvents } from '../events.ts';
import { createServers, type RoomsIo, type ServersOptions } from '../server/app.ts';

/** A typed client of this chapter: events and payloads as `events.ts` declares them. */
export type RoomsClient = Socket<ServerToClientEvents, ClientToServerEvents>;

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];
/** One event as a client received it, its payload typed by its name. */
type Received = { [E in EventName]: { event: E; data: Payload<E> } }[EventName];

/** How long a test waits for something that should happen; generous for a loaded machine. */
export const WAIT_MS = 8000;

/**
 * The one untyped escape, for bad-input tests only: the same connection with
 * any event name and any payload allowed, to send what `events.ts` forbids.
 */
export function untyped(client: RoomsClient): Socket {
  return client as unknown as Socket;
}

/** A real socket.io-client connection that records every event it receives, in order. */
export class Peer {
  readonly events: Received[] = [];

  constructor(readonly socket: RoomsClient) {
    // Record each server-to-client event of events.ts as it arrives.
    socket.on('chat message', (data) => this.events.push({ event: 'chat message', data }));
    socket.on('notice', (data) => this.events.push({ event: 'notice', data }));
    socket.on('rooms', (data) => this.events.push({ event: 'rooms', data }));
    socket.on('members', (data) => this.events.push({ event: 'members', data }));
    socket.on('membership', (data) => this.events.push({ event: 'membership', data }));
  }

  /** How many events so far: pass it as `since` to look only at later ones. */
  mark(): number {
    return this.events.length;
  }

  /** Every payload of `event` received (from index `since` on). */
  all<E extends EventName>(event: E, since = 0): Payload<E>[] {
    return this.events
      .slice(since)
      .filter((entry) => entry.event === event)
      .map((entry) => entry.data as Payload<E>);
  }

  /** The messages received, as "name:msg" lines like the page shows them. */
  lines(since = 0): string[] {
    return this.all('chat message', since).map(({ name, msg }) => `${name}:${msg}`);
  }

  /** Resolves with the first `event` (from `since` on) that `match` accepts, once it has arrived. */
  received<E extends EventName>(
    event: E,
    match: (data: Payload<E>) => boolean = () => true,
    since = 0,
  ): Promise<Payload<E>> {
    return vi.waitFor(
      () => {
        const found = this.all(event, since).find(match);
        if (found === undefined)
          throw new Error(`no matching "${event}"; got ${JSON.stringify(this.all(event, since))}`);
        return found;
      },
      { timeout: WAIT_MS, interval: 10 },
    );
  }

  /** Resolves once a message with this text (from `since` on) has arrived. */
  receivedLine(line: string, since = 0): Promise<unknown> {
    return this.received('chat message', ({ name, msg }) => `${name}:${msg}` === line, since);
  }

  /** The lecture's `chat message`; resolves with its ack. */
  post(name: string, room: string, msg: string) {
    return this.socket.timeout(WAIT_MS).emitWithAck('chat message', { name, room, msg });
  }

  /** `join`; resolves with its ack. */
  join(name: string, room: string) {
    return this.socket.timeout(WAIT_MS).emitWithAck('join', { name, room });
  }

  /** `leave`; resolves with its ack. */
  leave() {
    return this.socket.timeout(WAIT_MS).emitWithAck('leave');
  }
}

/** A fresh chapter server on a free port, and a way to open clients to it. */
export async function start(options: ServersOptions = {}): Promise<{
  io: RoomsIo;
  url: string;
  peer: (mode?: Mode) => Promise<Peer>;
  client: (namespace: string, auth?: Record<string, unknown>) => RoomsClient;
  close: () => Promise<void>;
}> {
  const { http, io: server } = createServers(options);
  const { url, close: stop } = await listening(http);
  const sockets: RoomsClient[] = [];

  /** A client of `namespace` that is not waited for: for refused connections. */
  const client = (namespace: string, auth: Record<string, unknown> = {}): RoomsClient => {
    const socket: RoomsClient = io(url + namespace, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth,
    });
    sockets.push(socket);
    return socket;
  };

  /** A connected /chat client in `mode` (the server's default when left out). */
  const peer = (mode?: Mode) =>
    new Promise<Peer>((resolve, reject) => {
      const auth: ChatAuth = mode ? { mode } : {};
      const socket = client('/chat', { ...auth });
      const recorded = new Peer(socket);
      socket.once('connect', () => resolve(recorded));
      socket.once('connect_error', reject);
    });

  /** Disconnects the clients, then ends every other connection and closes Socket.IO. */
  const close = async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all([stop(), server.close()]);
  };
  return { io: server, url, peer, client, close };
}

/** Resolves with the connect_error message of a refused connection. */
export function refusal(socket: RoomsClient): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the connection was accepted')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

import { listening } from '@course/kit/test-server';
import { io as connect, type Socket } from 'socket.io-client';
import type { ChatAuth, ClientToServerEvents, Mode, ServerToClientEvents } from '../events.ts';
import { type ChatServer, createRoomsServer } from '../server/app.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** How long a test waits for something that should happen; generous for a loaded machine. */
export const WAIT_MS = 8000;

/** A real socket.io-client connection that records every event it receives, in order. */
export class Peer {
  readonly events: { event: EventName; data: unknown }[] = [];
  private waiters: (() => void)[] = [];

  constructor(readonly socket: ClientSocket) {
    socket.onAny((event: EventName, data: unknown) => {
      this.events.push({ event, data });
      for (const wake of this.waiters) wake();
    });
  }

  /** How many events so far: pass it as `since` to wait only for later ones. */
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

  /** Resolves with the first `event` (from `since` on) that `match` accepts. */
  waitFor<E extends EventName>(
    event: E,
    match: (data: Payload<E>) => boolean = () => true,
    since = 0,
  ): Promise<Payload<E>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.all(event, since).find(match);
        if (found === undefined) return false;
        this.waiters = this.waiters.filter((wake) => wake !== onEvent);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const onEvent = () => void check();
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((wake) => wake !== onEvent);
        reject(
          new Error(
            `no matching "${event}" within ${WAIT_MS} ms; got ${JSON.stringify(this.all(event, since))}`,
          ),
        );
      }, WAIT_MS);
      if (!check()) this.waiters.push(onEvent);
    });
  }

  /** Waits for a message with this text (from `since` on). */
  waitForLine(line: string, since = 0): Promise<unknown> {
    return this.waitFor('chat message', ({ name, msg }) => `${name}:${msg}` === line, since);
  }

  post(name: string, room: unknown, msg: unknown) {
    return this.socket.timeout(WAIT_MS).emitWithAck('chat message', { name, room, msg } as never);
  }

  join(name: string, room: unknown) {
    return this.socket.timeout(WAIT_MS).emitWithAck('join', { name, room } as never);
  }

  leave() {
    return this.socket.timeout(WAIT_MS).emitWithAck('leave');
  }
}

/** A fresh server on a free port, and a way to open clients to it. */
export async function startServer(): Promise<{
  io: ChatServer;
  url: string;
  peer: (mode?: Mode) => Promise<Peer>;
  raw: (namespace: string, auth?: unknown) => ClientSocket;
  close: () => Promise<void>;
}> {
  const { httpServer, io } = createRoomsServer();
  const { url } = await listening(httpServer);
  const sockets: ClientSocket[] = [];

  /** A connection to `namespace` that is not waited for: for refused connections. */
  const raw = (namespace: string, auth?: unknown): ClientSocket => {
    const socket: ClientSocket = connect(url + namespace, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: auth as ChatAuth,
    });
    sockets.push(socket);
    return socket;
  };

  const peer = (mode?: Mode) =>
    new Promise<Peer>((resolve, reject) => {
      const socket = raw('/chat', mode ? { mode } : {});
      const recorded = new Peer(socket);
      socket.once('connect', () => resolve(recorded));
      socket.once('connect_error', reject);
    });

  const close = async () => {
    for (const socket of sockets) socket.disconnect();
    await io.close();
  };
  return { io, url, peer, raw, close };
}

/** Resolves with the connect_error message of a refused connection. */
export function refusal(socket: ClientSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the connection was accepted')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

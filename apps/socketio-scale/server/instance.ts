// One instance of the rooms chapter's server, joined to the others through Redis:
// the rooms chapter's factory with a Redis adapter, plus the /topology namespace
// that shows the cluster (instances, where each tab is, each message's path).
import type { ClientHandler } from '@course/kit';
import { createServers, type RoomsIo, type Servers } from '@course/socketio-rooms';
import { CHAT_NAMESPACE } from '@course/socketio-rooms/events';
import { createAdapter as createPubSubAdapter } from '@socket.io/redis-adapter';
import { createAdapter as createStreamsAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Namespace, ServerOptions } from 'socket.io';
import {
  type AdapterKind,
  type InstanceInfo,
  type InterServerEvents,
  type MemberInfo,
  type Route,
  TOPOLOGY_NAMESPACE,
  type TopologyClientToServer,
  type TopologyServerToClient,
} from '../events.ts';

export interface InstanceOptions {
  /** The Redis every instance shares. */
  redisUrl: string;
  /** `streams` (the default) or `pubsub`. */
  adapter?: AdapterKind;
  /** This instance's name, shown on the page: A, B… */
  instance: string;
  /** Serves the page (the kit's handler); tests leave it out. */
  client?: ClientHandler;
  /** Lets a page end this process ("crash"): on in cluster workers only. */
  crashable?: boolean;
  /** Prints a line where the learner watches. */
  log?: (line: string) => void;
}

/** An instance: the rooms chapter's servers, its Redis clients, and how to stop them. */
export interface Instance extends Servers {
  instance: string;
  adapter: AdapterKind;
  /** Stops Socket.IO and the HTTP server, then quits its Redis clients. */
  close(): Promise<void>;
}

type TopologyNamespace = Namespace<
  TopologyClientToServer,
  TopologyServerToClient,
  InterServerEvents
>;

/** How long a Redis client waits before its next reconnect attempt: 50 ms, doubling, at most 1 s. */
export const reconnectDelay = (retries: number): number => Math.min(50 * 2 ** retries, 1000);

/** How long a disconnected client's session is kept for connection state recovery. */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * Builds one instance, not listening: Redis clients first (connected), then the
 * adapter, then the rooms chapter's servers built with that adapter.
 */
export async function createInstance(options: InstanceOptions): Promise<Instance> {
  const { redisUrl, adapter: kind = 'streams', instance, client, crashable = false } = options;
  const log = options.log ?? (() => {});
  const redis = createClient({ url: redisUrl, socket: { reconnectStrategy: reconnectDelay } });
  // node-redis reconnects by itself; an 'error' listener keeps a lost connection from crashing the process.
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) log(`instance ${instance}: Redis connection lost (${error.message}); reconnecting…`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) log(`instance ${instance}: Redis connection back`);
    down = false;
  });
  await redis.connect();
  const subscriber = kind === 'pubsub' ? redis.duplicate() : undefined;
  if (subscriber) {
    subscriber.on('error', () => {});
    await subscriber.connect();
  }

  // #region fixed:adapter
  // fix: the adapter is given to the factory: set later with io.adapter(), the namespace it built keeps the old one
  const adapter: ServerOptions['adapter'] = subscriber
    ? createPubSubAdapter(redis, subscriber)
    : createStreamsAdapter(redis);
  const servers = createServers({
    client,
    adapter,
    // A session kept for recovery is stored by the adapter: in Redis with streams, in memory with Pub/Sub.
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS },
  });
  // #endregion
  const { http, io } = servers;
  addTopology(io, { instance, adapter: kind, crashable });

  const close = async () => {
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await Promise.allSettled([redis.quit(), subscriber?.quit()]);
  };
  return { http, io, instance, adapter: kind, close };
}

/** The /topology namespace: instances, members and message paths, cluster-wide through the adapter. */
function addTopology(
  io: RoomsIo,
  self: { instance: string; adapter: AdapterKind; crashable: boolean },
): void {
  const chat = io.of(CHAT_NAMESPACE);
  const topology = (io as unknown as { of(name: string): TopologyNamespace }).of(
    TOPOLOGY_NAMESPACE,
  );
  const info = (): InstanceInfo => ({
    instance: self.instance,
    pid: process.pid,
    adapter: self.adapter,
    sockets: chat.sockets.size,
  });

  // Another instance asks who is there: answer with this one.
  topology.on('whoIs', (ack) => ack(info()));

  // Each /chat socket carries the name of the instance it is on, for fetchSockets() to report.
  chat.on('connection', (socket) => {
    (socket.data as { instance?: string }).instance = self.instance;
    // #region fixed:route
    // A message arrived here: tell every tab its path, from this instance to every instance in its room.
    socket.on('chat message', async (data) => {
      const { name, room, msg } = (data ?? {}) as Partial<Route>;
      if (typeof room !== 'string' || !socket.rooms.has(room)) return; // refused by the rooms chapter
      // fix: fetchSockets() asks every instance through the adapter, not only this one
      const inRoom = await chat.in(room).fetchSockets();
      const deliveredBy = [
        ...new Set(inRoom.map((peer) => (peer.data as { instance?: string }).instance ?? '?')),
      ].sort();
      topology.emit('route', {
        name: String(name),
        room,
        msg: String(msg),
        from: self.instance,
        adapter: self.adapter,
        deliveredBy,
      });
    });
    // #endregion
  });

  topology.on('connection', (socket) => {
    socket.emit('hello', { instance: self.instance, pid: process.pid, adapter: self.adapter });

    // The whole cluster: every instance (serverSideEmit) and every /chat socket (fetchSockets).
    socket.on('topology', async (ack) => {
      if (typeof ack !== 'function') return;
      const [others, sockets] = await Promise.all([
        // Every other instance answers through the adapter (within its 5 s request timeout).
        topology.serverSideEmitWithAck('whoIs').catch(() => [] as InstanceInfo[]),
        chat.fetchSockets(),
      ]);
      const members: MemberInfo[] = sockets.map((peer) => ({
        id: peer.id,
        name: (peer.data as { name?: string }).name ?? '',
        rooms: [...peer.rooms].filter((room) => room !== peer.id).sort(),
        instance: (peer.data as { instance?: string }).instance ?? '?',
      }));
      const instances = [info(), ...others].sort((a, b) => a.instance.localeCompare(b.instance));
      ack({ instance: self.instance, instances, members });
    });

    // Ends this process, to show a worker dying; only in cluster mode.
    socket.on('crash', (ack) => {
      if (typeof ack !== 'function') return;
      if (!self.crashable) return ack({ ok: false, error: 'only a cluster worker can be stopped' });
      ack({ ok: true });
      setTimeout(() => process.exit(1), 50);
    });
  });
}

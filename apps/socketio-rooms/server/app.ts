import type { Server } from 'node:http';
import { format } from 'node:util';
import { type ClientHandler, check, defineChapter, messageLog, pageServer } from '@course/kit';
import { Server as IoServer, type Namespace, type ServerOptions, type Socket } from 'socket.io';
import {
  type Ack,
  CHAT_NAMESPACE,
  type ClientToServerEvents,
  type Mode,
  type RoomInfo,
  type ServerToClientEvents,
  type SocketData,
} from '../events.ts';
import { KNOWN_EVENTS, ModeSchema, payloadSchemas } from './hardening.ts';

export interface ServersOptions {
  /** Serves the pages (Vite or the built bundle). Tests leave it out. */
  client?: ClientHandler;
  /** Log each message to the console, as the lecture does. Off in tests. */
  log?: boolean;
  /**
   * The Socket.IO adapter, e.g. a Redis adapter so that several instances share
   * their rooms (the socketio-scale chapter). It must be given here, not set with
   * `io.adapter()` later: the namespace's membership listeners are attached to the
   * adapter it is built with. Socket.IO's in-memory adapter when left out.
   */
  adapter?: ServerOptions['adapter'];
  /** Socket.IO's connection state recovery (off when left out, as in the lecture). */
  connectionStateRecovery?: ServerOptions['connectionStateRecovery'];
}

/** The chapter's servers by role: the page's HTTP server, and Socket.IO attached to it. */
export interface Servers {
  http: Server;
  io: RoomsIo;
}

/** The typed Socket.IO server of this chapter: its events as `events.ts` declares them. */
export type RoomsIo = IoServer<ClientToServerEvents, ServerToClientEvents, never, SocketData>;
type ChatNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, never, SocketData>;
type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, never, SocketData>;

/**
 * The Socket.IO rooms chapter's servers: the lecture's `/chat` namespace, where
 * `chat message` {name, room, msg} joins `room` and is sent to that room only.
 * Returns an HTTP server with Socket.IO attached, not listening yet.
 */
export function createServers(options: ServersOptions = {}): Servers {
  const { client, log = false, adapter, connectionStateRecovery } = options;
  // The page, and a JSON 404 for any other plain request: the lesson is in Socket.IO below.
  const http = pageServer(client);
  // Each message is logged while the rate is human; past 20 a second, one summary line a second.
  const messages = log ? messageLog((line) => console.log(line)) : undefined;
  http.on('close', () => messages?.close());

  const io: RoomsIo = new IoServer(http, {
    // The page bundles socket.io-client, so /socket.io/socket.io.js is not needed.
    serveClient: false,
    ...(adapter ? { adapter } : {}),
    ...(connectionStateRecovery ? { connectionStateRecovery } : {}),
  });

  // The main namespace "/" always exists in Socket.IO; this chapter has nothing there.
  io.use((_socket, next) => {
    next(new Error(`nothing is served on namespace "/": connect to "${CHAT_NAMESPACE}"`));
  });
  // Any other namespace is refused by Socket.IO itself ("Invalid namespace"),
  // because only io.of('/chat') is declared and no dynamic namespaces are.

  const chat: ChatNamespace = io.of(CHAT_NAMESPACE);
  const { roomList, touch } = trackMembership(chat);
  // What `chat message` and `join` must carry (server/hardening.ts).
  const payloads = payloadSchemas((room) => chat.adapter.sids.has(room));

  // The mode is chosen at connect time; anything but the two known ones is refused.
  chat.use((socket, next) => {
    const mode = check(ModeSchema, socket.handshake.auth.mode);
    if (!mode.ok) return next(new Error(mode.error));
    socket.data.mode = mode.value;
    socket.data.name = '';
    next();
  });

  // Each new socket hears its mode and the room lists, then gets the lecture's handlers.
  chat.on('connection', (socket: ChatSocket) => {
    const mode: Mode = socket.data.mode;
    socket.emit('membership', { mode, rooms: [] });
    // The room list as it is now; later changes arrive as they happen.
    socket.emit('rooms', roomList());

    /** Sets the socket's name; a rename changes the member lists of its rooms. */
    const rename = (name: string) => {
      if (socket.data.name === name) return;
      socket.data.name = name;
      for (const room of roomsOf(socket)) touch(room);
    };

    // #region fixed:leave-others
    /** Explicit mode: leave every room but `keep`, returning the one left (or null). */
    const leaveOthers = (keep: string | null): string | null => {
      let left: string | null = null;
      for (const room of roomsOf(socket)) {
        if (room === keep) continue;
        // fix: the call the lecture never makes; it is what takes a socket out of a room
        socket.leave(room);
        left = room;
      }
      return left;
    };
    // #endregion

    // The lecture's event: join the room it names and send the message there.
    socket.on('chat message', (data, ack) => {
      const input = check(payloads.chatMessage, data);
      if (!input.ok) return reply(ack, input);
      const { name, room, msg } = input.value;
      messages?.message(() => format('message from client:', { mode, name, room, msg }));

      rename(name);
      if (mode === 'lecture') {
        // #region lecture:chat-message
        // The lecture's handler: join the room (a no-op if already in it) …
        // pitfall: joins each room it posts to and leaves none, so room A still reaches it after B
        socket.join(room);
        // … and send to everyone in that room, the sender included.
        chat.to(room).emit('chat message', { name, msg });
        // #endregion
      } else {
        // #region fixed:chat-message
        // fix: leave the room it was in first, so a socket is in one room at a time
        leaveOthers(room);
        // The lecture's handler: join the room (a no-op if already in it) …
        socket.join(room);
        // … and send to everyone in that room, the sender included.
        chat.to(room).emit('chat message', { name, msg });
        // #endregion
      }
      reply(ack, { ok: true, room });
    });

    // The fix's explicit move: leave the current room and join another without posting.
    socket.on('join', (data, ack) => {
      if (mode === 'lecture') {
        // #region lecture:join
        // pitfall: no join: a socket gets into a room only by posting there, and never gets out
        return reply(ack, {
          ok: false,
          error: 'lecture mode has no join: a socket joins a room only by posting to it',
        });
        // #endregion
      }
      // #region fixed:join
      // fix: a join event, checked like a message: move to a room without posting to it
      const input = check(payloads.join, data);
      if (!input.ok) return reply(ack, input);
      const { name, room } = input.value;
      rename(name);
      // fix: leave the current room before joining, and tell the page which one it left
      const left = leaveOthers(room);
      socket.join(room);
      reply(ack, { ok: true, room, left });
      // #endregion
    });

    // The fix's way out of a room; the ack is read from the end, so `emit('leave', {}, ack)` is answered too.
    socket.on('leave', (...args: unknown[]) => {
      const ack = args.at(-1);
      if (mode === 'lecture') {
        // #region lecture:leave
        // pitfall: nothing calls socket.leave(): only a disconnect takes a socket out of a room
        return reply(ack, {
          ok: false,
          error: 'lecture mode has no leave: that is its pitfall',
        });
        // #endregion
      }
      // #region fixed:leave
      // fix: keep no room: the socket leaves the one it is in, and its page shows "no room"
      const left = leaveOthers(null);
      // fix: leaving when in no room is an error ack, not a silent no-op
      if (left === null) return reply(ack, { ok: false, error: 'you are not in a room' });
      reply(ack, { ok: true, left });
      // #endregion
    });

    // Anything else: say so if the client waits for an answer, and otherwise ignore it.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (!KNOWN_EVENTS.has(event))
        reply(args.at(-1), { ok: false, error: `unknown event "${event}"` });
    });
  });

  return { http, io };
}

/** Calls `ack` if the client passed one: the lecture's page emits without an ack. */
function reply<T extends object>(ack: unknown, answer: Ack<T>): void {
  if (typeof ack === 'function') (ack as (answer: Ack<T>) => void)(answer);
}

/** The public rooms a socket is in (Socket.IO also puts every socket in a room named by its id). */
function roomsOf(socket: ChatSocket): string[] {
  return [...socket.rooms].filter((room) => room !== socket.id).sort();
}

/**
 * Keeps every client's view of the rooms up to date. Socket.IO's in-memory
 * adapter fires join-room/leave-room for every membership change, including
 * the ones a disconnect causes, so notices, the room list and member lists
 * all follow from those two events and cannot drift from the real rooms.
 */
function trackMembership(chat: ChatNamespace): {
  roomList: () => RoomInfo[];
  touch: (room: string) => void;
} {
  const adapter = chat.adapter;
  const dirtyRooms = new Set<string>();
  const dirtySockets = new Set<string>();
  let scheduled = false;

  /** Is `room` the private room Socket.IO gives each socket (named by its id)? */
  const isPrivate = (room: string, id: string) => room === id || adapter.sids.has(room);

  // #region fixed:room-list
  /** Every public room with its size, sorted by name. */
  const roomList = (): RoomInfo[] =>
    [...adapter.rooms]
      // fix: leave out the private room Socket.IO gives each socket, named by its id
      .filter(([room]) => !adapter.sids.has(room))
      // fix: count every socket in the room, lecture-mode ones too: a room never left still counts them
      .map(([room, ids]) => ({ room, count: ids.size }))
      .sort((a, b) => a.room.localeCompare(b.room));
  // #endregion

  // #region fixed:room-updates
  // Several changes in one tick (leave A, join B) become one update per client.
  const flush = () => {
    scheduled = false;
    // Membership first, so a page knows its room before that room's member list arrives.
    for (const id of dirtySockets) {
      const socket = chat.sockets.get(id);
      if (socket?.connected)
        // fix: tell each socket the rooms it is in, since a client has no way to ask
        socket.emit('membership', { mode: socket.data.mode, rooms: roomsOf(socket) });
    }
    chat.emit('rooms', roomList());
    for (const room of dirtyRooms) {
      const ids = adapter.rooms.get(room);
      if (!ids) continue; // the last member left: the adapter deleted the room
      const members = [...ids]
        .map((id) => chat.sockets.get(id)?.data.name)
        .filter((name): name is string => typeof name === 'string')
        .sort((a, b) => a.localeCompare(b));
      chat.to(room).emit('members', { room, members });
    }
    dirtyRooms.clear();
    dirtySockets.clear();
  };
  // #endregion

  const touch = (room: string, id?: string) => {
    dirtyRooms.add(room);
    if (id) dirtySockets.add(id);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  };

  // #region fixed:notices
  // A socket joined a public room: tell the room, and refresh its lists.
  // fix: the adapter reports every join and leave, disconnects included, so no list is kept beside it
  adapter.on('join-room', (room: string, id: string) => {
    if (isPrivate(room, id)) return;
    const name = chat.sockets.get(id)?.data.name ?? '';
    chat.to(room).emit('notice', { room, name, action: 'joined' });
    touch(room, id);
  });
  // A socket left a public room (by leave() or by disconnecting): tell the room and the leaver.
  adapter.on('leave-room', (room: string, id: string) => {
    if (isPrivate(room, id)) return;
    // On disconnect the socket is still in chat.sockets here: it leaves its rooms first.
    const socket = chat.sockets.get(id);
    const name = socket?.data.name ?? '';
    chat.to(room).emit('notice', { room, name, action: 'left' });
    // The leaver is no longer in the room, so it gets its own copy, before any "joined".
    if (socket?.connected) socket.emit('notice', { room, name, action: 'left' });
    touch(room, id);
  });
  // #endregion
  return { roomList, touch };
}

/** The chapter, as `pnpm lesson` and `pnpm start` run it: Socket.IO and the pages on PORT (3000, as in the lecture). */
export default defineChapter({
  create: ({ client }) => ({ PORT: createServers({ client, log: true }).http }),
});

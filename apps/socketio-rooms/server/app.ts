import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type ClientHandler, defineChapter } from '@course/kit';
import { type Namespace, Server, type Socket } from 'socket.io';
import {
  type Ack,
  CHAT_NAMESPACE,
  type ChatAuth,
  type ClientToServerEvents,
  LIMITS,
  MODES,
  type Mode,
  type RoomInfo,
  type ServerToClientEvents,
  type SocketData,
} from '../events.ts';

export interface RoomsServerOptions {
  /** Serves the pages (Vite or the built bundle). Tests leave it out. */
  client?: ClientHandler;
  /** Log each message to the console, as the lecture does. Off in tests. */
  log?: boolean;
}

export type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, never, SocketData>;
type ChatNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, never, SocketData>;
type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, never, SocketData>;

/** The events a client may send; anything else with an ack gets an error ack. */
const KNOWN_EVENTS = new Set<string>(['chat message', 'join', 'leave']);

/** Counts characters as a person does (code points), not UTF-16 units. */
const length = (text: string) => [...text].length;

type Field = keyof typeof LIMITS;

/**
 * Checks one text field: a string, not blank, within its limit. Names and rooms
 * are kept trimmed; a message keeps its spaces. Returns the value or an error sentence.
 */
function checkText(field: Field, input: unknown): { value: string } | { error: string } {
  if (typeof input !== 'string')
    return { error: `"${field}" must be a string (got ${kind(input)})` };
  const value = field === 'msg' ? input : input.trim();
  if (value.trim() === '') return { error: `"${field}" must not be empty` };
  if (length(value) > LIMITS[field])
    return { error: `"${field}" is over ${LIMITS[field]} characters (got ${length(value)})` };
  return { value };
}

/** Checks `data` is an object whose `fields` pass their checks; the first problem wins. */
function parseFields<F extends Field>(
  data: unknown,
  fields: readonly F[],
): { values: Record<F, string> } | { error: string } {
  const body = asObject(data);
  if (!body) return { error: `expected an object {${fields.join(', ')}} (got ${kind(data)})` };
  const values = {} as Record<F, string>;
  for (const field of fields) {
    const checked = checkText(field, body[field]);
    if ('error' in checked) return { error: checked.error };
    values[field] = checked.value;
  }
  return { values };
}

/** A short name for what arrived instead of the expected type. */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** Calls `ack` if the client passed one: the lecture's page emits without an ack. */
function reply<T extends object>(ack: unknown, answer: Ack<T>): void {
  if (typeof ack === 'function') (ack as (answer: Ack<T>) => void)(answer);
}

/** The payload as a plain object, or null when it is not one. */
function asObject(data: unknown): Record<string, unknown> | null {
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : null;
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

  /** Every public room with its size, sorted by name. */
  const roomList = (): RoomInfo[] =>
    [...adapter.rooms]
      .filter(([room]) => !adapter.sids.has(room))
      .map(([room, ids]) => ({ room, count: ids.size }))
      .sort((a, b) => a.room.localeCompare(b.room));

  // Several changes in one tick (leave A, join B) become one update per client.
  const flush = () => {
    scheduled = false;
    // Membership first, so a page knows its room before that room's member list arrives.
    for (const id of dirtySockets) {
      const socket = chat.sockets.get(id);
      if (socket?.connected)
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

  const touch = (room: string, id?: string) => {
    dirtyRooms.add(room);
    if (id) dirtySockets.add(id);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  };

  adapter.on('join-room', (room: string, id: string) => {
    if (isPrivate(room, id)) return;
    const name = chat.sockets.get(id)?.data.name ?? '';
    chat.to(room).emit('notice', { room, name, action: 'joined' });
    touch(room, id);
  });
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
  return { roomList, touch };
}

/**
 * The Socket.IO rooms chapter's server: the lecture's `/chat` namespace, where
 * `chat message` {name, room, msg} joins `room` and is sent to that room only.
 * Returns an HTTP server with Socket.IO attached that is not listening yet.
 */
export function createRoomsServer(options: RoomsServerOptions = {}): {
  httpServer: HttpServer;
  io: ChatServer;
} {
  const { client, log = false } = options;
  const httpServer = createHttpServer((req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: `no route for ${req.method} ${req.url}` }));
    };
    if (client) client(req, res, notFound);
    else notFound();
  });

  const io: ChatServer = new Server(httpServer, {
    // The page bundles socket.io-client, so /socket.io/socket.io.js is not needed.
    serveClient: false,
    // Leave other WebSocket upgrades (Vite's HMR in dev) alone instead of destroying them.
    destroyUpgrade: false,
  });

  // The main namespace "/" always exists in Socket.IO; this chapter has nothing there.
  io.use((_socket, next) => {
    next(new Error(`nothing is served on namespace "/": connect to "${CHAT_NAMESPACE}"`));
  });
  // Any other namespace is refused by Socket.IO itself ("Invalid namespace"),
  // because only io.of('/chat') is declared and no dynamic namespaces are.

  const chat: ChatNamespace = io.of(CHAT_NAMESPACE);
  const { roomList, touch } = trackMembership(chat);

  // The mode is chosen at connect time; anything but the two known ones is refused.
  chat.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as ChatAuth;
    const mode = auth.mode ?? 'explicit';
    if (!MODES.includes(mode))
      return next(new Error(`auth.mode must be "explicit" or "lecture" (got ${String(mode)})`));
    socket.data.mode = mode;
    socket.data.name = '';
    next();
  });

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

    /** Explicit mode: leave every room but `keep`, returning the one left (or null). */
    const leaveOthers = (keep: string | null): string | null => {
      let left: string | null = null;
      for (const room of roomsOf(socket)) {
        if (room === keep) continue;
        socket.leave(room);
        left = room;
      }
      return left;
    };

    /** A room name that is some socket's id would reach that socket's private room. */
    const reserved = (room: string) => chat.adapter.sids.has(room);

    socket.on('chat message', (data, ack) => {
      const parsed = parseFields(data, ['name', 'room', 'msg']);
      if ('error' in parsed) return reply(ack, { ok: false, error: parsed.error });
      const { name, room, msg } = parsed.values;
      if (reserved(room)) return reply(ack, { ok: false, error: '"room" may not be a socket id' });
      if (log) console.log('message from client:', { mode, name, room, msg });

      rename(name);
      // The fix: in explicit mode, posting to another room leaves the previous one.
      if (mode === 'explicit') leaveOthers(room);
      // The lecture's handler: join the room (a no-op if already in it) …
      socket.join(room);
      // … and send to everyone in that room, the sender included.
      chat.to(room).emit('chat message', { name, msg });
      reply(ack, { ok: true, room });
    });

    socket.on('join', (data, ack) => {
      if (mode !== 'explicit')
        return reply(ack, {
          ok: false,
          error: 'lecture mode has no join: a socket joins a room only by posting to it',
        });
      const parsed = parseFields(data, ['name', 'room']);
      if ('error' in parsed) return reply(ack, { ok: false, error: parsed.error });
      const { name, room } = parsed.values;
      if (reserved(room)) return reply(ack, { ok: false, error: '"room" may not be a socket id' });
      rename(name);
      const left = leaveOthers(room);
      socket.join(room);
      reply(ack, { ok: true, room, left });
    });

    // Read the ack from the end, so `emit('leave', {}, ack)` is answered too.
    socket.on('leave', (...args: unknown[]) => {
      const ack = args.at(-1);
      if (mode !== 'explicit')
        return reply(ack, {
          ok: false,
          error: 'lecture mode has no leave: that is its pitfall',
        });
      const left = leaveOthers(null);
      if (left === null) return reply(ack, { ok: false, error: 'you are not in a room' });
      reply(ack, { ok: true, left });
    });

    // Anything else: say so if the client waits for an answer, and otherwise ignore it.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (!KNOWN_EVENTS.has(event))
        reply(args.at(-1), { ok: false, error: `unknown event "${event}"` });
    });
  });

  return { httpServer, io };
}

/** The chapter, as `pnpm lesson` and `pnpm start` run it: Socket.IO and the pages on PORT (3000, as in the lecture). */
export default defineChapter({
  create: ({ client }) => ({ PORT: createRoomsServer({ client, log: true }).httpServer }),
});

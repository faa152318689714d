import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type ClientHandler, defineChapter, intVar } from '@course/kit';
import { Server, type Socket } from 'socket.io';
import {
  type Ack,
  type AckCallback,
  type ChatMessage,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
  type User,
  VARIANTS,
  type Variant,
} from '../events.ts';

export interface ChatServerOptions {
  /** Serves the pages (Vite or the built bundle). Tests leave it out. */
  client?: ClientHandler;
  /** The longest `msg` accepted, in characters. */
  maxMessageLength?: number;
  /** The longest `name` / `userid` accepted, in characters. */
  maxNameLength?: number;
  /**
   * The largest packet Engine.IO accepts, in bytes. Bigger ones close the
   * connection, so this must stay well above `maxMessageLength` for an
   * over-long message to get an error ack instead.
   */
  maxHttpBufferSize?: number;
  /** Events a socket may send per second; the rest get an error ack and are dropped. */
  maxEventsPerSecond?: number;
  /** After this many refused events within one second, the socket is disconnected. */
  disconnectAfterRefused?: number;
  /** How long a dropped connection can be recovered, in ms. */
  recoveryMs?: number;
  /** "… is typing" ends by itself after this long without `typing: false`. */
  typingTimeoutMs?: number;
  /** Where the server's log lines go (console.log by default). */
  log?: (line: string) => void;
}

export type ChatIo = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

export interface ChatServer {
  /** The HTTP server, not listening yet: Socket.IO is attached at the default path `/socket.io/`. */
  http: HttpServer;
  io: ChatIo;
}

const ID_PATTERN = /^[\w-]{1,64}$/;
const RECENT_IDS = 100;

/** Splits a handler's raw arguments into the payload and the ack, wherever the client put it. */
function split(args: unknown[]): { data: unknown; reply: (result: Ack) => void } {
  const last = args.at(-1);
  const reply = typeof last === 'function' ? (last as AckCallback) : () => {};
  const data = typeof args[0] === 'function' ? undefined : args[0];
  return { data, reply };
}

const fail = (error: string): Ack => ({ ok: false, error });

/** Checks one required string field of a payload; returns an error sentence or the value. */
function field(
  data: Record<string, unknown>,
  key: string,
  maxLength: number,
): { value: string } | { error: string } {
  const value = data[key];
  if (value === undefined || value === null) return { error: `"${key}" is missing` };
  if (typeof value !== 'string')
    return { error: `"${key}" must be a string (got ${typeof value})` };
  if (value.trim() === '') return { error: `"${key}" is empty` };
  if (value.length > maxLength)
    return { error: `"${key}" is ${value.length} characters; the limit is ${maxLength}` };
  return { value };
}

const isObject = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' && data !== null && !Array.isArray(data);

/**
 * The Socket.IO chat of the lecture: `login`, `chat` and `forceDisconnect`,
 * with the four delivery variants, acknowledgements, presence, typing,
 * connection state recovery and input limits. Returns the HTTP server (not
 * listening) and the Socket.IO server attached to it.
 */
export function createServer(options: ChatServerOptions = {}): ChatServer {
  const {
    client,
    maxMessageLength = 2000,
    maxNameLength = 40,
    maxHttpBufferSize = 1_000_000,
    maxEventsPerSecond = 10,
    disconnectAfterRefused = maxEventsPerSecond,
    recoveryMs = 2 * 60_000,
    typingTimeoutMs = 5000,
    log = (line: string) => console.log(line),
  } = options;

  const http = createHttpServer((req, res) => {
    const notFound = () => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: `no route for ${req.method} ${req.url}` }));
    };
    if (client) client(req, res, notFound);
    else notFound();
  });

  const io: ChatIo = new Server(http, {
    // The page bundles socket.io-client with Vite, so /socket.io/socket.io.js is not needed.
    serveClient: false,
    // Set on purpose: a packet over this size closes the connection without any ack.
    maxHttpBufferSize,
    // Vite's HMR websocket shares this server under --dev: leave upgrades for other paths alone.
    destroyUpgrade: false,
    connectionStateRecovery: { maxDisconnectionDuration: recoveryMs, skipMiddlewares: true },
  });

  /** Everyone logged in, in connection order. */
  const users = (): User[] =>
    [...io.of('/').sockets.values()]
      .filter((s) => s.data.name !== undefined)
      .map((s) => ({ id: s.id, name: s.data.name ?? '', userid: s.data.userid ?? '' }));
  const sendUsers = () => io.emit('users', users());

  io.on('connection', (socket: ChatSocket) => {
    let typingTimer: NodeJS.Timeout | undefined;
    // Flood control, before any handler: per one-second window, at most
    // maxEventsPerSecond messages (login, chat, forceDisconnect) and, counted
    // apart so a fast typist is not punished, as many typing events.
    let windowStart = Date.now();
    const counts = { messages: 0, typing: 0 };
    let refusedInWindow = 0;
    socket.use((packet, next) => {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        counts.messages = 0;
        counts.typing = 0;
        refusedInWindow = 0;
      }
      const kind = packet[0] === 'typing' ? 'typing' : 'messages';
      counts[kind] += 1;
      if (counts[kind] <= maxEventsPerSecond) return next();
      refusedInWindow += 1;
      const { reply } = split(packet.slice(1));
      reply(fail(`too many messages: at most ${maxEventsPerSecond} per second`));
      if (refusedInWindow >= disconnectAfterRefused && socket.connected) {
        log(`flooding: disconnecting ${socket.data.name ?? socket.id}`);
        socket.emit('notice', `Disconnected for flooding (over ${maxEventsPerSecond} per second).`);
        socket.disconnect(true);
      }
    });

    const stopTyping = () => {
      if (!typingTimer) return;
      clearTimeout(typingTimer);
      typingTimer = undefined;
      socket.broadcast.emit('typing', {
        id: socket.id,
        name: socket.data.name ?? '',
        typing: false,
      });
    };

    if (socket.recovered) {
      // Same id, same socket.data, and the missed packets are already on their way.
      log(`recovered: ${socket.data.name ?? socket.id}`);
      if (socket.data.name !== undefined) {
        io.emit('presence', {
          kind: 'back',
          name: socket.data.name,
          userid: socket.data.userid ?? '',
        });
        sendUsers();
      }
    } else {
      // A newcomer sees who is already online without waiting for the next change.
      socket.emit('users', users());
    }

    socket.on('login', (...args: unknown[]) => {
      const { data, reply } = split(args);
      if (!isObject(data)) return reply(fail('login needs an object {name, userid}'));
      const name = field(data, 'name', maxNameLength);
      if ('error' in name) return reply(fail(name.error));
      const userid = field(data, 'userid', maxNameLength * 2);
      if ('error' in userid) return reply(fail(userid.error));
      log(`Client logged-in: name: ${name.value}, userid: ${userid.value}`);
      socket.data.name = name.value;
      socket.data.userid = userid.value;
      reply({ ok: true });
      io.emit('login', name.value);
      sendUsers();
    });

    socket.on('chat', (...args: unknown[]) => {
      const { data, reply } = split(args);
      const { name, userid } = socket.data;
      if (name === undefined || userid === undefined)
        return reply(fail('log in first: send "login" with {name, userid}'));
      if (!isObject(data)) return reply(fail('chat needs an object {msg}'));
      const { msg, via = 'io.emit', to, id } = data;
      if (msg === undefined) return reply(fail('"msg" is missing'));
      if (typeof msg !== 'string') return reply(fail(`"msg" must be a string (got ${typeof msg})`));
      if (msg.trim() === '') return reply(fail('"msg" is empty'));
      if (msg.length > maxMessageLength)
        return reply(fail(`"msg" is ${msg.length} characters; the limit is ${maxMessageLength}`));
      if (!VARIANTS.includes(via as Variant))
        return reply(fail(`"via" must be one of ${VARIANTS.join(', ')}`));
      if (id !== undefined && (typeof id !== 'string' || !ID_PATTERN.test(id)))
        return reply(fail('"id" must be 1-64 letters, digits, "_" or "-"'));
      let target: ChatSocket | undefined;
      if (via === 'io.to') {
        if (typeof to !== 'string') return reply(fail('"to" (a socket id) is required for io.to'));
        target = io.of('/').sockets.get(to);
        if (!target || target.data.name === undefined)
          return reply(fail(`no user online with socket id "${to}"`));
      }
      // A retry of a message already delivered: ack it again, deliver nothing.
      const recent = socket.data.recentIds ?? [];
      if (typeof id === 'string' && recent.includes(id)) return reply({ ok: true });
      if (typeof id === 'string') socket.data.recentIds = [...recent, id].slice(-RECENT_IDS);

      log(`Message from ${name}: ${msg}`);
      stopTyping();
      const message: ChatMessage = { from: { name, userid }, msg, via: via as Variant };
      if (typeof id === 'string') message.id = id;
      if (via === 'io.emit') io.emit('chat', message);
      else if (via === 'socket.broadcast.emit') socket.broadcast.emit('chat', message);
      else if (via === 'socket.emit') socket.emit('s2c chat', message);
      else io.to(target?.id ?? '').emit('s2c chat', message);
      reply({ ok: true });
    });

    socket.on('typing', (...args: unknown[]) => {
      const { data, reply } = split(args);
      if (socket.data.name === undefined) return reply(fail('log in first'));
      if (typeof data !== 'boolean') return reply(fail('typing needs true or false'));
      reply({ ok: true });
      if (!data) return stopTyping();
      if (!typingTimer)
        socket.broadcast.emit('typing', { id: socket.id, name: socket.data.name, typing: true });
      clearTimeout(typingTimer);
      typingTimer = setTimeout(stopTyping, typingTimeoutMs);
    });

    socket.on('forceDisconnect', (...args: unknown[]) => {
      split(args).reply({ ok: true });
      // The lecture's line. Reason on the client: "io server disconnect", and it stays down.
      socket.disconnect();
    });

    socket.on('disconnect', (reason) => {
      const { name, userid } = socket.data;
      log(`user disconnected: ${name ?? '(not logged in)'} (${reason})`);
      clearTimeout(typingTimer);
      if (typingTimer) {
        typingTimer = undefined;
        io.emit('typing', { id: socket.id, name: name ?? '', typing: false });
      }
      if (name !== undefined && userid !== undefined) {
        io.emit('presence', { kind: 'left', name, userid, reason });
        sendUsers();
      }
    });
  });

  return { http, io };
}

/** The chapter, as `pnpm lesson` and `pnpm start` run it: the chat and its page on PORT (4300), Socket.IO at /socket.io/. */
export default defineChapter({
  env: {
    /** Messages one socket may send per second before it gets error acks. */
    CHAT_MAX_EVENTS_PER_SECOND: intVar(10, 1),
    /** How long a dropped socket's session is kept for connection state recovery. */
    CHAT_RECOVERY_MS: intVar(120_000, 1),
  },
  create: ({ client, env }) => ({
    PORT: createServer({
      client,
      maxEventsPerSecond: env.CHAT_MAX_EVENTS_PER_SECOND,
      recoveryMs: env.CHAT_RECOVERY_MS,
    }).http,
  }),
});

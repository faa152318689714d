import type { Server } from 'node:http';
import {
  type ClientHandler,
  check,
  defineChapter,
  intVar,
  messageLog,
  pageServer,
} from '@course/kit';
import { type Socket, Server as SocketIoServer } from 'socket.io';
import type {
  ChatMessage,
  ClientToServerEvents,
  ServerToClientEvents,
  SocketData,
  User,
} from '../events.ts';
import { fail, inputSchemas, type Limits, limitFlooding, limitsOf, split } from './hardening.ts';

/** What createServers() can be told; every option has a default. The limits are in hardening.ts. */
export interface ServersOptions extends Partial<Limits> {
  /** Serves the pages (Vite or the built bundle). Tests leave it out. */
  client?: ClientHandler;
  /** How long a dropped connection can be recovered, in ms. */
  recoveryMs?: number;
  /** "… is typing" ends by itself after this long without `typing: false`. */
  typingTimeoutMs?: number;
  /** Where the server's log lines go (console.log by default). */
  log?: (line: string) => void;
}

/** The typed Socket.IO server of the chat. */
export type ChatIo = SocketIoServer<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
/** One client's connection, as the server sees it. */
export type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

/** The chapter's servers, not listening yet. */
export interface Servers {
  /** The node:http server with the page; Socket.IO is attached at the default path `/socket.io/`. */
  http: Server;
  /** The Socket.IO server on `http`. */
  io: ChatIo;
}

/** How many `chat` ids each socket remembers, so a retry is not delivered twice. */
const RECENT_IDS = 100;

/**
 * The Socket.IO chat of the lecture: `login`, `chat` and `forceDisconnect`,
 * with the four delivery variants, acknowledgements, presence, typing,
 * connection state recovery and input limits. Returns the HTTP server (not
 * listening) and the Socket.IO server attached to it.
 */
export function createServers(options: ServersOptions = {}): Servers {
  const {
    client,
    recoveryMs = 2 * 60_000,
    typingTimeoutMs = 5000,
    log = (line: string) => console.log(line),
  } = options;
  const limits = limitsOf(options);
  const schemas = inputSchemas(limits);

  // Every request that is not Socket.IO's: the page, or a JSON 404.
  const http = pageServer(client);
  // Each chat message is logged while the rate is human; past 20 a second, one summary line a second.
  const messages = messageLog(log);
  http.on('close', () => messages.close());

  // #region fixed:server-options
  const io: ChatIo = new SocketIoServer(http, {
    // The page bundles socket.io-client with Vite, so /socket.io/socket.io.js is not needed.
    serveClient: false,
    // Set on purpose: a packet over this size closes the connection without any ack.
    maxHttpBufferSize: limits.maxHttpBufferSize,
    // fix: keep a dropped session (id, rooms, socket.data, missed packets) for recoveryMs
    connectionStateRecovery: { maxDisconnectionDuration: recoveryMs, skipMiddlewares: true },
  });
  // #endregion

  // #region fixed:users-list
  /** Everyone logged in, in connection order. */
  const users = (): User[] =>
    [...io.of('/').sockets.values()]
      // fix: only sockets that logged in; a socket that left is already gone from this map
      .filter((s) => s.data.name !== undefined)
      // fix: the socket id travels with each user: it is what io.to(id) addresses
      .map((s) => ({ id: s.id, name: s.data.name ?? '', userid: s.data.userid ?? '' }));
  const sendUsers = () => io.emit('users', users());
  // #endregion

  // A new connection, or a dropped one that came back within the recovery window.
  io.on('connection', (socket: ChatSocket) => {
    limitFlooding(socket, limits, log);
    let typingTimer: NodeJS.Timeout | undefined;

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

    // #region fixed:recovered
    // fix: socket.recovered: the same session came back within the window, not a new one
    if (socket.recovered) {
      // Same id, same socket.data, and the missed packets are already on their way.
      log(`recovered: ${socket.data.name ?? socket.id}`);
      if (socket.data.name !== undefined) {
        // fix: the others saw "left": tell them this user is back
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
    // #endregion

    // #region fixed:login-handler
    // The lecture's login: keep name and userid on the socket, tell everyone the name.
    // fix: the payload is unknown and the ack optional: split() finds each wherever it is
    socket.on('login', (...args: unknown[]) => {
      const { data, reply } = split(args);
      // fix: check the payload before reading it: a login with nothing in it gets an error ack instead of a TypeError
      const input = check(schemas.login, data);
      if (!input.ok) return reply(fail(input.error));
      const { name, userid } = input.value;
      log(`Client logged-in: name: ${name}, userid: ${userid}`);
      // fix: socket.data, typed by SocketData and kept by recovery, not properties stuck on the socket
      socket.data.name = name;
      socket.data.userid = userid;
      // fix: an ack, so the page can say "Logged in" or why not
      reply({ ok: true });
      io.emit('login', name);
      sendUsers();
    });
    // #endregion

    // #region fixed:chat-handler
    // The lecture's chat: deliver {from, msg} the way `via` says.
    socket.on('chat', (...args: unknown[]) => {
      const { data, reply } = split(args);
      const { name, userid } = socket.data;
      // fix: refuse a chat before login, which would otherwise go out from a name that is undefined
      if (name === undefined || userid === undefined)
        return reply(fail('log in first: send "login" with {name, userid}'));
      // fix: check msg, via, to and id; each problem is an error ack that names it
      const input = check(schemas.chat, data);
      if (!input.ok) return reply(fail(input.error));
      const { msg, via, to, id } = input.value;
      let target: ChatSocket | undefined;
      if (via === 'io.to') {
        target = io.of('/').sockets.get(to ?? '');
        // fix: an id nobody logged in with gets an error ack; io.to() alone would send to no one, silently
        if (!target || target.data.name === undefined)
          return reply(fail(`no user online with socket id "${to}"`));
      }
      // #region fixed:retry-once
      // A retry of a message already delivered: ack it again, deliver nothing.
      const recent = socket.data.recentIds ?? [];
      // fix: an id seen before is acked but not delivered again, so Retry is safe when only the ack was lost
      if (id !== undefined && recent.includes(id)) return reply({ ok: true });
      // fix: remember the last RECENT_IDS ids in socket.data, which a recovered session keeps
      if (id !== undefined) socket.data.recentIds = [...recent, id].slice(-RECENT_IDS);
      // #endregion

      messages.message(() => `Message from ${name}: ${msg}`);
      stopTyping();
      const message: ChatMessage = { from: { name, userid }, msg, via };
      if (id !== undefined) message.id = id;
      // #region fixed:variants
      // fix: the page picks one of the four ways to deliver, so they can be compared side by side
      if (via === 'io.emit') io.emit('chat', message);
      else if (via === 'socket.broadcast.emit') socket.broadcast.emit('chat', message);
      else if (via === 'socket.emit') socket.emit('s2c chat', message);
      else io.to(target?.id ?? '').emit('s2c chat', message);
      // #endregion
      // fix: the ack is what tells the sender its message went out, even when broadcast skips it
      reply({ ok: true });
    });
    // #endregion

    // #region fixed:typing-handler
    // "… is typing" for the others; it ends by itself if `false` never comes.
    socket.on('typing', (...args: unknown[]) => {
      const { data, reply } = split(args);
      if (socket.data.name === undefined) return reply(fail('log in first'));
      const input = check(schemas.typing, data);
      if (!input.ok) return reply(fail(input.error));
      reply({ ok: true });
      if (!input.value) return stopTyping();
      // fix: tell the others once when typing starts, not on every key
      if (!typingTimer)
        socket.broadcast.emit('typing', { id: socket.id, name: socket.data.name, typing: true });
      clearTimeout(typingTimer);
      // fix: end it after typingTimeoutMs by itself, in case `false` never comes
      typingTimer = setTimeout(stopTyping, typingTimeoutMs);
    });
    // #endregion

    // #region fixed:force-disconnect
    // The lecture's forceDisconnect: the server ends this socket's session.
    socket.on('forceDisconnect', (...args: unknown[]) => {
      // fix: ack before disconnecting, so the page's emit gets its answer
      split(args).reply({ ok: true });
      // The lecture's line. Reason on the client: "io server disconnect", and it stays down.
      socket.disconnect();
    });
    // #endregion

    // #region fixed:on-disconnect
    // Whoever leaves: stop their typing notice, tell the others, send the new list.
    socket.on('disconnect', (reason) => {
      const { name, userid } = socket.data;
      // fix: a socket that never logged in says so, instead of "undefined"
      log(`user disconnected: ${name ?? '(not logged in)'} (${reason})`);
      // fix: free the typing timer, so nothing is sent for a socket that is gone
      clearTimeout(typingTimer);
      if (typingTimer) {
        typingTimer = undefined;
        io.emit('typing', { id: socket.id, name: name ?? '', typing: false });
      }
      if (name !== undefined && userid !== undefined) {
        // fix: the others learn who left and why, and get the new list
        io.emit('presence', { kind: 'left', name, userid, reason });
        sendUsers();
      }
    });
    // #endregion
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
    PORT: createServers({
      client,
      maxEventsPerSecond: env.CHAT_MAX_EVENTS_PER_SECOND,
      recoveryMs: env.CHAT_RECOVERY_MS,
    }).http,
  }),
});

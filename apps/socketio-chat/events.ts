// The chapter's one source of truth for what travels over the socket. The
// server (`new Server<ClientToServerEvents, ServerToClientEvents>`), the page
// (`io()` typed as `Socket<ServerToClientEvents, ClientToServerEvents>`) and the
// tests all import these maps, so a renamed event or field fails to compile.

/** Every acknowledgement the server sends: `{ ok: true }`, or what was wrong. */
export type Ack = { ok: true } | { ok: false; error: string };

/** The callback a client passes as the last argument of `emit()`. */
export type AckCallback = (result: Ack) => void;

/**
 * The lecture's four ways of delivering a chat message, named after the call
 * the server makes.
 */
export const VARIANTS = ['io.emit', 'socket.broadcast.emit', 'socket.emit', 'io.to'] as const;
export type Variant = (typeof VARIANTS)[number];

/** What `login` sends: both fields are required strings. */
export interface LoginInput {
  name: string;
  userid: string;
}

/** What `chat` sends. `via` defaults to `io.emit`; `to` is a socket id, for `io.to` only. */
export interface ChatInput {
  msg: string;
  via?: Variant;
  to?: string;
  /** A client-chosen id: a retry with the same id is acked but not delivered twice. */
  id?: string;
}

/** A logged-in user, as the online list shows it. */
export interface User {
  /** The socket id: what `io.to(id)` addresses. */
  id: string;
  name: string;
  userid: string;
}

/** What the server delivers for each chat message: the lecture's `{from, msg}`, plus how it was sent. */
export interface ChatMessage {
  from: { name: string; userid: string };
  msg: string;
  via: Variant;
  id?: string;
}

/** A join/leave notice beyond the lecture's `login`: who went away and why, or who came back. */
export interface Presence {
  kind: 'left' | 'back';
  name: string;
  userid: string;
  /** The server-side disconnect reason, for `left`. */
  reason?: string;
}

/** Every event takes an ack as its last argument (the server also copes when it is left out). */
export interface ClientToServerEvents {
  /** Store name and userid on the socket; everyone gets `login` with the name. */
  login: (data: LoginInput, ack: AckCallback) => void;
  /** Deliver `msg` by `via`, as `{from, msg}`. */
  chat: (data: ChatInput, ack: AckCallback) => void;
  /** Ask the server to disconnect this socket (the lecture's `socket.disconnect()`). */
  forceDisconnect: (ack: AckCallback) => void;
  /** Start or stop the "… is typing" indicator the others see. */
  typing: (typing: boolean, ack: AckCallback) => void;
}

export interface ServerToClientEvents {
  /** The lecture's join notice: the name of whoever logged in. */
  login: (name: string) => void;
  /** A message sent with `io.emit` or `socket.broadcast.emit`. */
  chat: (message: ChatMessage) => void;
  /** The lecture's `s2c chat`: a message sent with `socket.emit` or `io.to(id)`. */
  's2c chat': (message: ChatMessage) => void;
  /** The online list, after every change. */
  users: (users: User[]) => void;
  /** Someone left (disconnect) or came back (a recovered connection). */
  presence: (presence: Presence) => void;
  /** Someone started or stopped typing. */
  typing: (state: { id: string; name: string; typing: boolean }) => void;
  /** A message for this client alone, e.g. why it is about to be disconnected. */
  notice: (text: string) => void;
}

/** What the server keeps on each socket (`socket.data`); it survives a recovered connection. */
export interface SocketData {
  name?: string;
  userid?: string;
  /** The last few `chat` ids, so a retried message is not delivered twice. */
  recentIds?: string[];
}

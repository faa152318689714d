// The chapter's one description of what travels over Socket.IO. The server, both
// pages and the tests import these types, so a renamed event or field breaks the
// build everywhere at once instead of failing silently at run time.

/** The namespace of the lecture's room chat. Every other namespace is refused. */
export const CHAT_NAMESPACE = '/chat';

/** Limits the server enforces; the pages use them for `maxlength` too. */
export const LIMITS = {
  /** Longest room name, in characters (code points). */
  room: 64,
  /** Longest display name, in characters. */
  name: 32,
  /** Longest message, in characters. */
  msg: 2000,
} as const;

/**
 * How a socket's membership behaves, chosen once at connect time with
 * `io('/chat', { auth: { mode } })`.
 * - `explicit` (the default): a socket is in at most one room; posting to or
 *   joining another room leaves the previous one.
 * - `lecture`: the lecture's handler, kept as the pitfall: every room a socket
 *   posts to is joined and never left.
 */
export type Mode = 'explicit' | 'lecture';
export const MODES: readonly Mode[] = ['explicit', 'lecture'];

/** What a client sends in the handshake's `auth`. */
export interface ChatAuth {
  mode?: Mode;
}

/** Every acknowledgement has this shape: `ok` plus data, or `ok: false` and a sentence. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };
export type AckCallback<T extends object = object> = (answer: Ack<T>) => void;

/** The lecture's message, as the page sends it. */
export interface ChatMessageIn {
  name: string;
  room: string;
  msg: string;
}

/** What `join` sends: the name to show and the room to move to. */
export interface JoinIn {
  name: string;
  room: string;
}

/** The lecture's message, as the room receives it: no room, exactly as in the lecture. */
export interface ChatMessageOut {
  name: string;
  msg: string;
}

/** One row of the room list. `count` is every socket in the room, in either mode. */
export interface RoomInfo {
  room: string;
  count: number;
}

export interface ClientToServerEvents {
  /** The lecture's event: join `room` (leaving the previous one in explicit mode), then post to it. */
  'chat message': (data: ChatMessageIn, ack?: AckCallback<{ room: string }>) => void;
  /** Explicit mode: leave the current room (if any) and join `room`. */
  join: (data: JoinIn, ack?: AckCallback<{ room: string; left: string | null }>) => void;
  /** Explicit mode: leave the current room. */
  leave: (ack?: AckCallback<{ left: string }>) => void;
}

export interface ServerToClientEvents {
  /** A message posted to a room this socket is in. */
  'chat message': (data: ChatMessageOut) => void;
  /** Someone joined or left a room this socket is in (sent to that room). */
  notice: (data: { room: string; name: string; action: 'joined' | 'left' }) => void;
  /** Every room of the namespace with its member count, sorted by name; sent on every change. */
  rooms: (list: RoomInfo[]) => void;
  /** The names in one room, sorted; sent to that room whenever they change. */
  members: (data: { room: string; members: string[] }) => void;
  /** The rooms this socket itself is in, sorted; sent to it whenever that changes. */
  membership: (data: { mode: Mode; rooms: string[] }) => void;
}

/** What the server keeps on each socket (`socket.data`). */
export interface SocketData {
  mode: Mode;
  /** The last name this socket used; empty until it joins or posts. */
  name: string;
}

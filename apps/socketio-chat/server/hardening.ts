// What the lecture's server leaves out: limits on what one client may send,
// flood control, and a valibot schema for every payload, whose messages are
// the error acks a client sees. server/app.ts uses all of it.
import * as v from 'valibot';
import { type Ack, type AckCallback, VARIANTS } from '../events.ts';
import type { ChatSocket } from './app.ts';

/** What one client may send, and how fast. */
export interface Limits {
  /** The longest `msg` accepted, in characters. */
  maxMessageLength: number;
  /** The longest `name` accepted, in characters; a `userid` may be twice as long. */
  maxNameLength: number;
  /**
   * The largest packet Engine.IO accepts, in bytes. Bigger ones close the
   * connection, so this must stay well above `maxMessageLength` for an
   * over-long message to get an error ack instead.
   */
  maxHttpBufferSize: number;
  /** Events a socket may send per second; the rest get an error ack and are dropped. */
  maxEventsPerSecond: number;
  /** After this many refused events within one second, the socket is disconnected. */
  disconnectAfterRefused: number;
}

/** `options` with a default for every limit it leaves out. */
export function limitsOf(options: Partial<Limits>): Limits {
  const maxEventsPerSecond = options.maxEventsPerSecond ?? 10;
  return {
    maxMessageLength: options.maxMessageLength ?? 2000,
    maxNameLength: options.maxNameLength ?? 40,
    maxHttpBufferSize: options.maxHttpBufferSize ?? 1_000_000,
    maxEventsPerSecond,
    disconnectAfterRefused: options.disconnectAfterRefused ?? maxEventsPerSecond,
  };
}

/** An error ack. */
export const fail = (error: string): Ack => ({ ok: false, error });

/**
 * Splits a handler's raw arguments into the payload and the ack, wherever the
 * client put it: a client may leave out the payload, the ack, or both.
 */
export function split(args: unknown[]): { data: unknown; reply: (result: Ack) => void } {
  const last = args.at(-1);
  const reply = typeof last === 'function' ? (last as AckCallback) : () => {};
  const data = typeof args[0] === 'function' ? undefined : args[0];
  return { data, reply };
}

/** A payload that must be a plain object (not null, not an array), described by `shape` when it is not. */
function payload<E extends v.ObjectEntries>(entries: E, shape: string) {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      shape,
    ),
    // An absent key is the object's issue; its `expected` is the key in quotes: `"name"`.
    v.object(entries, (issue) => `${issue.expected} is missing`),
  );
}

// #region fixed:text-check
/** A required, non-blank string of at most `max` characters. */
function text(key: string, max: number) {
  return v.pipe(
    // fix: a missing field and a field of the wrong type each get a message naming the field
    v.string((issue) =>
      issue.input === null || issue.input === undefined
        ? `"${key}" is missing`
        : `"${key}" must be a string (got ${typeof issue.input})`,
    ),
    v.check((value) => value.trim() !== '', `"${key}" is empty`),
    // fix: a length limit well under maxHttpBufferSize, so a long message gets an answer, not a closed connection
    v.maxLength(
      max,
      (issue) => `"${key}" is ${issue.input.length} characters; the limit is ${max}`,
    ),
  );
}
// #endregion

const ID_PATTERN = /^[\w-]{1,64}$/;
const BAD_ID = '"id" must be 1-64 letters, digits, "_" or "-"';
const NO_TARGET = '"to" (a socket id) is required for io.to';

// #region fixed:input-schemas
/** The schema of each client→server payload, with `limits` applied. */
export function inputSchemas({ maxMessageLength, maxNameLength }: Limits) {
  return {
    login: payload(
      { name: text('name', maxNameLength), userid: text('userid', maxNameLength * 2) },
      'login needs an object {name, userid}',
    ),
    chat: v.pipe(
      payload(
        {
          msg: text('msg', maxMessageLength),
          // fix: only the four variants; without one, io.emit as in the lecture
          via: v.optional(
            v.picklist(VARIANTS, `"via" must be one of ${VARIANTS.join(', ')}`),
            'io.emit',
          ),
          // fix: the page's id for each message, short and plain, so the server can spot a retry
          id: v.optional(v.pipe(v.string(BAD_ID), v.regex(ID_PATTERN, BAD_ID))),
          to: v.optional(v.string('"to" must be a socket id (a string)')),
        },
        'chat needs an object {msg}',
      ),
      // fix: io.to needs someone to send to
      v.check((input) => input.via !== 'io.to' || input.to !== undefined, NO_TARGET),
    ),
    typing: v.boolean('typing needs true or false'),
  };
}
// #endregion

/**
 * Flood control, before any handler: per one-second window, at most
 * `maxEventsPerSecond` messages (login, chat, forceDisconnect) and, counted
 * apart so a fast typist is not punished, as many typing events. A refused
 * event gets an error ack; `disconnectAfterRefused` refusals in one window
 * disconnect the socket with a notice.
 */
export function limitFlooding(
  socket: ChatSocket,
  { maxEventsPerSecond, disconnectAfterRefused }: Limits,
  log: (line: string) => void,
): void {
  // #region fixed:flood-limit
  let windowStart = Date.now();
  const counts = { messages: 0, typing: 0 };
  let refusedInWindow = 0;
  // Runs for every incoming packet, before the event's handler.
  // fix: socket.use() sees every packet first, so one rule covers every event
  socket.use((packet, next) => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      counts.messages = 0;
      counts.typing = 0;
      refusedInWindow = 0;
    }
    // fix: typing is counted apart, so a fast typist does not use up the chat budget
    const kind = packet[0] === 'typing' ? 'typing' : 'messages';
    counts[kind] += 1;
    if (counts[kind] <= maxEventsPerSecond) return next();
    refusedInWindow += 1;
    const { reply } = split(packet.slice(1));
    // fix: an event over the limit is not handled; its ack says why
    reply(fail(`too many messages: at most ${maxEventsPerSecond} per second`));
    // fix: a client that keeps going is told why, then disconnected
    if (refusedInWindow >= disconnectAfterRefused && socket.connected) {
      log(`flooding: disconnecting ${socket.data.name ?? socket.id}`);
      socket.emit('notice', `Disconnected for flooding (over ${maxEventsPerSecond} per second).`);
      socket.disconnect(true);
    }
  });
  // #endregion
}

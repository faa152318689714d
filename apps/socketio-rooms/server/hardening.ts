// What a client may send to /chat, checked with valibot (`check(schema, input)`
// from @course/kit) before a handler acts on it. Each schema carries the
// sentence the client gets back in its error ack; the first problem wins.
import * as v from 'valibot';
import {
  type ChatMessageIn,
  type ClientToServerEvents,
  type JoinIn,
  LIMITS,
  MODES,
} from '../events.ts';

/** The events a client may send; anything else sent with an ack gets an error ack. */
export const KNOWN_EVENTS: ReadonlySet<string> = new Set(
  Object.keys({
    'chat message': true,
    join: true,
    leave: true,
  } satisfies Record<keyof ClientToServerEvents, true>),
);

/** The handshake's `auth.mode`: one of MODES, `explicit` when left out. */
export const ModeSchema = v.nullish(
  v.picklist(
    MODES,
    (issue) =>
      `auth.mode must be ${MODES.map((mode) => `"${mode}"`).join(' or ')} (got ${String(issue.input)})`,
  ),
  'explicit',
);

/** Counts characters as a person does (code points), not UTF-16 units. */
const length = (text: string) => [...text].length;

/** A short name for what arrived instead of the expected type. */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

type Field = keyof typeof LIMITS;

/** `"room" must be a string (got number)`; a missing field arrives as `undefined`. */
const notAString = (field: string, input: unknown) =>
  `"${field}" must be a string (got ${kind(input)})`;

/** A string, or `"room" must be a string (got …)`. */
const aString = (field: Field) => v.string((issue) => notAString(field, issue.input));

/** Not empty or spaces only, or `"room" must not be empty`. */
const notBlank = (field: Field) =>
  v.check((value: string) => value.trim() !== '', `"${field}" must not be empty`);

/** At most LIMITS[field] characters, or `"room" is over 64 characters (got 65)`. */
const withinLimit = (field: Field) =>
  v.check(
    (value: string) => length(value) <= LIMITS[field],
    (issue) => `"${field}" is over ${LIMITS[field]} characters (got ${length(issue.input)})`,
  );

/** A name or a room: trimmed, so `A` and ` A ` are the same room. */
const trimmedText = (field: 'name' | 'room') =>
  v.pipe(aString(field), v.trim(), notBlank(field), withinLimit(field));

/** A display name, at most 32 characters. */
export const NameSchema = trimmedText('name');
/** A room name, at most 64 characters. */
export const RoomSchema = trimmedText('room');
/** A message keeps its spaces; one of spaces only is empty. At most 2,000 characters. */
export const MsgSchema = v.pipe(aString('msg'), notBlank('msg'), withinLimit('msg'));

/** A plain object (not null, not an array) with `entries`, checked in their order. */
function payload<E extends v.ObjectEntries>(entries: E) {
  const expected = `expected an object {${Object.keys(entries).join(', ')}}`;
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      (issue) => `${expected} (got ${kind(issue.input)})`,
    ),
    // Given an object, the only issue the object schema raises itself is a missing field.
    v.object(entries, (issue) => notAString(String(issue.path?.[0]?.key), undefined)),
  );
}

/**
 * The payloads of /chat. A room may not be named like a socket's id
 * (`isSocketId`): every socket sits in a private room of that name, so posting
 * there would reach it. That check comes after the fields', as its own issue.
 */
export function payloadSchemas(isSocketId: (room: string) => boolean) {
  const notASocketId = '"room" may not be a socket id';
  return {
    /** The lecture's `chat message`: {name, room, msg}. */
    chatMessage: v.pipe(
      payload({ name: NameSchema, room: RoomSchema, msg: MsgSchema }),
      v.check(({ room }: ChatMessageIn) => !isSocketId(room), notASocketId),
    ),
    /** `join`: {name, room}. */
    join: v.pipe(
      payload({ name: NameSchema, room: RoomSchema }),
      v.check(({ room }: JoinIn) => !isSocketId(room), notASocketId),
    ),
  };
}

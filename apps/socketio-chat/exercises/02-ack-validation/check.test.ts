// The check for "A chat event that answers bad input": your server and two socket.io-client
// clients, A (who sends) and B (who watches what everyone gets).
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../events.ts';

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long to wait for an ack: a server that answers, answers at once. */
const ACK_MS = 2000;

let server: RunningChapter;
let a: ChatClient;
let b: ChatClient;
/** Every `msg` B received, in order. */
const delivered: unknown[] = [];
/** What the server threw: in-process here, but in a real server each one ends the process. */
const thrown: Error[] = [];
const onThrow = (error: Error) => thrown.push(error);

/** A client of the page's server, connected and logged in as `name`. */
async function loggedIn(name: string): Promise<ChatClient> {
  const client: ChatClient = io(`http://127.0.0.1:${server.ports.PORT}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', reject);
  });
  const ack = await client
    .timeout(ACK_MS)
    .emitWithAck('login', { name, userid: `${name}@example.com` });
  if (!ack.ok) throw new Error(`login of ${name} was refused: ${ack.error}`);
  return client;
}

beforeAll(async () => {
  process.on('uncaughtException', onThrow);
  server = await startUnderCheck(import.meta.dirname);
  a = await loggedIn('a');
  b = await loggedIn('b');
  b.on('chat', (message) => delivered.push(message.msg));
});
afterAll(async () => {
  a?.disconnect();
  b?.disconnect();
  await server?.close();
  process.off('uncaughtException', onThrow);
});

/** A's `chat` with exactly `args` (which the event map would refuse), and its ack or 'no ack'. */
async function send(...args: unknown[]): Promise<unknown> {
  try {
    return await (a as unknown as Socket).timeout(ACK_MS).emitWithAck('chat', ...args);
  } catch {
    return 'no ack';
  }
}

/** What a learner reads about one ack, with what the server threw meanwhile. */
function describe(ack: unknown, throwsBefore: number): string {
  if (ack !== 'no ack') return JSON.stringify(ack);
  const error = thrown.slice(throwsBefore)[0];
  return error
    ? `no ack within ${ACK_MS} ms: the handler threw ${error} (in a real server, that stops the process)`
    : `no ack within ${ACK_MS} ms`;
}

/** An ack as the steps compare it: "an error ack naming …", or what came instead. */
function verdict(ack: unknown, throwsBefore: number, field?: string): string {
  const answered = typeof ack === 'object' && ack !== null ? (ack as Record<string, unknown>) : {};
  if (answered.ok === false && typeof answered.error === 'string' && answered.error !== '') {
    if (field === undefined) return 'an error ack';
    if (answered.error.includes(field)) return `an error ack naming ${field}`;
  }
  return describe(ack, throwsBefore);
}

/** A delivered `msg` as a short line: long strings cut, with their length. */
const shown = (msg: unknown) =>
  typeof msg === 'string' && msg.length > 20
    ? `"${msg.slice(0, 10)}…" (${msg.length} characters)`
    : (JSON.stringify(msg) ?? 'undefined');

/** Sends a good message from A and waits until B has it: what B got before it had to come earlier. */
async function flush(marker: string): Promise<void> {
  await send({ msg: marker });
  await expect
    .poll(() => delivered.includes(marker), { message: `B should get the message '${marker}'` })
    .toBe(true);
}

it('delivers a good message to everyone and acks {ok: true}', async () => {
  const ack = await send({ msg: 'hello' });
  expect(ack, 'A chat {msg: "hello"} should be acked {ok: true}').toEqual({ ok: true });
  await expect
    .poll(() => delivered, { message: "The other client, B, should get 'hello'" })
    .toContain('hello');
});

it('answers a msg that is missing, not a string, blank or over 2000 characters with an error ack naming "msg"', async () => {
  const bad: [string, unknown][] = [
    ['{}', {}],
    ['{msg: 42}', { msg: 42 }],
    ['{msg: null}', { msg: null }],
    ["{msg: ''}", { msg: '' }],
    ["{msg: '   '}", { msg: '   ' }],
    ['{msg: 2001 characters}', { msg: 'a'.repeat(2001) }],
  ];
  for (const [label, payload] of bad) {
    const before = thrown.length;
    const got = verdict(await send(payload), before, '"msg"');
    expect(
      got,
      `A chat ${label} should get {ok: false, error: "…"} with an error that names "msg"; it got ${got}`,
    ).toBe('an error ack naming "msg"');
  }
});

it('sends nothing to anyone for bad input', async () => {
  const from = delivered.length;
  for (const payload of [{}, { msg: 42 }, { msg: '' }, { msg: '   ' }, { msg: 'a'.repeat(2001) }])
    await send(payload);
  await flush('after the bad ones');
  const leaked = delivered.slice(from, -1).map(shown);
  const got = leaked.join(', ') || 'nothing';
  expect(
    got,
    `B should get nothing for the bad payloads, only the good message after them; it got ${got}`,
  ).toBe('nothing');
});

it('answers a payload that is not an object, or none at all, with an error ack, and stays connected', async () => {
  const bad: [string, unknown[]][] = [
    ['null', [null]],
    ["'hello'", ['hello']],
    ['42', [42]],
    ['no payload, just the ack', []],
  ];
  for (const [label, args] of bad) {
    const before = thrown.length;
    const got = verdict(await send(...args), before);
    expect(
      got,
      `A chat with ${label} should get {ok: false, error: "…"} that says what is wrong; it got ${got}`,
    ).toBe('an error ack');
  }
  expect(a.connected, 'A should still be connected after its bad payloads').toBe(true);
});

it('handles a chat sent without an ack callback, and nothing throws', async () => {
  const before = thrown.length;
  const from = delivered.length;
  (a as unknown as Socket).emit('chat', { msg: 'no ack wanted' });
  (a as unknown as Socket).emit('chat', {});
  (a as unknown as Socket).emit('chat', null);
  await flush('after the ones without an ack');
  const threw = thrown.slice(before).map(String).join('; ') || 'nothing';
  expect(
    threw,
    `A chat without an ack callback (socket.emit with no function) should not make the handler throw; it threw ${threw}`,
  ).toBe('nothing');
  const got = delivered.slice(from, -1).map(shown);
  expect(
    got.join(', '),
    `Of {msg: 'no ack wanted'}, {} and null sent without an ack, B should get 'no ack wanted' alone; it got ${got.join(', ') || 'nothing'}`,
  ).toBe('"no ack wanted"');
});

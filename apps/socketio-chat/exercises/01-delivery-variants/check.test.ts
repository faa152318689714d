// The check for "The four ways to deliver a chat message": your server and three
// socket.io-client clients, A, B and C, each logged in, as three tabs would be.
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChatInput, ClientToServerEvents, ServerToClientEvents } from '../../events.ts';

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One message as a client received it: under which event, and its text. */
interface Arrival {
  event: 'chat' | 's2c chat';
  msg: string;
}

const NAMES = ['A', 'B', 'C'] as const;
type Name = (typeof NAMES)[number];

let server: RunningChapter;
const clients = {} as Record<Name, ChatClient>;
const inbox = { A: [], B: [], C: [] } as Record<Name, Arrival[]>;

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname);
  for (const name of NAMES) {
    const client: ChatClient = io(`http://127.0.0.1:${server.ports.PORT}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    clients[name] = client;
    client.on('chat', (message) => inbox[name].push({ event: 'chat', msg: message.msg }));
    client.on('s2c chat', (message) => inbox[name].push({ event: 's2c chat', msg: message.msg }));
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('connect_error', reject);
    });
    const ack = await client
      .timeout(3000)
      .emitWithAck('login', { name, userid: `${name.toLowerCase()}@example.com` });
    if (!ack.ok) throw new Error(`login of ${name} was refused: ${ack.error}`);
  }
});
afterAll(async () => {
  for (const client of Object.values(clients)) client.disconnect();
  await server?.close();
});

let sent = 0;

/**
 * A sends `input`, then a marker with io.emit. Socket.IO keeps the order of each
 * connection, so once every client has the marker, whatever the message did not
 * bring to a client by then was never sent to it. Returns who got the message,
 * as "B (chat), C (chat)", or "nobody".
 */
async function whoGets(input: Omit<ChatInput, 'msg'>): Promise<string> {
  sent += 1;
  const msg = `message ${sent}`;
  const marker = `marker ${sent}`;
  const ack = await clients.A.timeout(3000).emitWithAck('chat', { ...input, msg });
  expect(ack, `A's chat with ${input.via} should be acked {ok: true}`).toEqual({ ok: true });
  await clients.A.timeout(3000).emitWithAck('chat', { msg: marker, via: 'io.emit' });
  await expect
    .poll(() => NAMES.filter((name) => !inbox[name].some((arrival) => arrival.msg === marker)), {
      message: `A marker sent with io.emit should reach A, B and C; these still wait for it`,
    })
    .toEqual([]);
  const got = NAMES.flatMap((name) =>
    inbox[name]
      .filter((arrival) => arrival.msg === msg)
      .map((arrival) => `${name} (${arrival.event})`),
  );
  return got.join(', ') || 'nobody';
}

it('io.emit reaches everyone, the sender included, as chat', async () => {
  expect(
    await whoGets({ via: 'io.emit' }),
    'A sent with io.emit: A, B and C should each get it once, as chat',
  ).toBe('A (chat), B (chat), C (chat)');
});

it('socket.broadcast.emit reaches everyone but the sender, as chat', async () => {
  expect(
    await whoGets({ via: 'socket.broadcast.emit' }),
    'A sent with socket.broadcast.emit: B and C should get it as chat, and A, the sender, should not',
  ).toBe('B (chat), C (chat)');
});

it('socket.emit answers the sender only, as s2c chat', async () => {
  expect(
    await whoGets({ via: 'socket.emit' }),
    'A sent with socket.emit: only A should get it, as s2c chat',
  ).toBe('A (s2c chat)');
});

it('io.to(id) reaches only the socket with that id, as s2c chat', async () => {
  expect(
    await whoGets({ via: 'io.to', to: clients.C.id as string }),
    "A sent with io.to and C's socket id: only C should get it, as s2c chat",
  ).toBe('C (s2c chat)');
});

// The check for "The four ways to deliver a chat message": your server and three
// socket.io-client clients, A, B and C, each logged in, as three tabs would be.
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
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
    if (!ack.ok)
      throw new Error(
        say({
          en: `login of ${name} was refused: ${ack.error}`,
          ko: `${name}의 login이 거부되었습니다: ${ack.error}`,
        }),
      );
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
  expect(
    ack,
    say({
      en: `A's chat with ${input.via} should be acked {ok: true}`,
      ko: `${input.via}로 보낸 A의 chat은 확인 응답 {ok: true}를 받아야 합니다`,
    }),
  ).toEqual({ ok: true });
  await clients.A.timeout(3000).emitWithAck('chat', { msg: marker, via: 'io.emit' });
  await expect
    .poll(() => NAMES.filter((name) => !inbox[name].some((arrival) => arrival.msg === marker)), {
      message: say({
        en: 'A marker sent with io.emit should reach A, B and C; these still wait for it',
        ko: 'io.emit으로 보낸 표시 메시지는 A, B, C 모두에게 닿아야 합니다. 아직 기다리는 클라이언트',
      }),
    })
    .toEqual([]);
  const got = NAMES.flatMap((name) =>
    inbox[name]
      .filter((arrival) => arrival.msg === msg)
      .map((arrival) => `${name} (${arrival.event})`),
  );
  return got.join(', ') || say({ en: 'nobody', ko: '아무도 받지 않음' });
}

it(
  say({
    en: 'io.emit reaches everyone, the sender included, as chat',
    ko: 'io.emit은 보낸 사람을 포함한 모두에게 chat으로 닿는다',
  }),
  async () => {
    expect(
      await whoGets({ via: 'io.emit' }),
      say({
        en: 'A sent with io.emit: A, B and C should each get it once, as chat',
        ko: 'A가 io.emit으로 보냈습니다. A, B, C가 각각 한 번씩 chat으로 받아야 합니다',
      }),
    ).toBe('A (chat), B (chat), C (chat)');
  },
);

it(
  say({
    en: 'socket.broadcast.emit reaches everyone but the sender, as chat',
    ko: 'socket.broadcast.emit은 보낸 사람을 뺀 모두에게 chat으로 닿는다',
  }),
  async () => {
    expect(
      await whoGets({ via: 'socket.broadcast.emit' }),
      say({
        en: 'A sent with socket.broadcast.emit: B and C should get it as chat, and A, the sender, should not',
        ko: 'A가 socket.broadcast.emit으로 보냈습니다. B와 C는 chat으로 받고, 보낸 사람 A는 받지 않아야 합니다',
      }),
    ).toBe('B (chat), C (chat)');
  },
);

it(
  say({
    en: 'socket.emit answers the sender only, as s2c chat',
    ko: 'socket.emit은 보낸 사람에게만 s2c chat으로 답한다',
  }),
  async () => {
    expect(
      await whoGets({ via: 'socket.emit' }),
      say({
        en: 'A sent with socket.emit: only A should get it, as s2c chat',
        ko: 'A가 socket.emit으로 보냈습니다. A만 s2c chat으로 받아야 합니다',
      }),
    ).toBe('A (s2c chat)');
  },
);

it(
  say({
    en: 'io.to(id) reaches only the socket with that id, as s2c chat',
    ko: 'io.to(id)는 그 id의 소켓에게만 s2c chat으로 닿는다',
  }),
  async () => {
    expect(
      await whoGets({ via: 'io.to', to: clients.C.id as string }),
      say({
        en: "A sent with io.to and C's socket id: only C should get it, as s2c chat",
        ko: 'A가 io.to와 C의 소켓 id로 보냈습니다. C만 s2c chat으로 받아야 합니다',
      }),
    ).toBe('C (s2c chat)');
  },
);

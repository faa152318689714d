// The check for "WebSocket only, without sticky sessions": two instances of the
// rooms chapter's server behind a round-robin balancer, and socket.io-client
// connections made with your clientOptions.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { variantDir } from '@course/chapters/exercises';
import { exerciseAt } from '@course/kit/exercise';
import { say, variantUnderCheck } from '@course/kit/exercise-check';
import { listening } from '@course/kit/test-server';
import { createServers } from '@course/socketio-rooms';
import {
  CHAT_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@course/socketio-rooms/events';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roundRobin } from './balancer.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const stops: (() => Promise<void>)[] = [];
const clients: Client[] = [];
let url = '';
let clientOptions: Partial<ManagerOptions & SocketOptions> = {};

beforeAll(async () => {
  const dir = variantDir(exerciseAt(import.meta.dirname), variantUnderCheck(import.meta.dirname));
  ({ clientOptions } = await import(pathToFileURL(join(dir, 'client-options.ts')).href));
  const ports: number[] = [];
  for (let i = 0; i < 2; i++) {
    const server = await listening(createServers().http);
    ports.push(server.port);
    stops.push(server.close);
  }
  const balancer = await roundRobin(ports);
  stops.push(balancer.close);
  url = balancer.url;
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const stop of stops.reverse()) await stop();
});

/** Connects with your options; resolves once connected, rejects with what went wrong. */
function connect(): Promise<Client> {
  const client: Client = io(`${url}${CHAT_NAMESPACE}`, {
    ...clientOptions,
    forceNew: true,
    reconnection: false,
    timeout: 3000,
  });
  clients.push(client);
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('connect_error', (error) => reject(error));
    setTimeout(() => reject(new Error('no connect within 4 s')), 4000);
  });
}

it(
  say({
    en: 'connects through a balancer without sticky sessions',
    ko: '스티키 세션 없는 로드 밸런서를 거쳐 연결한다',
  }),
  async () => {
    const client = await connect().catch((error: Error) => {
      throw new Error(
        say({
          en: `The client should connect through the round-robin balancer, but: ${error.message}. Each long-polling request reaches the next instance, which answers 400 "Session ID unknown".`,
          ko: `클라이언트가 라운드 로빈 로드 밸런서를 거쳐 연결해야 하는데, 이렇게 되었습니다: ${error.message}. 롱 폴링 요청은 하나하나 다음 인스턴스에 닿고, 그 인스턴스는 400 "Session ID unknown"으로 답합니다.`,
        }),
      );
    });
    expect(
      client.connected,
      say({ en: 'the client should be connected', ko: '클라이언트가 연결되어 있어야 합니다' }),
    ).toBe(true);
  },
);

it(
  say({
    en: 'stays on one instance: joins a room and gets its own messages back',
    ko: '한 인스턴스에 머문다. 룸에 들어가 자기 메시지를 돌려받는다',
  }),
  async () => {
    const client = await connect().catch(() => undefined);
    expect(
      client,
      say({
        en: 'The client should connect through the balancer first',
        ko: '클라이언트가 먼저 로드 밸런서를 거쳐 연결해야 합니다',
      }),
    ).toBeDefined();
    if (!client) return;
    const got: string[] = [];
    client.on('chat message', ({ name, msg }) => got.push(`${name}:${msg}`));
    const joined = await client.timeout(3000).emitWithAck('join', { name: 'Ann', room: 'lobby' });
    expect(
      joined,
      say({ en: 'join should be acknowledged', ko: 'join에 확인 응답이 와야 합니다' }),
    ).toMatchObject({ ok: true, room: 'lobby' });
    for (let i = 1; i <= 3; i++)
      await client
        .timeout(3000)
        .emitWithAck('chat message', { name: 'Ann', room: 'lobby', msg: `m${i}` });
    await expect
      .poll(() => got, {
        timeout: 3000,
        message: say({
          en: 'all three messages should come back',
          ko: '메시지 세 개가 모두 돌아와야 합니다',
        }),
      })
      .toEqual(['Ann:m1', 'Ann:m2', 'Ann:m3']);
    expect(
      client.io.engine.transport.name,
      say({
        en: 'the transport should be websocket',
        ko: '전송 방식(transport)은 websocket이어야 합니다',
      }),
    ).toBe('websocket');
  },
);

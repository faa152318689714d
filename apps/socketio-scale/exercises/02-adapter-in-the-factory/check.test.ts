// The check for "The adapter goes in the factory": two instances made by your
// createInstance(), a real redis-server, and socket.io-client members on each.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { variantDir } from '@course/chapters/exercises';
import { exerciseAt } from '@course/kit/exercise';
import { say, variantUnderCheck } from '@course/kit/exercise-check';
import { listening } from '@course/kit/test-server';
import type { Servers } from '@course/socketio-rooms';
import {
  CHAT_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@course/socketio-rooms/events';
import { createClient, type RedisClientType } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  INSTALL_REDIS,
  type RedisProcess,
  redisServerInstalled,
  startRedis,
} from '../../server/redis.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
let redis: RedisProcess | undefined;
const redisClients: RedisClientType[] = [];
const stops: (() => Promise<void>)[] = [];
const urls: string[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  if (!redisServerInstalled()) throw new Error(INSTALL_REDIS);
  redis = await startRedis();
  const dir = variantDir(exerciseAt(import.meta.dirname), variantUnderCheck(import.meta.dirname));
  const { createInstance } = (await import(pathToFileURL(join(dir, 'instance.ts')).href)) as {
    createInstance: (redis: RedisClientType) => Servers;
  };
  for (let i = 0; i < 2; i++) {
    const client = createClient({ url: redis.url }) as RedisClientType;
    client.on('error', () => {});
    await client.connect();
    redisClients.push(client);
    const { http, io: server } = createInstance(client);
    const running = await listening(http);
    urls.push(running.url);
    stops.push(async () => {
      await running.close();
      server.close();
    });
  }
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  for (const stop of stops) await stop();
  await Promise.allSettled(redisClients.map((client) => client.quit()));
  await redis?.stop();
});

/** A member on instance `index` (0 or 1), with everything it hears. */
async function member(index: number) {
  const socket: Client = io(`${urls[index]}${CHAT_NAMESPACE}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  clients.push(socket);
  const heard: string[] = [];
  socket.on('chat message', ({ name, msg }) => heard.push(`${name}:${msg}`));
  socket.on('notice', ({ name, action, room }) => heard.push(`${name} ${action} ${room}`));
  socket.on('membership', ({ rooms }) => heard.push(`in: ${rooms.join(',')}`));
  await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(undefined));
    socket.once('connect_error', reject);
  });
  return { socket, heard };
}

it(
  say({
    en: 'delivers a message posted on one instance to a member on the other',
    ko: '한 인스턴스에 보낸 메시지를 다른 인스턴스의 멤버에게 전달한다',
  }),
  async () => {
    const [ann, bob] = [await member(0), await member(1)];
    await ann.socket.timeout(3000).emitWithAck('join', { name: 'Ann', room: 'one' });
    await bob.socket.timeout(3000).emitWithAck('join', { name: 'Bob', room: 'one' });
    await ann.socket
      .timeout(3000)
      .emitWithAck('chat message', { name: 'Ann', room: 'one', msg: 'hi' });
    await expect
      .poll(() => bob.heard, {
        timeout: 3000,
        message: say({
          en: 'Bob, on the other instance, should get Ann:hi',
          ko: '다른 인스턴스에 있는 Bob이 Ann:hi를 받아야 합니다',
        }),
      })
      .toContain('Ann:hi');
  },
);

it(
  say({
    en: "tells a member the rooms it is in after it joins (the rooms chapter's membership update)",
    ko: '멤버가 룸에 들어가면 그 멤버가 있는 룸을 알려 준다(룸 챕터의 membership 갱신)',
  }),
  async () => {
    const cat = await member(0);
    await cat.socket.timeout(3000).emitWithAck('join', { name: 'Cat', room: 'two' });
    await expect
      .poll(() => cat.heard, {
        timeout: 2000,
        message: say({
          en: 'After joining "two", the server should send membership {rooms: ["two"]}: it comes from the adapter\'s join-room event, which the rooms chapter listens to on the adapter the namespace was built with',
          ko: '"two"에 들어간 뒤 서버가 membership {rooms: ["two"]}를 보내야 합니다. 이것은 어댑터의 join-room 이벤트에서 나오고, 룸 챕터는 네임스페이스를 만들 때의 어댑터에서 이 이벤트를 듣습니다',
        }),
      })
      .toContain('in: two');
  },
);

it(
  say({
    en: 'tells the room, on the other instance too, that someone joined',
    ko: '누가 들어왔는지 룸에, 다른 인스턴스에도 알린다',
  }),
  async () => {
    const [dan, eve] = [await member(0), await member(1)];
    await dan.socket.timeout(3000).emitWithAck('join', { name: 'Dan', room: 'three' });
    await eve.socket.timeout(3000).emitWithAck('join', { name: 'Eve', room: 'three' });
    await expect
      .poll(() => dan.heard, {
        timeout: 2000,
        message: say({
          en: 'Dan, on instance 1, should hear "Eve joined three" from instance 2',
          ko: '인스턴스 1에 있는 Dan이 인스턴스 2에서 온 "Eve joined three"를 들어야 합니다',
        }),
      })
      .toContain('Eve joined three');
  },
);

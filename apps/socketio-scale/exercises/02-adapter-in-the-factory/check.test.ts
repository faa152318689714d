// The check for "The adapter goes in the factory": two instances made by your
// createInstance(), a real redis-server, and socket.io-client members on each.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { variantDir } from '@course/chapters/exercises';
import { exerciseAt } from '@course/kit/exercise';
import { variantUnderCheck } from '@course/kit/exercise-check';
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

it('delivers a message posted on one instance to a member on the other', async () => {
  const [ann, bob] = [await member(0), await member(1)];
  await ann.socket.timeout(3000).emitWithAck('join', { name: 'Ann', room: 'one' });
  await bob.socket.timeout(3000).emitWithAck('join', { name: 'Bob', room: 'one' });
  await ann.socket
    .timeout(3000)
    .emitWithAck('chat message', { name: 'Ann', room: 'one', msg: 'hi' });
  await expect
    .poll(() => bob.heard, {
      timeout: 3000,
      message: 'Bob, on the other instance, should get Ann:hi',
    })
    .toContain('Ann:hi');
});

it("tells a member the rooms it is in after it joins (the rooms chapter's membership update)", async () => {
  const cat = await member(0);
  await cat.socket.timeout(3000).emitWithAck('join', { name: 'Cat', room: 'two' });
  await expect
    .poll(() => cat.heard, {
      timeout: 2000,
      message:
        'After joining "two", the server should send membership {rooms: ["two"]}: it comes from the adapter\'s join-room event, which the rooms chapter listens to on the adapter the namespace was built with',
    })
    .toContain('in: two');
});

it('tells the room, on the other instance too, that someone joined', async () => {
  const [dan, eve] = [await member(0), await member(1)];
  await dan.socket.timeout(3000).emitWithAck('join', { name: 'Dan', room: 'three' });
  await eve.socket.timeout(3000).emitWithAck('join', { name: 'Eve', room: 'three' });
  await expect
    .poll(() => dan.heard, {
      timeout: 2000,
      message: 'Dan, on instance 1, should hear "Eve joined three" from instance 2',
    })
    .toContain('Eve joined three');
});

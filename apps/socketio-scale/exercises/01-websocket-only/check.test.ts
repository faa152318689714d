// The check for "WebSocket only, without sticky sessions": two instances of the
// rooms chapter's server behind a round-robin balancer, and socket.io-client
// connections made with your clientOptions.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { variantDir } from '@course/chapters/exercises';
import { exerciseAt } from '@course/kit/exercise';
import { variantUnderCheck } from '@course/kit/exercise-check';
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

it('connects through a balancer without sticky sessions', async () => {
  const client = await connect().catch((error: Error) => {
    throw new Error(
      `The client should connect through the round-robin balancer, but: ${error.message}. Each long-polling request reaches the next instance, which answers 400 "Session ID unknown".`,
    );
  });
  expect(client.connected, 'the client should be connected').toBe(true);
});

it('stays on one instance: joins a room and gets its own messages back', async () => {
  const client = await connect().catch(() => undefined);
  expect(client, 'The client should connect through the balancer first').toBeDefined();
  if (!client) return;
  const got: string[] = [];
  client.on('chat message', ({ name, msg }) => got.push(`${name}:${msg}`));
  const joined = await client.timeout(3000).emitWithAck('join', { name: 'Ann', room: 'lobby' });
  expect(joined, 'join should be acknowledged').toMatchObject({ ok: true, room: 'lobby' });
  for (let i = 1; i <= 3; i++)
    await client
      .timeout(3000)
      .emitWithAck('chat message', { name: 'Ann', room: 'lobby', msg: `m${i}` });
  await expect
    .poll(() => got, { timeout: 3000, message: 'all three messages should come back' })
    .toEqual(['Ann:m1', 'Ann:m2', 'Ann:m3']);
  expect(client.io.engine.transport.name, 'the transport should be websocket').toBe('websocket');
});

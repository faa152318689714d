// Two instances of the rooms chapter's server in this process, each with its own
// Redis clients and adapter, sharing one real redis-server.

import { listening } from '@course/kit/test-server';
import { createServers } from '@course/socketio-rooms';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADAPTER_KINDS, type Topology } from '../events.ts';
import { type RedisProcess, startRedis } from '../server/redis.ts';
import { closeClients, member, startInstance, topologyClient, WAIT_MS } from './helpers.ts';

let redis: RedisProcess;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());
afterEach(closeClients);

describe.each(ADAPTER_KINDS)('two instances with the %s adapter', (adapter) => {
  let a: Awaited<ReturnType<typeof startInstance>>;
  let b: Awaited<ReturnType<typeof startInstance>>;
  beforeAll(async () => {
    a = await startInstance(redis.url, 'A', adapter);
    b = await startInstance(redis.url, 'B', adapter);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('delivers a room message to members on the other instance, and not to other rooms', async () => {
    const [ann, bob, cat] = await Promise.all([member(a.url), member(b.url), member(b.url)]);
    await ann.join('Ann', `lobby-${adapter}`);
    await bob.join('Bob', `lobby-${adapter}`);
    await cat.join('Cat', `other-${adapter}`);
    expect(await ann.post('Ann', `lobby-${adapter}`, 'hi from A')).toMatchObject({ ok: true });
    await bob.hears('Ann:hi from A');
    await ann.hears('Ann:hi from A');
    // Cat is on B too, but in another room: a marker to her room arrives, Ann's message never did.
    await bob.post('Bob', `other-${adapter}`, 'marker');
    await cat.hears('Bob:marker');
    expect(cat.lines).not.toContain('Ann:hi from A');
  });

  it('moves a member between rooms across instances: notices and messages follow', async () => {
    const room1 = `one-${adapter}`;
    const room2 = `two-${adapter}`;
    const [ann, bob] = await Promise.all([member(a.url), member(b.url)]);
    await ann.join('Ann', room1);
    await bob.join('Bob', room1);
    // Ann (on A) hears that Bob (on B) joined her room: the notice crossed through Redis.
    await vi.waitFor(() => expect(ann.notices).toContain(`Bob joined ${room1}`), {
      timeout: WAIT_MS,
    });
    expect(await bob.join('Bob', room2)).toMatchObject({ ok: true, left: room1 });
    await vi.waitFor(() => expect(ann.notices).toContain(`Bob left ${room1}`), {
      timeout: WAIT_MS,
    });
    await ann.post('Ann', room1, 'still here?');
    await ann.join('Ann', room2);
    await ann.post('Ann', room2, 'found you');
    await bob.hears('Ann:found you');
    expect(bob.lines).not.toContain('Ann:still here?');
  });

  it('lists every member of the cluster, with the instance each is on (fetchSockets)', async () => {
    const room = `listed-${adapter}`;
    const [ann, bob] = await Promise.all([member(a.url), member(b.url)]);
    await ann.join('Ann', room);
    await bob.join('Bob', room);
    const seer = await topologyClient(a.url);
    const topology: Topology = await seer.socket.timeout(WAIT_MS).emitWithAck('topology');
    expect(topology.instance).toBe('A');
    expect(topology.instances.map((one) => one.instance)).toEqual(['A', 'B']);
    const inRoom = topology.members.filter((one) => one.rooms.includes(room));
    expect(inRoom.map(({ name, instance }) => `${name}@${instance}`).sort()).toEqual([
      'Ann@A',
      'Bob@B',
    ]);
  });

  it("shows each message's path: the instance it was sent to and every instance that delivered it", async () => {
    const room = `path-${adapter}`;
    const [ann, bob] = await Promise.all([member(a.url), member(b.url)]);
    await ann.join('Ann', room);
    await bob.join('Bob', room);
    const watcher = await topologyClient(b.url);
    const routes: unknown[] = [];
    watcher.socket.on('route', (route) => routes.push(route));
    await ann.post('Ann', room, 'trace me');
    await vi.waitFor(
      () =>
        expect(routes).toContainEqual({
          name: 'Ann',
          room,
          msg: 'trace me',
          from: 'A',
          adapter,
          deliveredBy: ['A', 'B'],
        }),
      { timeout: WAIT_MS },
    );
  });
});

describe('two instances without an adapter', () => {
  it('a room message stays on the instance it was sent to', async () => {
    const [a, b] = [await listening(createServers().http), await listening(createServers().http)];
    try {
      const [ann, amy, bob] = [await member(a.url), await member(a.url), await member(b.url)];
      await ann.join('Ann', 'alone');
      await amy.join('Amy', 'alone');
      await bob.join('Bob', 'alone');
      await ann.post('Ann', 'alone', 'who hears me?');
      await amy.hears('Ann:who hears me?');
      // Bob is in a room of the same name, on the other process: nothing tells it.
      await bob.post('Bob', 'alone', 'marker');
      await bob.hears('Bob:marker');
      expect(bob.lines).toEqual(['Bob:marker']);
    } finally {
      closeClients();
      await a.close();
      await b.close();
    }
  });
});

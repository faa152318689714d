// The chapter as `pnpm start` runs it: a primary that starts its own redis-server,
// WORKERS=2 workers behind one port with @socket.io/sticky, in a child process.
import { Manager } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Topology } from '../events.ts';
import { probeRedis } from '../server/redis.ts';
import {
  type ChatClient,
  closeClients,
  Member,
  member,
  startCluster,
  type TopologyClient,
  topologyClient,
  WAIT_MS,
} from './helpers.ts';

let cluster: Awaited<ReturnType<typeof startCluster>>;
beforeAll(async () => {
  cluster = await startCluster({ WORKERS: '2' });
}, 60_000);
afterAll(() => cluster?.stop());
afterEach(closeClients);

describe('WORKERS=2 on one port, with sticky sessions', () => {
  it('says which instances it started, and with which adapter', () => {
    expect(cluster.output()).toMatch(/2 instances \(streams adapter\): A pid \d+, B pid \d+/);
    expect(cluster.output()).toMatch(
      /Started redis-server for this lesson: redis:\/\/127\.0\.0\.1:\d+/,
    );
  });

  it('keeps every request of a polling session on its worker: no "Session ID unknown"', async () => {
    // Long-polling only: each poll is a new HTTP request that the primary must send to the same worker.
    const polling = await member(cluster.url, { transports: ['polling'] });
    await polling.join('Poll', 'polling-room');
    for (let i = 1; i <= 5; i++) await polling.post('Poll', 'polling-room', `poll ${i}`);
    await polling.hears('Poll:poll 5');
    expect(polling.socket.connected).toBe(true);
  });

  it('spreads new tabs over the instances, and a message crosses between them', async () => {
    const first = await topologyClient(cluster.url, { transports: ['polling', 'websocket'] });
    const second = await topologyClient(cluster.url, { transports: ['polling', 'websocket'] });
    expect([first.instance(), second.instance()].sort()).toEqual(['A', 'B']);
    const topology: Topology = await first.socket.timeout(WAIT_MS).emitWithAck('topology');
    expect(topology.instances.map((one) => one.instance)).toEqual(['A', 'B']);
  });
});

describe('a worker dies', () => {
  it('its clients reconnect to an instance that is up and are back in their room; the primary replaces it', async () => {
    // One connection (one Manager) for both namespaces, as the page has: the same instance for both.
    const manager = new Manager(cluster.url, {
      transports: ['websocket'],
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    const chat: ChatClient = manager.socket('/chat', { auth: { mode: 'explicit' } });
    const topology: TopologyClient = manager.socket('/topology');
    const seen: { instance: string; pid: number }[] = [];
    topology.on('hello', ({ instance, pid }) => seen.push({ instance, pid }));
    const ann = new Member(chat);
    // As the page does: a connection that was not recovered is in no room, so join it again.
    let myRoom = '';
    chat.on('connect', () => {
      if (myRoom && !chat.recovered) void ann.join('Ann', myRoom);
    });
    topology.on('disconnect', (reason) => seen.push({ instance: `disconnect: ${reason}`, pid: 0 }));
    try {
      await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: WAIT_MS });
      await ann.join('Ann', 'survivors');
      myRoom = 'survivors';
      // Bob on the other instance.
      let bob: Member | undefined;
      for (let tries = 0; tries < 6 && !bob; tries++) {
        // A candidate that cannot connect in time is one more try, not the end of the test.
        const candidate = await member(cluster.url).catch(() => undefined);
        if (!candidate) continue;
        const probe = await topologyClient(cluster.url);
        const where: Topology = await probe.socket.timeout(WAIT_MS).emitWithAck('topology');
        const mine = where.members.find((one) => one.id === candidate.socket.id);
        if (mine && mine.instance !== seen[0]?.instance) bob = candidate;
      }
      if (!bob) throw new Error('no member landed on the other instance');
      await bob.join('Bob', 'survivors');

      expect(await topology.timeout(WAIT_MS).emitWithAck('crash')).toEqual({ ok: true });
      await vi.waitFor(() => expect(seen).toHaveLength(3), { timeout: 15_000 });
      // The crash ends the connection; the tab is on another process after it.
      expect(seen[1]?.instance).toBe('disconnect: transport close');
      expect(seen[2]?.pid, 'a new process').not.toBe(seen[0]?.pid);
      // Back in the room: a message from the other instance reaches Ann again.
      await bob.post('Bob', 'survivors', 'welcome back');
      await ann.hears('Bob:welcome back');
      await vi.waitFor(
        () =>
          expect(cluster.output()).toMatch(
            /instance [AB] \(pid \d+\) died \(1\); starting a new one/,
          ),
        { timeout: WAIT_MS },
      );
    } finally {
      manager.engine?.close();
      chat.disconnect();
      topology.disconnect();
    }
  }, 90_000);
});

describe('IPC_SERIALIZATION=json: sticky without "advanced" serialization', () => {
  it('every connection hangs up: not even the page answers', async () => {
    const broken = await startCluster({ WORKERS: '2', IPC_SERIALIZATION: 'json' });
    try {
      // The first bytes reach the worker as {type: 'Buffer', data: [...]}, not a Buffer.
      await expect(
        fetch(`${broken.url}/socket.io/?EIO=4&transport=polling`, {
          signal: AbortSignal.timeout(3000),
        }).then((res) => res.status),
      ).rejects.toThrow();
      await expect(
        member(broken.url, { transports: ['polling'], reconnection: false, timeout: 2000 }),
      ).rejects.toThrow();
    } finally {
      await broken.stop();
    }
  }, 60_000);
});

describe('stopping the chapter', () => {
  it('stops its workers and the redis-server it started', async () => {
    const own = await startCluster({ WORKERS: '2' });
    const redisUrl = /redis:\/\/127\.0\.0\.1:\d+/.exec(own.output())?.[0] ?? '';
    const pids = [...own.output().matchAll(/[AB] pid (\d+)/g)].map((match) => Number(match[1]));
    expect(pids).toHaveLength(2);
    await probeRedis(redisUrl);
    await own.stop();
    await vi.waitFor(
      () => {
        for (const pid of pids) expect(() => process.kill(pid, 0), `worker ${pid}`).toThrow();
      },
      { timeout: WAIT_MS },
    );
    await vi.waitFor(() => expect(probeRedis(redisUrl)).rejects.toThrow(), { timeout: WAIT_MS });
  }, 60_000);
});

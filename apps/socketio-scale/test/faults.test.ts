// What survives and what does not: connection state recovery across instances
// with each adapter, a Redis restart, and Redis down when the chapter starts.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADAPTER_KINDS } from '../events.ts';
import { freePort, type RedisProcess, startRedis } from '../server/redis.ts';
import { closeClients, member, startCluster, startInstance, WAIT_MS } from './helpers.ts';

let redis: RedisProcess;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());
afterEach(closeClients);

describe('connection state recovery on another instance', () => {
  it.each([
    ['streams', true],
    ['pubsub', false],
  ] as const)('with %s: recovered = %s', async (adapter, replays) => {
    const a = await startInstance(redis.url, 'A', adapter);
    const b = await startInstance(redis.url, 'B', adapter);
    try {
      const room = `recover-${adapter}`;
      const ann = await member(a.url);
      const bob = await member(b.url);
      await ann.join('Ann', room);
      await bob.join('Bob', room);
      await bob.post('Bob', room, 'before');
      await ann.hears('Bob:before');
      // Ann's connection drops; her client will reconnect, to B this time (as after a worker died).
      const manager = ann.socket.io as unknown as { uri: string; engine: { close(): void } };
      manager.uri = b.url;
      ann.socket.io.engine.close();
      await vi.waitFor(() => expect(ann.socket.connected).toBe(false), { timeout: WAIT_MS });
      await bob.post('Bob', room, 'while you were away');
      await vi.waitFor(() => expect(ann.socket.connected).toBe(true), { timeout: WAIT_MS });
      expect(ann.socket.recovered).toBe(replays);
      if (replays) {
        // Streams: the session and the missed message were in Redis; B replays it.
        await ann.hears('Bob:while you were away');
        await bob.post('Bob', room, 'after');
        await ann.hears('Bob:after');
      } else {
        // Pub/Sub: the session was in A's memory, so B starts a new one: no room, nothing replayed.
        await bob.post('Bob', room, 'after');
        await bob.hears('Bob:after');
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(ann.lines).toEqual(['Bob:before']);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe.each(ADAPTER_KINDS)('a Redis restart, %s adapter', (adapter) => {
  it('reconnects by itself and delivers across instances again', async () => {
    const own = await startRedis();
    const a = await startInstance(own.url, 'A', adapter);
    const b = await startInstance(own.url, 'B', adapter);
    try {
      const room = `restart-${adapter}`;
      const ann = await member(a.url);
      const bob = await member(b.url);
      await ann.join('Ann', room);
      await bob.join('Bob', room);
      await ann.post('Ann', room, 'before');
      await bob.hears('Ann:before');

      const restartedAt = Date.now();
      await own.restart();
      // Ann posts every 100 ms until Bob, on the other instance, hears one.
      let sent = 0;
      const heard = await vi.waitFor(
        () => {
          const line = bob.lines.find((text) => text.startsWith('Ann:after '));
          if (!line) {
            ann.socket.emit('chat message', { name: 'Ann', room, msg: `after ${++sent}` });
            throw new Error(`nothing across yet after ${sent} tries`);
          }
          return line;
        },
        { timeout: 15_000, interval: 100 },
      );
      const recoveredMs = Date.now() - restartedAt;
      console.log(
        `${adapter}: delivery across instances resumed ${recoveredMs} ms after the restart (${heard})`,
      );
      expect(recoveredMs).toBeLessThan(15_000);
    } finally {
      await a.close();
      await b.close();
      await own.stop();
    }
  });
});

describe('Redis down when the chapter starts', () => {
  it('says so, waits REDIS_WAIT_MS, then exits with a clear message', async () => {
    const closed = await freePort();
    const started = Date.now();
    await expect(
      startCluster({ REDIS_URL: `redis://127.0.0.1:${closed}`, REDIS_WAIT_MS: '1000' }),
    ).rejects.toThrow(
      /exited early \(1\)[\s\S]*waiting up to 1000 ms[\s\S]*Redis is not reachable at redis:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\); waited 1000 ms/,
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(20_000);
  }, 30_000);
});

describe('no redis-server installed and no REDIS_URL', () => {
  it('says how to install it and exits', async () => {
    // A PATH with no redis-server on it (the chapter runs with this Node by its full path).
    await expect(startCluster({ PATH: '/nonexistent' })).rejects.toThrow(
      /exited early \(1\)[\s\S]*redis-server is not installed\. Install it \(Debian\/Ubuntu: sudo apt-get install redis-server/,
    );
  }, 30_000);
});

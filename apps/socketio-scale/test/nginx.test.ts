// The chapter's nginx config (nginx/nginx.conf), run with Debian's nginx in front
// of two instances: what a polling client gets without sticky sessions, and
// that each fix works (hash $remote_addr, or the WebSocket-only transport).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RedisProcess, startRedis } from '../server/redis.ts';
import { closeClients, member, startInstance, topologyClient, WAIT_MS } from './helpers.ts';
import { configFor, SHIPPED_CONFIG, startNginx } from './nginx.ts';

let redis: RedisProcess;
let a: Awaited<ReturnType<typeof startInstance>>;
let b: Awaited<ReturnType<typeof startInstance>>;
beforeAll(async () => {
  redis = await startRedis();
  a = await startInstance(redis.url, 'A', 'streams');
  b = await startInstance(redis.url, 'B', 'streams');
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop();
});
afterEach(closeClients);

/** The shipped config without its sticky line: plain round-robin over the two instances. */
const roundRobin = (port: number) =>
  configFor(
    port,
    [a.port, b.port],
    SHIPPED_CONFIG.replace(/^\s*hash \$remote_addr consistent;\n/m, ''),
  );
const sticky = (port: number) => configFor(port, [a.port, b.port]);

/** An Engine.IO long-polling handshake, then `polls` more requests with its sid: their statuses and bodies. */
async function pollingSession(url: string, polls: number) {
  const handshake = await fetch(`${url}/socket.io/?EIO=4&transport=polling`);
  const body = await handshake.text();
  const sid = /"sid":"([^"]+)"/.exec(body)?.[1];
  expect(sid, body).toBeTruthy();
  const answers: string[] = [];
  for (let i = 0; i < polls; i++) {
    // A ping-free request: POST a noop packet ("6") to the session.
    const res = await fetch(`${url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: 'POST',
      body: '6',
    });
    answers.push(`${res.status} ${await res.text()}`);
  }
  return answers;
}

describe('the shipped config', () => {
  it('has a sticky upstream, the upgrade headers, and proxy_read_timeout above pingInterval + pingTimeout', () => {
    expect(SHIPPED_CONFIG).toMatch(/^\s*hash \$remote_addr consistent;$/m);
    expect(SHIPPED_CONFIG).toMatch(/proxy_http_version 1\.1;/);
    expect(SHIPPED_CONFIG).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(SHIPPED_CONFIG).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    const timeout = Number(/proxy_read_timeout (\d+)s;/.exec(SHIPPED_CONFIG)?.[1]);
    const { pingInterval = 0, pingTimeout = 0 } = a.io.engine.opts;
    expect(pingInterval + pingTimeout).toBe(45_000);
    expect(timeout * 1000).toBeGreaterThan(pingInterval + pingTimeout);
  });
});

describe('round-robin, without sticky sessions', () => {
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  beforeAll(async () => {
    nginx = await startNginx(roundRobin);
  });
  afterAll(() => nginx?.stop());

  it('a polling session breaks: its next request reaches the other instance, which answers Session ID unknown', async () => {
    const answers = await pollingSession(nginx.url, 2);
    expect(answers).toContain('400 {"code":1,"message":"Session ID unknown"}');
  });

  it('socket.io-client with its default transports (polling first) cannot connect', async () => {
    await expect(
      member(nginx.url, { transports: ['polling', 'websocket'], reconnection: false }),
    ).rejects.toThrow();
  });

  it('the WebSocket-only transport works: one connection, one instance, and rooms still cross', async () => {
    const [ann, bob] = [await member(nginx.url), await member(nginx.url)];
    const [first, second] = [await topologyClient(nginx.url), await topologyClient(nginx.url)];
    // Round-robin spreads connections: both instances are in use behind the one address.
    expect(new Set([first.instance(), second.instance()])).toEqual(new Set(['A', 'B']));
    await ann.join('Ann', 'ws-only');
    await bob.join('Bob', 'ws-only');
    await ann.post('Ann', 'ws-only', 'through nginx');
    await bob.hears('Ann:through nginx');
  });
});

describe('hash $remote_addr consistent (the shipped config)', () => {
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  beforeAll(async () => {
    nginx = await startNginx(sticky);
  });
  afterAll(() => nginx?.stop());

  it('keeps every request of a polling session on its instance', async () => {
    const answers = await pollingSession(nginx.url, 4);
    expect(answers).toEqual(['200 ok', '200 ok', '200 ok', '200 ok']);
  });

  it('a long-polling-only socket.io-client connects, joins and gets its messages', async () => {
    const poller = await member(nginx.url, { transports: ['polling'] });
    await poller.join('Poll', 'sticky-room');
    for (let i = 1; i <= 3; i++) await poller.post('Poll', 'sticky-room', `poll ${i}`);
    await poller.hears('Poll:poll 3');
    expect(poller.socket.connected).toBe(true);
  });

  it('upgrades to WebSocket through nginx', async () => {
    const client = await member(nginx.url, { transports: ['polling', 'websocket'] });
    await expect
      .poll(() => client.socket.io.engine.transport.name, { timeout: WAIT_MS })
      .toBe('websocket');
  });
});

describe('without the upgrade headers', () => {
  it('a WebSocket-only client cannot connect', async () => {
    const nginx = await startNginx((port) =>
      sticky(port)
        .replace(/^\s*proxy_set_header Upgrade .*\n/m, '')
        .replace(/^\s*proxy_set_header Connection .*\n/m, ''),
    );
    try {
      await expect(member(nginx.url, { reconnection: false })).rejects.toThrow();
    } finally {
      await nginx.stop();
    }
  });
});

import { connect as tcpConnect } from 'node:net';
import { type ClientHandler, MESSAGES_LOGGED_PER_SECOND } from '@course/kit';
import { createChapter, listening, logWindowsSince } from '@course/kit/test-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ack, ChatMessage } from '../events.ts';
import chapter, { createServers, type ServersOptions } from '../server/app.ts';
import {
  ACK_MS,
  type ChatClient,
  collect,
  connect,
  disconnectAll,
  emitRaw,
  flush,
  login,
  type Started,
  sleep,
  start,
} from './helpers.ts';

let server: Started | undefined;

async function serve(options: ServersOptions = {}): Promise<Started> {
  server = await start(options);
  return server;
}

afterEach(async () => {
  disconnectAll();
  await server?.close();
  server = undefined;
});

/** Three logged-in clients A, B, C on a fresh server. */
async function threeUsers(options: ServersOptions = {}) {
  const { url } = await serve(options);
  const a = await connect(url);
  const b = await connect(url);
  const c = await connect(url);
  await login(a, 'A');
  await login(b, 'B');
  await login(c, 'C');
  return { a, b, c };
}

const texts = (messages: ChatMessage[]) => messages.map((message) => message.msg);

describe('the lecture: login, chat, forceDisconnect', () => {
  it('login acks ok and tells every client the name', async () => {
    const { url } = await serve();
    const a = await connect(url);
    const b = await connect(url);
    const logins = [collect(a, 'login'), collect(b, 'login')];
    expect(
      await a.timeout(ACK_MS).emitWithAck('login', { name: 'kgh', userid: 'kgh@gmail.com' }),
    ).toEqual({ ok: true });
    await expect.poll(() => logins.map((got) => got.length)).toEqual([1, 1]);
    expect(logins).toEqual([['kgh'], ['kgh']]);
  });

  it('logs each login and message as the lecture’s server does', async () => {
    const started = await serve();
    const a = await connect(started.url);
    await login(a, 'kgh', 'kgh@gmail.com');
    await a.timeout(ACK_MS).emitWithAck('chat', { msg: '안녕하세요' });
    expect(started.logs).toEqual([
      'Client logged-in: name: kgh, userid: kgh@gmail.com',
      'Message from kgh: 안녕하세요',
    ]);
  });

  it('logs messages one by one up to 20 a second, then sums up the rest in one line', async () => {
    const started = await serve({ maxEventsPerSecond: 1000 });
    const a = await connect(started.url);
    await login(a, 'kgh', 'kgh@gmail.com');
    // 200 messages at once: far past a human rate.
    const floodStarted = performance.now();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        a.timeout(ACK_MS).emitWithAck('chat', { msg: `flood ${i}` }),
      ),
    );
    const windows = logWindowsSince(floodStarted);
    const logged = () => started.logs.filter((line) => line.startsWith('Message from kgh: flood'));
    const summed = () =>
      started.logs
        .map((line) => /^… and ([\d,]+) more messages in that second/.exec(line)?.[1])
        .filter((count) => count !== undefined)
        .map((count) => Number(count.replaceAll(',', '')));
    // The summary comes when the second is over; every message is either logged or counted.
    await expect.poll(() => logged().length + summed().reduce((sum, n) => sum + n, 0)).toBe(200);
    expect(logged()[0]).toBe('Message from kgh: flood 0');
    // At most 20 logged one by one in each second the flood took to arrive.
    expect(logged().length).toBeLessThanOrEqual(MESSAGES_LOGGED_PER_SECOND * windows);
    expect(summed().length).toBeGreaterThan(0);
  });

  it('logs to the console unless told otherwise', async () => {
    const lines: unknown[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(line);
    });
    const { http, io } = createServers();
    const listener = await listening(http);
    try {
      const a = await connect(listener.url);
      await login(a, 'kgh', 'kgh@gmail.com');
      expect(lines).toContain('Client logged-in: name: kgh, userid: kgh@gmail.com');
    } finally {
      spy.mockRestore();
      disconnectAll();
      await io.close();
      await listener.close();
    }
  });

  it('chat sends {from: {name, userid}, msg} to everyone, sender included', async () => {
    const { a, b, c } = await threeUsers();
    const got = [a, b, c].map((client) => collect(client, 'chat'));
    expect(await b.timeout(ACK_MS).emitWithAck('chat', { msg: '안녕하세요' })).toEqual({
      ok: true,
    });
    await expect.poll(() => got.map((messages) => messages.length)).toEqual([1, 1, 1]);
    for (const messages of got)
      expect(messages[0]).toEqual({
        from: { name: 'B', userid: 'B@example.com' },
        msg: '안녕하세요',
        via: 'io.emit',
      });
  });

  it('forceDisconnect disconnects with "io server disconnect"; the client stays down; the log names the user', async () => {
    const started = await serve();
    const a = await connect(started.url);
    await login(a, 'kgh');
    const reasons: string[] = [];
    a.on('disconnect', (reason) => reasons.push(reason));
    expect(await a.timeout(ACK_MS).emitWithAck('forceDisconnect')).toEqual({ ok: true });
    await expect.poll(() => reasons.length).toBe(1);
    expect(reasons).toEqual(['io server disconnect']);
    // With reconnects 100-200 ms apart, a reconnect would have happened by now.
    await sleep(1000);
    expect(a.connected).toBe(false);
    expect(a.active).toBe(false);
    await expect
      .poll(() => started.logs)
      .toContain('user disconnected: kgh (server namespace disconnect)');
    // A manual connect() is a new session: not recovered.
    a.connect();
    await expect.poll(() => a.connected).toBe(true);
    expect(a.recovered).toBe(false);
  });

  it('logs a disconnect of a client that never logged in, too', async () => {
    const started = await serve();
    const a = await connect(started.url);
    a.disconnect();
    await expect
      .poll(() =>
        started.logs.some((line) => line.startsWith('user disconnected: (not logged in)')),
      )
      .toBe(true);
  });
});

describe('plain HTTP', () => {
  it('answers a path it has no page for with a JSON 404', async () => {
    const { url } = await serve();
    const res = await fetch(`${url}/nothing`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ error: 'no route for GET /nothing' });
  });

  it('hands requests to the page handler, which passes on what it does not serve', async () => {
    const client: ClientHandler = (req, res, next) => {
      if (req.url === '/page') res.end('the page');
      else next();
    };
    const { url } = await serve({ client });
    const page = await fetch(`${url}/page`);
    expect([page.status, await page.text()]).toEqual([200, 'the page']);
    const other = await fetch(`${url}/other`);
    expect([other.status, await other.json()]).toEqual([404, { error: 'no route for GET /other' }]);
  });

  it('the chapter as pnpm start runs it serves the page and reads CHAT_MAX_EVENTS_PER_SECOND', async () => {
    const { PORT } = await createChapter(chapter, {
      CHAT_MAX_EVENTS_PER_SECOND: '2',
      CHAT_RECOVERY_MS: '1000',
    });
    const listener = await listening(PORT);
    try {
      const served = await fetch(`${listener.url}/page`);
      expect([served.status, await served.text()]).toEqual([200, 'the page']);
      const a = await connect(listener.url);
      const acks = [];
      for (let i = 0; i < 3; i += 1)
        acks.push(await a.timeout(ACK_MS).emitWithAck('chat', { msg: `m${i}` }));
      expect(acks.at(-1)).toEqual({ ok: false, error: 'too many messages: at most 2 per second' });
    } finally {
      disconnectAll();
      await listener.close();
    }
  });

  it('does not serve /socket.io/socket.io.js: the page bundles the client', async () => {
    const { url } = await serve();
    const res = await fetch(`${url}/socket.io/socket.io.js`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('function');
  });

  it('ends a WebSocket upgrade on another path that nothing answers, after a second (Engine.IO’s default)', async () => {
    const { port } = await serve();
    const socket = tcpConnect(port, '127.0.0.1');
    let reply = '';
    socket.on('data', (piece: Buffer) => {
      reply += piece.toString();
    });
    const sent = Date.now();
    let endedAfter: number | undefined;
    socket.once('end', () => {
      endedAfter = Date.now() - sent;
    });
    socket.write(
      'GET /elsewhere HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    try {
      // destroyUpgrade is left at its default: nothing else takes upgrades on this server.
      await expect
        .poll(() => endedAfter, { timeout: 3000, message: 'the server to end the upgrade' })
        .toBeDefined();
      expect(endedAfter).toBeGreaterThanOrEqual(900);
      expect(reply).toBe('');
    } finally {
      socket.destroy();
    }
  });
});

describe('the four delivery variants', () => {
  it('io.emit reaches everyone, sender included', async () => {
    const { a, b, c } = await threeUsers();
    const got = [a, b, c].map((client) => collect(client, 'chat'));
    await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'all', via: 'io.emit' });
    await flush(a, [a, b, c]);
    expect(got.map(texts)).toEqual([
      ['all', 'marker'],
      ['all', 'marker'],
      ['all', 'marker'],
    ]);
  });

  it('socket.broadcast.emit reaches everyone but the sender', async () => {
    const { a, b, c } = await threeUsers();
    const got = [a, b, c].map((client) => collect(client, 'chat'));
    expect(
      await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'others', via: 'socket.broadcast.emit' }),
    ).toEqual({
      ok: true,
    });
    await flush(a, [a, b, c]);
    expect(got.map(texts)).toEqual([['marker'], ['others', 'marker'], ['others', 'marker']]);
    expect(got[1]?.[0]?.via).toBe('socket.broadcast.emit');
  });

  it('socket.emit answers the sender only, as "s2c chat"', async () => {
    const { a, b, c } = await threeUsers();
    const got = [a, b, c].map((client) => collect(client, 's2c chat'));
    const chats = [a, b, c].map((client) => collect(client, 'chat'));
    await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'just me', via: 'socket.emit' });
    await flush(a, [a, b, c]);
    expect(got.map(texts)).toEqual([['just me'], [], []]);
    expect(chats.map(texts)).toEqual([['marker'], ['marker'], ['marker']]);
  });

  it('io.to(socketId) reaches the chosen user only, picked from the user list', async () => {
    const { url } = await serve();
    const a = await connect(url);
    const lists = collect(a, 'users');
    const b = await connect(url);
    const c = await connect(url);
    await login(a, 'A');
    await login(b, 'B');
    await login(c, 'C');
    await expect.poll(() => lists.at(-1)?.length).toBe(3);
    const target = lists.at(-1)?.find((user) => user.name === 'C');
    expect(target?.id).toBe(c.id);
    const got = [a, b, c].map((client) => collect(client, 's2c chat'));
    expect(
      await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'psst', via: 'io.to', to: target?.id }),
    ).toEqual({
      ok: true,
    });
    await flush(a, [a, b, c]);
    expect(got.map(texts)).toEqual([[], [], ['psst']]);
    expect(got[2]?.[0]?.from.name).toBe('A');
  });
});

describe('acknowledgements', () => {
  it('every client→server event is acked with {ok: true}', async () => {
    const { url } = await serve();
    const a = await connect(url);
    expect(await a.timeout(ACK_MS).emitWithAck('login', { name: 'A', userid: 'a' })).toEqual({
      ok: true,
    });
    expect(await a.timeout(ACK_MS).emitWithAck('typing', true)).toEqual({ ok: true });
    expect(await a.timeout(ACK_MS).emitWithAck('typing', false)).toEqual({ ok: true });
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'hi' })).toEqual({ ok: true });
    expect(await a.timeout(ACK_MS).emitWithAck('forceDisconnect')).toEqual({ ok: true });
  });

  it('a retry with the same id is acked again but delivered once', async () => {
    const { a, b } = await threeUsers();
    const got = collect(b, 'chat');
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'once', id: 'm-1' })).toEqual({
      ok: true,
    });
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'once', id: 'm-1' })).toEqual({
      ok: true,
    });
    await flush(a, [b]);
    expect(texts(got)).toEqual(['once', 'marker']);
    expect(got[0]?.id).toBe('m-1');
  });

  it('remembers the last 100 ids: an older one is delivered again', async () => {
    const { url } = await serve({ maxEventsPerSecond: 1000 });
    const a = await connect(url);
    await login(a, 'A');
    for (let i = 0; i <= 100; i += 1)
      await a.timeout(ACK_MS).emitWithAck('chat', { msg: `m${i}`, id: `id-${i}` });
    const got = collect(a, 'chat');
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'm1 again', id: 'id-1' })).toEqual({
      ok: true,
    });
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'm0 again', id: 'id-0' })).toEqual({
      ok: true,
    });
    await flush(a, [a]);
    expect(texts(got)).toEqual(['m0 again', 'marker']);
  });

  it('messages without an id take none of those 100 places', async () => {
    const { url } = await serve({ maxEventsPerSecond: 1000 });
    const a = await connect(url);
    await login(a, 'A');
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'once', id: 'kept' })).toEqual({
      ok: true,
    });
    for (let i = 0; i < 100; i += 1)
      await a.timeout(ACK_MS).emitWithAck('chat', { msg: `plain ${i}` });
    const got = collect(a, 'chat');
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'once', id: 'kept' })).toEqual({
      ok: true,
    });
    await flush(a, [a]);
    expect(texts(got)).toEqual(['marker']);
  });

  it('an emit with a timeout fails with an error when no ack comes in time', async () => {
    const { url } = await serve();
    const a = await connect(url, { reconnection: false });
    await login(a, 'A');
    await a.timeout(ACK_MS).emitWithAck('forceDisconnect');
    await expect.poll(() => a.connected).toBe(false);
    // Not connected: the packet waits in the send buffer and the ack never comes.
    await expect(a.timeout(300).emitWithAck('chat', { msg: 'lost?' })).rejects.toThrow(/timed out/);
  });
});

describe('typing, online list, join and leave', () => {
  it('typing reaches the others only, and stops on false, on chat and by itself', async () => {
    const { a, b } = await threeUsers({ typingTimeoutMs: 400 });
    const atA = collect(a, 'typing');
    const atB = collect(b, 'typing');
    await a.timeout(ACK_MS).emitWithAck('typing', true);
    await a.timeout(ACK_MS).emitWithAck('typing', true); // still typing: no second notice
    await a.timeout(ACK_MS).emitWithAck('typing', false);
    await expect.poll(() => atB.length).toBe(2);
    expect(atB.map((state) => [state.name, state.typing])).toEqual([
      ['A', true],
      ['A', false],
    ]);
    await a.timeout(ACK_MS).emitWithAck('typing', true);
    await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'sent' });
    await expect.poll(() => atB.length).toBe(4);
    expect(atB[3]?.typing).toBe(false);
    await a.timeout(ACK_MS).emitWithAck('typing', true);
    await expect.poll(() => atB.length).toBe(6);
    expect(atB[5]?.typing).toBe(false);
    expect(atA).toEqual([]);
  });

  it('sends no typing notice when nobody was typing: typing false, a chat, a leave', async () => {
    const { a, b, c } = await threeUsers();
    const atB = collect(b, 'typing');
    const presence = collect(b, 'presence');
    expect(await a.timeout(ACK_MS).emitWithAck('typing', false)).toEqual({ ok: true });
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'no typing first' })).toEqual({
      ok: true,
    });
    await flush(a, [b]);
    c.disconnect();
    // A leaver's typing notice would come before its leave notice.
    await expect.poll(() => presence.length).toBe(1);
    expect(atB).toEqual([]);
  });

  it('a client that never logged in leaves without a leave notice', async () => {
    const { url } = await serve();
    const a = await connect(url);
    await login(a, 'A');
    const presence = collect(a, 'presence');
    const lurker = await connect(url);
    lurker.disconnect();
    const b = await connect(url);
    await login(b, 'B');
    b.disconnect();
    await expect.poll(() => presence.length).toBe(1);
    expect(presence.map((p) => p.name)).toEqual(['B']);
  });

  it('the online list follows logins and leaves, with join and leave notices', async () => {
    const { url } = await serve();
    const a = await connect(url);
    const lists = collect(a, 'users');
    const presence = collect(a, 'presence');
    const logins = collect(a, 'login');
    await login(a, 'A');
    const b = await connect(url);
    await login(b, 'B');
    await expect.poll(() => lists.at(-1)?.length).toBe(2);
    expect(lists.at(-1)?.map((user) => [user.name, user.userid, user.id])).toEqual([
      ['A', 'A@example.com', a.id],
      ['B', 'B@example.com', b.id],
    ]);
    expect(logins).toEqual(['A', 'B']);
    b.disconnect();
    await expect.poll(() => [presence.length, lists.at(-1)?.length]).toEqual([1, 1]);
    expect(presence[0]).toEqual({
      kind: 'left',
      name: 'B',
      userid: 'B@example.com',
      reason: 'client namespace disconnect',
    });
    expect(lists.at(-1)?.map((user) => user.name)).toEqual(['A']);
  });

  it('a newcomer gets the current list right away', async () => {
    const { url } = await serve();
    const a = await connect(url);
    await login(a, 'A');
    const b = await connect(url, { autoConnect: false });
    const lists = collect(b, 'users');
    b.connect();
    await expect.poll(() => b.connected).toBe(true);
    await expect.poll(() => lists.length).toBeGreaterThanOrEqual(1);
    expect(lists[0]?.map((user) => user.name)).toEqual(['A']);
  });
});

describe('connection state recovery', () => {
  /**
   * A server and two logged-in clients: `sender`, and `dropped`, whose 2 s
   * reconnect delay keeps the gap open while messages go out without it.
   */
  async function senderAndDropped() {
    const started = await serve();
    const sender = await connect(started.url);
    const dropped = await connect(started.url, {
      reconnectionDelay: 2000,
      reconnectionDelayMax: 2000,
      randomizationFactor: 0,
    });
    await login(sender, 'sender');
    await login(dropped, 'dropped');
    return { started, sender, dropped };
  }

  it('a dropped client gets the 3 messages it missed, once each, in order, with socket.recovered', async () => {
    const { started, sender, dropped } = await senderAndDropped();
    const firstId = dropped.id;
    const got = collect(dropped, 'chat');
    const reasons: string[] = [];
    dropped.on('disconnect', (reason) => reasons.push(reason));
    await flush(sender, [dropped], 'before');

    // Drop the transport only, as a network failure would.
    dropped.io.engine.close();
    await expect.poll(() => started.logs).toContain('user disconnected: dropped (transport close)');
    for (const msg of ['one', 'two', 'three'])
      expect(await sender.timeout(ACK_MS).emitWithAck('chat', { msg })).toEqual({ ok: true });
    expect(dropped.connected).toBe(false);

    await expect.poll(() => dropped.connected).toBe(true);
    expect(dropped.recovered).toBe(true);
    expect(dropped.id).toBe(firstId);
    await flush(sender, [dropped], 'after');
    expect(texts(got)).toEqual(['before', 'one', 'two', 'three', 'after']);
    // The client calls it "forced close"; the server logged "transport close".
    expect(reasons).toEqual(['forced close']);
    // socket.data came back too: the recovered socket is still logged in.
    expect(await dropped.timeout(ACK_MS).emitWithAck('chat', { msg: 'still me' })).toEqual({
      ok: true,
    });
  });

  it('replays io.to(id) and even socket.emit on the old socket, but not volatile packets; notices left and back', async () => {
    const { started, sender, dropped } = await senderAndDropped();
    const presence = collect(sender, 'presence');
    const notices = collect(dropped, 'notice');
    const droppedId = dropped.id ?? '';
    const oldServerSide = started.io.of('/').sockets.get(droppedId);
    dropped.io.engine.close();
    await expect.poll(() => presence.length).toBe(1);
    // During the gap. With recovery on, socket.emit is stored too; volatile packets never are.
    started.io.to(droppedId).emit('notice', 'via io.to(id)');
    started.io.volatile.to(droppedId).emit('notice', 'volatile');
    oldServerSide?.emit('notice', 'via the old socket.emit');
    await expect.poll(() => dropped.connected).toBe(true);
    expect(dropped.recovered).toBe(true);
    await expect.poll(() => [notices.length, presence.length]).toEqual([2, 2]);
    await flush(sender, [dropped]);
    expect(notices).toEqual(['via io.to(id)', 'via the old socket.emit']);
    expect(presence).toEqual([
      { kind: 'left', name: 'dropped', userid: 'dropped@example.com', reason: 'transport close' },
      { kind: 'back', name: 'dropped', userid: 'dropped@example.com' },
    ]);
    expect(started.logs).toContain('recovered: dropped');
  });

  it('a recovered client that never logged in comes back without a notice', async () => {
    const started = await serve();
    const a = await connect(started.url);
    const lurker = await connect(started.url);
    const logins = collect(lurker, 'login');
    const presence = collect(a, 'presence');
    await login(a, 'A');
    // A packet the lurker can resume from.
    await expect.poll(() => logins.length).toBe(1);
    const lurkerId = lurker.id;
    lurker.io.engine.close();
    await expect.poll(() => lurker.connected).toBe(false);
    await expect.poll(() => lurker.connected).toBe(true);
    expect(lurker.recovered).toBe(true);
    expect(started.logs).toContain(`recovered: ${lurkerId}`);
    await flush(a, [a, lurker]);
    expect(presence).toEqual([]);
  });

  it('does not recover after forceDisconnect, nor after the recovery window', async () => {
    const { url } = await serve({ recoveryMs: 300 });
    const a = await connect(url, { reconnection: false });
    await login(a, 'A');
    await a.timeout(ACK_MS).emitWithAck('forceDisconnect');
    await expect.poll(() => a.connected).toBe(false);
    a.connect();
    await expect.poll(() => a.connected).toBe(true);
    expect(a.recovered).toBe(false);
    await login(a, 'A');
    a.io.engine.close();
    await sleep(800); // longer than the 300 ms window
    a.connect();
    await expect.poll(() => a.connected).toBe(true);
    expect(a.recovered).toBe(false);
    // A fresh session: socket.data is empty, so chat needs a new login.
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'x' })).toEqual({
      ok: false,
      error: 'log in first: send "login" with {name, userid}',
    });
  });
});

describe('bad input', () => {
  /** Sends `args` from a client and checks the error ack and that nobody got anything. */
  async function refused(
    setup: (sender: ChatClient) => Promise<void>,
    event: string,
    args: unknown[],
    error: string | RegExp,
  ) {
    const { url } = await serve();
    const sender = await connect(url);
    const other = await connect(url);
    await login(other, 'other');
    await setup(sender);
    await flush(other, [other], 'setup done');
    const seen = (['chat', 's2c chat', 'login'] as const).map((name) => collect(other, name));
    const ack = await new Promise<Ack>((resolve) => emitRaw(sender, event, ...args, resolve));
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error).toMatch(error);
    expect(sender.connected).toBe(true);
    await flush(other, [other]);
    expect(seen.map((got) => got.length)).toEqual([1, 0, 0]); // only the marker
  }
  const loggedIn = (sender: ChatClient) => login(sender, 'sender');
  const anonymous = async () => {};

  it('chat before login', () =>
    refused(anonymous, 'chat', [{ msg: 'hi' }], 'log in first: send "login" with {name, userid}'));
  it('chat with no msg', () => refused(loggedIn, 'chat', [{}], '"msg" is missing'));
  it('chat with a number', () =>
    refused(loggedIn, 'chat', [{ msg: 42 }], '"msg" must be a string (got number)'));
  it('chat with an object', () =>
    refused(loggedIn, 'chat', [{ msg: { text: 'x' } }], '"msg" must be a string (got object)'));
  it('chat with an empty msg', () => refused(loggedIn, 'chat', [{ msg: '' }], '"msg" is empty'));
  it('chat with only spaces', () => refused(loggedIn, 'chat', [{ msg: '   ' }], '"msg" is empty'));
  it('chat with 2001 characters', () =>
    refused(
      loggedIn,
      'chat',
      [{ msg: 'x'.repeat(2001) }],
      '"msg" is 2001 characters; the limit is 2000',
    ));
  it('chat with 900,000 characters (under the 1 MB transport limit): an error ack, not a dropped connection', () =>
    refused(
      loggedIn,
      'chat',
      [{ msg: 'x'.repeat(900_000) }],
      '"msg" is 900000 characters; the limit is 2000',
    ));
  it('chat that is not an object', () =>
    refused(loggedIn, 'chat', ['hello'], 'chat needs an object {msg}'));
  it('chat with null', () => refused(loggedIn, 'chat', [null], 'chat needs an object {msg}'));
  it('chat with an array', () =>
    refused(loggedIn, 'chat', [[{ msg: 'x' }]], 'chat needs an object {msg}'));
  it('chat with a null msg', () => refused(loggedIn, 'chat', [{ msg: null }], '"msg" is missing'));
  it('chat with an unknown variant', () =>
    refused(
      loggedIn,
      'chat',
      [{ msg: 'x', via: 'io.everywhere' }],
      '"via" must be one of io.emit, socket.broadcast.emit, socket.emit, io.to',
    ));
  it('io.to without a target', () =>
    refused(loggedIn, 'chat', [{ msg: 'x', via: 'io.to' }], '"to" (a socket id) is required'));
  it('io.to a number', () =>
    refused(
      loggedIn,
      'chat',
      [{ msg: 'x', via: 'io.to', to: 7 }],
      '"to" must be a socket id (a string)',
    ));
  it('io.to an unknown socket id', () =>
    refused(
      loggedIn,
      'chat',
      [{ msg: 'x', via: 'io.to', to: 'nobody' }],
      'no user online with socket id "nobody"',
    ));
  it('io.to a socket that has not logged in', async () => {
    const { url } = await serve();
    const sender = await connect(url);
    const lurker = await connect(url);
    await login(sender, 'sender');
    const got = collect(lurker, 's2c chat');
    expect(
      await sender.timeout(ACK_MS).emitWithAck('chat', { msg: 'x', via: 'io.to', to: lurker.id }),
    ).toEqual({
      ok: false,
      error: `no user online with socket id "${lurker.id}"`,
    });
    await login(lurker, 'lurker');
    await flush(sender, [lurker]);
    expect(got).toEqual([]);
  });
  it('chat with a number as id', () =>
    refused(loggedIn, 'chat', [{ msg: 'x', id: 42 }], '"id" must be 1-64 letters'));
  it('chat with a 65-character id', () =>
    refused(loggedIn, 'chat', [{ msg: 'x', id: 'i'.repeat(65) }], '"id" must be 1-64 letters'));
  it('chat with a bad id', () =>
    refused(loggedIn, 'chat', [{ msg: 'x', id: '<id>' }], '"id" must be 1-64 letters'));
  it('login with no payload', () =>
    refused(anonymous, 'login', [], 'login needs an object {name, userid}'));
  it('login with null', () =>
    refused(anonymous, 'login', [null], 'login needs an object {name, userid}'));
  it('login with an array', () =>
    refused(anonymous, 'login', [['n', 'u']], 'login needs an object {name, userid}'));
  it('login with a null name', () =>
    refused(anonymous, 'login', [{ name: null, userid: 'u' }], '"name" is missing'));
  it('login with an 81-character userid', () =>
    refused(
      anonymous,
      'login',
      [{ name: 'n', userid: 'u'.repeat(81) }],
      '"userid" is 81 characters; the limit is 80',
    ));
  it('typing before login', () => refused(anonymous, 'typing', [true], 'log in first'));
  it('login without a name', () =>
    refused(anonymous, 'login', [{ userid: 'u' }], '"name" is missing'));
  it('login without a userid', () =>
    refused(anonymous, 'login', [{ name: 'n' }], '"userid" is missing'));
  it('login with a numeric name', () =>
    refused(
      anonymous,
      'login',
      [{ name: 7, userid: 'u' }],
      '"name" must be a string (got number)',
    ));
  it('login with an object userid', () =>
    refused(
      anonymous,
      'login',
      [{ name: 'n', userid: { id: 1 } }],
      '"userid" must be a string (got object)',
    ));
  it('login with an empty name', () =>
    refused(anonymous, 'login', [{ name: ' ', userid: 'u' }], '"name" is empty'));
  it('login with a 41-character name', () =>
    refused(
      anonymous,
      'login',
      [{ name: 'n'.repeat(41), userid: 'u' }],
      '"name" is 41 characters; the limit is 40',
    ));
  it('typing that is not a boolean', () =>
    refused(loggedIn, 'typing', ['yes'], 'typing needs true or false'));

  it('exactly at the limits is accepted: a 40-character name, an 80-character userid, 2000 characters, a 64-character id', async () => {
    const { url } = await serve();
    const a = await connect(url);
    const got = collect(a, 'chat');
    const name = 'n'.repeat(40);
    const userid = 'u'.repeat(80);
    expect(await a.timeout(ACK_MS).emitWithAck('login', { name, userid })).toEqual({ ok: true });
    const msg = 'x'.repeat(2000);
    const id = `${'i'.repeat(62)}_-`;
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg, id })).toEqual({ ok: true });
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]).toEqual({ from: { name, userid }, msg, via: 'io.emit', id });
  });

  it('events without an ack callback are handled, and the server stays up', async () => {
    const { url } = await serve();
    const a = await connect(url);
    emitRaw(a, 'chat', { msg: 'no ack, not logged in' });
    emitRaw(a, 'login');
    emitRaw(a, 'login', { name: 'A', userid: 'a' });
    emitRaw(a, 'chat');
    emitRaw(a, 'typing');
    emitRaw(a, 'no-such-event', 1, 2, 3);
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'fine' })).toEqual({ ok: true });
  });

  it('a packet over maxHttpBufferSize closes that connection only; the server stays up', async () => {
    const { url } = await serve({ maxHttpBufferSize: 100_000 });
    const big = await connect(url, { reconnection: false });
    const other = await connect(url);
    await login(big, 'big');
    await login(other, 'other');
    const reasons: string[] = [];
    big.on('disconnect', (reason) => reasons.push(reason));
    big.emit('chat', { msg: 'x'.repeat(150_000) }, () => {});
    // The oversized packet closes the connection.
    await expect.poll(() => reasons.length).toBe(1);
    expect(reasons).toEqual(['transport close']);
    expect(await other.timeout(ACK_MS).emitWithAck('chat', { msg: 'still here' })).toEqual({
      ok: true,
    });
  });
});

describe('flooding', () => {
  it('more than N events a second get an error ack and are not delivered', async () => {
    const { a, b } = await threeUsers({ maxEventsPerSecond: 5, disconnectAfterRefused: 100 });
    const got = collect(b, 'chat');
    // Past A's first window (its login counted there): the burst opens a fresh
    // one-second window, and eight emits on one connection reach the server in
    // order well within it, so the first five pass and the last three do not.
    await sleep(1100);
    const acks = await Promise.all(
      Array.from({ length: 8 }, (_, i) => a.timeout(ACK_MS).emitWithAck('chat', { msg: `m${i}` })),
    );
    const refused = { ok: false, error: 'too many messages: at most 5 per second' };
    expect(acks).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
      { ok: true },
      { ok: true },
      refused,
      refused,
      refused,
    ]);
    // B's marker comes after A's acks, so every message of the burst that was
    // sent to B is already ahead of it: the accepted five, and nothing else.
    await flush(b, [b]);
    expect(texts(got)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'marker']);
    expect(got.slice(0, 5).map((message) => message.from)).toEqual(
      Array.from({ length: 5 }, () => ({ name: 'A', userid: 'A@example.com' })),
    );
    expect(a.connected).toBe(true);
  });

  it('typing events have their own budget: a fast typist can still chat', async () => {
    const { url } = await serve({ maxEventsPerSecond: 5, disconnectAfterRefused: 100 });
    const a = await connect(url);
    await login(a, 'typist');
    await sleep(1100);
    const typing = await Promise.all(
      Array.from({ length: 5 }, () => a.timeout(ACK_MS).emitWithAck('typing', true)),
    );
    expect(typing.every((ack) => ack.ok)).toBe(true);
    expect(await a.timeout(ACK_MS).emitWithAck('chat', { msg: 'still allowed' })).toEqual({
      ok: true,
    });
    expect(await a.timeout(ACK_MS).emitWithAck('typing', true)).toEqual({
      ok: false,
      error: 'too many messages: at most 5 per second',
    });
  });

  it('is disconnected at exactly disconnectAfterRefused refused events, and the log says who', async () => {
    const started = await serve({ maxEventsPerSecond: 3, disconnectAfterRefused: 2 });
    const a = await connect(started.url, { reconnection: false });
    const id = a.id;
    const reasons: string[] = [];
    a.on('disconnect', (reason) => reasons.push(reason));
    const refusals: unknown[] = [];
    // Five events in the connection's first second: three pass, two are refused.
    for (let i = 0; i < 5; i += 1)
      a.emit('chat', { msg: `m${i}` }, (ack) => {
        if (!ack.ok && ack.error.startsWith('too many')) refusals.push(ack);
      });
    await expect.poll(() => reasons.length, { timeout: 3000 }).toBe(1);
    expect(refusals).toHaveLength(2);
    expect(reasons).toEqual(['io server disconnect']);
    expect(started.logs).toContain(`flooding: disconnecting ${id}`);
  });

  it('a client that keeps flooding is disconnected with a notice', async () => {
    const started = await serve({ maxEventsPerSecond: 5, disconnectAfterRefused: 3 });
    const a = await connect(started.url, { reconnection: false });
    await login(a, 'flood');
    const notices = collect(a, 'notice');
    const reasons: string[] = [];
    a.on('disconnect', (reason) => reasons.push(reason));
    await sleep(1100);
    for (let i = 0; i < 20; i += 1) a.emit('chat', { msg: `m${i}` }, () => {});
    await expect.poll(() => reasons.length).toBe(1);
    expect(notices).toEqual(['Disconnected for flooding (over 5 per second).']);
    expect(reasons).toEqual(['io server disconnect']);
    expect(started.logs).toContain('flooding: disconnecting flood');
  });
});

describe('HTML in names and messages', () => {
  it('is relayed untouched: escaping is the page’s job (it uses textContent)', async () => {
    const { url } = await serve();
    const a = await connect(url);
    const got = collect(a, 'chat');
    const logins = collect(a, 'login');
    const name = '<img src=x onerror=alert(1)>';
    await login(a, name, '<b>id</b>');
    await a.timeout(ACK_MS).emitWithAck('chat', { msg: '<script>alert(2)</script>' });
    await expect.poll(() => got.length).toBe(1);
    expect(logins).toEqual([name]);
    expect(got[0]?.from).toEqual({ name, userid: '<b>id</b>' });
    expect(got[0]?.msg).toBe('<script>alert(2)</script>');
  });
});

describe('cleanup', () => {
  it('forgets every socket and its typing timer when clients go away', async () => {
    const started = await serve({ typingTimeoutMs: 300 });
    const a = await connect(started.url);
    const b = await connect(started.url);
    await login(a, 'A');
    await login(b, 'B');
    const atB = collect(b, 'typing');
    const aId = a.id;
    await a.timeout(ACK_MS).emitWithAck('typing', true);
    a.disconnect();
    await expect.poll(() => atB.length).toBe(2);
    await sleep(600); // past the typing timeout: the cleared timer sends nothing more
    expect(atB).toEqual([
      { id: aId, name: 'A', typing: true },
      { id: aId, name: 'A', typing: false },
    ]);
    b.disconnect();
    await expect.poll(() => started.io.of('/').sockets.size).toBe(0);
  });
});

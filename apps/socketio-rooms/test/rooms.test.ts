import { connect as tcpConnect } from 'node:net';
import { MESSAGES_LOGGED_PER_SECOND } from '@course/kit';
import { createChapter, listening, logWindowsSince } from '@course/kit/test-server';
import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../events.ts';
import chapter, { createServers, type Servers } from '../server/app.ts';
import { Peer, type RoomsClient, refusal, start, untyped, WAIT_MS } from './helpers.ts';

let server: Awaited<ReturnType<typeof start>>;

beforeEach(async () => {
  server = await start();
});
afterEach(() => server.close());

/** Three explicit-mode clients: A1 and A2 in room A, B1 in room B, each having posted once. */
async function threeClients(mode: 'explicit' | 'lecture' = 'explicit') {
  const [a1, a2, b1] = await Promise.all([server.peer(mode), server.peer(mode), server.peer(mode)]);
  expect(await a1.post('A1', 'A', 'A1 here')).toEqual({ ok: true, room: 'A' });
  expect(await a2.post('A2', 'A', 'A2 here')).toEqual({ ok: true, room: 'A' });
  expect(await b1.post('B1', 'B', 'B1 here')).toEqual({ ok: true, room: 'B' });
  // A1 hears A2 arrive; B1 heard its own message: everyone is where they should be.
  await a1.receivedLine('A2:A2 here');
  await b1.receivedLine('B1:B1 here');
  return { a1, a2, b1 };
}

describe('the lecture example: /chat, "chat message" {name, room, msg}', () => {
  it('joins the room and sends {name, msg} to everyone in it, the sender too', async () => {
    const [x, y] = await Promise.all([server.peer(), server.peer()]);
    await y.join('Y', 'lobby');
    expect(await x.post('X', 'lobby', 'hello')).toEqual({ ok: true, room: 'lobby' });
    // Exactly the lecture's payload: the name and the message, no room.
    expect(await x.received('chat message')).toEqual({ name: 'X', msg: 'hello' });
    expect(await y.received('chat message')).toEqual({ name: 'X', msg: 'hello' });
  });

  it('works without an ack, as the lecture page emits it', async () => {
    const x = await server.peer();
    x.socket.emit('chat message', { name: 'X', room: 'lobby', msg: 'no ack' });
    await x.receivedLine('X:no ack');
    expect(server.io.of('/chat').adapter.rooms.get('lobby')?.size).toBe(1);
  });

  it('three clients: a message to A reaches A1 and A2 only; after A2 switches to B it no longer does', async () => {
    const { a1, a2, b1 } = await threeClients();

    await a1.post('A1', 'A', 'to A');
    await a1.receivedLine('A1:to A');
    await a2.receivedLine('A1:to A');
    // B1 gets its own later message but never the one to A: both travel one ordered connection.
    await b1.post('B1', 'B', 'to B');
    await b1.receivedLine('B1:to B');
    expect(b1.lines()).toEqual(['B1:B1 here', 'B1:to B']);
    expect(a1.lines()).not.toContain('B1:to B');

    // A2 switches to B.
    const since = a2.mark();
    expect(await a2.join('A2', 'B')).toEqual({ ok: true, room: 'B', left: 'A' });
    await a1.post('A1', 'A', 'A again');
    await a1.receivedLine('A1:A again');
    await b1.post('B1', 'B', 'B again');
    await a2.receivedLine('B1:B again', since);
    expect(a2.lines(since)).toEqual(['B1:B again']);
    expect(b1.lines()).not.toContain('A1:A again');
  });

  it('posting to another room moves the socket there: it leaves the previous room', async () => {
    const { a1, a2, b1 } = await threeClients();
    const since = a2.mark();
    expect(await a2.post('A2', 'B', 'moved by posting')).toEqual({ ok: true, room: 'B' });
    await b1.receivedLine('A2:moved by posting');
    expect(a1.lines()).not.toContain('A2:moved by posting');
    expect(await a2.received('membership', () => true, since)).toEqual({
      mode: 'explicit',
      rooms: ['B'],
    });
    await a1.post('A1', 'A', 'still there?');
    await a1.receivedLine('A1:still there?');
    await b1.post('B1', 'B', 'barrier');
    await a2.receivedLine('B1:barrier', since);
    expect(a2.lines(since)).toEqual(['A2:moved by posting', 'B1:barrier']);
  });
});

describe('the lecture pitfall: lecture mode joins every room it posts to and never leaves', () => {
  it('after A2 "switches" to B by posting there, room A still reaches A2', async () => {
    const { a1, a2, b1 } = await threeClients('lecture');
    const since = a2.mark();
    await a2.post('A2', 'B', 'now in B');
    await b1.receivedLine('A2:now in B');
    // The server reports A2 in both rooms.
    expect(await a2.received('membership', ({ rooms }) => rooms.length === 2, since)).toEqual({
      mode: 'lecture',
      rooms: ['A', 'B'],
    });
    await a1.post('A1', 'A', 'A again');
    await a2.receivedLine('A1:A again', since);
    expect(a2.lines(since)).toEqual(['A2:now in B', 'A1:A again']);
    // And A2 counts as a member of both rooms.
    expect(await b1.received('rooms', (list) => list.length === 2 && list[1]?.count === 2)).toEqual(
      [
        { room: 'A', count: 2 },
        { room: 'B', count: 2 },
      ],
    );
  });

  it('the same steps in explicit mode leave A behind', async () => {
    const { a1, a2 } = await threeClients('explicit');
    const since = a2.mark();
    await a2.post('A2', 'B', 'now in B');
    await a2.receivedLine('A2:now in B', since);
    await a1.post('A1', 'A', 'A again');
    await a1.receivedLine('A1:A again');
    await a2.post('A2', 'B', 'barrier');
    await a2.receivedLine('A2:barrier', since);
    expect(a2.lines(since)).toEqual(['A2:now in B', 'A2:barrier']);
  });

  it('a new socket first hears its mode and no rooms; its rooms are listed sorted by name', async () => {
    const x = await server.peer('lecture');
    expect(x.events[0]).toEqual({ event: 'membership', data: { mode: 'lecture', rooms: [] } });
    await x.post('X', 'B', 'first B');
    await x.post('X', 'A', 'then A');
    expect(await x.received('membership', ({ rooms }) => rooms.length === 2)).toEqual({
      mode: 'lecture',
      rooms: ['A', 'B'],
    });
  });

  it('lecture mode has no join or leave: they answer with an error ack', async () => {
    const x = await server.peer('lecture');
    expect(await x.join('X', 'A')).toEqual({
      ok: false,
      error: 'lecture mode has no join: a socket joins a room only by posting to it',
    });
    expect(await x.leave()).toEqual({
      ok: false,
      error: 'lecture mode has no leave: that is its pitfall',
    });
    expect(server.io.of('/chat').adapter.rooms.has('A')).toBe(false);
  });
});

describe('explicit membership: join, leave, room list, members, notices', () => {
  it('join answers the room and the one it left; leave answers the room left', async () => {
    const x = await server.peer();
    expect(await x.join('X', 'A')).toEqual({ ok: true, room: 'A', left: null });
    expect(await x.join('X', 'A')).toEqual({ ok: true, room: 'A', left: null });
    expect(await x.join('X', 'B')).toEqual({ ok: true, room: 'B', left: 'A' });
    await x.received('membership', ({ rooms }) => rooms[0] === 'B');
    const since = x.mark();
    expect(await x.leave()).toEqual({ ok: true, left: 'B' });
    expect(await x.received('membership', () => true, since)).toEqual({
      mode: 'explicit',
      rooms: [],
    });
    expect(await x.leave()).toEqual({ ok: false, error: 'you are not in a room' });
    // An extra argument before the ack is tolerated.
    expect(await untyped(x.socket).timeout(WAIT_MS).emitWithAck('leave', {})).toEqual({
      ok: false,
      error: 'you are not in a room',
    });
    expect(server.io.of('/chat').adapter.rooms.size).toBe(1); // only X's private room
  });

  it('"X joined" and "X left" notices go to the room', async () => {
    const { a1, a2, b1 } = await threeClients();
    await a1.received('notice', (n) => n.name === 'A2' && n.action === 'joined');
    expect(a1.all('notice')).toEqual([
      { room: 'A', name: 'A1', action: 'joined' },
      { room: 'A', name: 'A2', action: 'joined' },
    ]);
    await a2.join('A2', 'B');
    expect(await a1.received('notice', (n) => n.action === 'left')).toEqual({
      room: 'A',
      name: 'A2',
      action: 'left',
    });
    expect(await b1.received('notice', (n) => n.name === 'A2')).toEqual({
      room: 'B',
      name: 'A2',
      action: 'joined',
    });
    // The leaver gets its own "left", before its "joined" of the new room.
    await a2.received('notice', (n) => n.room === 'B');
    expect(a2.all('notice').slice(-2)).toEqual([
      { room: 'A', name: 'A2', action: 'left' },
      { room: 'B', name: 'A2', action: 'joined' },
    ]);
    await a2.leave();
    expect(await b1.received('notice', (n) => n.action === 'left')).toEqual({
      room: 'B',
      name: 'A2',
      action: 'left',
    });
  });

  it('every client gets the room list with member counts, on every change', async () => {
    const { a1, a2, b1 } = await threeClients();
    const twoAndOne = [
      { room: 'A', count: 2 },
      { room: 'B', count: 1 },
    ];
    for (const peer of [a1, a2, b1])
      expect(
        await peer.received('rooms', (l) => JSON.stringify(l) === JSON.stringify(twoAndOne)),
      ).toEqual(twoAndOne);
    const since = a1.mark();
    await a2.join('A2', 'B');
    // One update for the switch (leave A + join B happen in one tick).
    const after = await a1.received('rooms', () => true, since);
    expect(after).toEqual([
      { room: 'A', count: 1 },
      { room: 'B', count: 2 },
    ]);
    // A newcomer gets the current list as soon as it connects.
    const late = await server.peer();
    expect(await late.received('rooms')).toEqual(after);
  });

  it('members of the current room are sent to that room, and follow renames', async () => {
    const { a1, a2, b1 } = await threeClients();
    await a1.received('members', (m) => m.members.length === 2);
    expect(a1.all('members').at(-1)).toEqual({ room: 'A', members: ['A1', 'A2'] });
    const since = a1.mark();
    await a2.join('A2', 'B');
    expect(await a1.received('members', () => true, since)).toEqual({
      room: 'A',
      members: ['A1'],
    });
    expect(await b1.received('members', (m) => m.members.length === 2)).toEqual({
      room: 'B',
      members: ['A2', 'B1'],
    });
    // Members of other rooms are not sent to B1.
    expect(b1.all('members').every((m) => m.room === 'B')).toBe(true);
    // A new name in a message renames the member.
    await b1.post('Bea', 'B', 'call me Bea');
    expect(await a2.received('members', (m) => m.members.includes('Bea'))).toEqual({
      room: 'B',
      members: ['A2', 'Bea'],
    });
  });

  it('the room list and the member list are sorted by name, whatever the order of arrival', async () => {
    const [zed, amy] = await Promise.all([server.peer(), server.peer()]);
    await zed.join('Zed', 'B');
    await amy.join('Amy', 'A');
    expect(await zed.received('rooms', (list) => list.length === 2)).toEqual([
      { room: 'A', count: 1 },
      { room: 'B', count: 1 },
    ]);
    await amy.join('Amy', 'B');
    expect(await zed.received('members', (m) => m.members.length === 2)).toEqual({
      room: 'B',
      members: ['Amy', 'Zed'],
    });
  });

  it('one change is one update: a switch sends one room list, a repeat post with the same name none', async () => {
    const { a1, a2 } = await threeClients();
    await a1.received('members', (m) => m.members.length === 2);
    await a1.received('rooms', (list) => list.length === 2);
    const since = a1.mark();
    await a2.join('A2', 'B');
    await a1.post('A1', 'A', 'barrier');
    await a1.receivedLine('A1:barrier', since);
    expect(a1.all('rooms', since)).toHaveLength(1);
    // Posting again under the same name changes nobody's member list.
    const again = a1.mark();
    await a1.post('A1', 'A', 'same name');
    await a1.receivedLine('A1:same name', again);
    expect(a1.events.slice(again).map(({ event }) => event)).toEqual(['chat message']);
  });

  it('names and rooms are trimmed; a message keeps its spaces', async () => {
    const x = await server.peer();
    expect(await x.join('  X  ', '  A  ')).toEqual({ ok: true, room: 'A', left: null });
    expect(await x.received('members')).toEqual({ room: 'A', members: ['X'] });
    expect(await x.post(' X ', ' A ', '  hi  ')).toEqual({ ok: true, room: 'A' });
    await x.receivedLine('X:  hi  ');
  });

  it('a socket that leaves while in no room changes nobody’s room list', async () => {
    const [watcher, passer] = await Promise.all([server.peer(), server.peer()]);
    await watcher.join('W', 'W');
    await watcher.received('members');
    const since = watcher.mark();
    passer.socket.disconnect();
    const chat = server.io.of('/chat');
    await vi.waitFor(() => expect(chat.sockets.size).toBe(1), { timeout: WAIT_MS, interval: 20 });
    await watcher.post('W', 'W', 'barrier');
    await watcher.receivedLine('W:barrier', since);
    expect(watcher.events.slice(since).map(({ event }) => event)).toEqual(['chat message']);
  });

  it('a joiner hears its own membership before its room’s member list', async () => {
    const x = await server.peer();
    const since = x.mark();
    await x.join('X', 'A');
    await x.received('members', () => true, since);
    const order = x.events.slice(since).map(({ event }) => event);
    // The page keeps only the member list of its current room, so this order matters.
    expect(order.indexOf('membership')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('membership')).toBeLessThan(order.indexOf('members'));
  });
});

describe('bad input gets an error ack; nothing is sent and the server stays up', () => {
  /** `chat message` with fields of any type, through the one untyped escape; resolves with its ack. */
  const postRaw = (peer: Peer, name: unknown, room: unknown, msg: unknown) =>
    untyped(peer.socket).timeout(WAIT_MS).emitWithAck('chat message', { name, room, msg });
  /** `join` with fields of any type; resolves with its ack. */
  const joinRaw = (peer: Peer, name: unknown, room: unknown) =>
    untyped(peer.socket).timeout(WAIT_MS).emitWithAck('join', { name, room });

  const badRooms: [string, unknown, string][] = [
    ['empty', '', '"room" must not be empty'],
    ['blank', '   ', '"room" must not be empty'],
    ['65 characters', 'r'.repeat(65), `"room" is over ${LIMITS.room} characters (got 65)`],
    ['a number', 42, '"room" must be a string (got number)'],
    ['null', null, '"room" must be a string (got null)'],
    ['an array', ['A'], '"room" must be a string (got an array)'],
    ['an object', { name: 'A' }, '"room" must be a string (got object)'],
    ['missing', undefined, '"room" must be a string (got undefined)'],
  ];

  it.each(badRooms)(
    'room %s → error ack from "chat message" and "join"',
    async (_, room, error) => {
      const [x, watcher] = await Promise.all([server.peer(), server.peer()]);
      expect(await postRaw(x, 'X', room, 'hi')).toEqual({ ok: false, error });
      expect(await joinRaw(x, 'X', room)).toEqual({ ok: false, error });
      // No room was made, nobody got anything, and the next good message works.
      expect([...server.io.of('/chat').adapter.rooms.keys()].sort()).toEqual(
        [x.socket.id, watcher.socket.id].sort(),
      );
      await x.post('X', 'ok', 'fine');
      await x.receivedLine('X:fine');
      expect(x.lines()).toEqual(['X:fine']);
      expect(watcher.lines()).toEqual([]);
    },
  );

  it('a room of exactly 64 characters is accepted, counted as a person counts them', async () => {
    const x = await server.peer();
    const korean = '방'.repeat(LIMITS.room);
    const emoji = '🙂'.repeat(LIMITS.room); // 128 UTF-16 units, 64 characters
    expect(await x.join('X', korean)).toEqual({ ok: true, room: korean, left: null });
    expect(await x.join('X', emoji)).toEqual({ ok: true, room: emoji, left: korean });
    expect(await x.join('X', `${emoji}!`)).toEqual({
      ok: false,
      error: `"room" is over ${LIMITS.room} characters (got 65)`,
    });
  });

  it('names and messages are checked too', async () => {
    const x = await server.peer();
    const cases: [unknown, unknown, string][] = [
      ['', 'hi', '"name" must not be empty'],
      [7, 'hi', '"name" must be a string (got number)'],
      ['n'.repeat(33), 'hi', `"name" is over ${LIMITS.name} characters (got 33)`],
      ['X', '', '"msg" must not be empty'],
      ['X', { text: 'hi' }, '"msg" must be a string (got object)'],
      ['X', 'm'.repeat(2001), `"msg" is over ${LIMITS.msg} characters (got 2001)`],
    ];
    for (const [name, msg, error] of cases)
      expect(await postRaw(x, name, 'A', msg)).toEqual({ ok: false, error });
    expect(await joinRaw(x, undefined, 'A')).toEqual({
      ok: false,
      error: '"name" must be a string (got undefined)',
    });
    expect(await x.post('X', 'A', 'm'.repeat(2000))).toEqual({ ok: true, room: 'A' });
  });

  it('a message of spaces only is empty', async () => {
    const x = await server.peer();
    expect(await x.post('X', 'A', '   ')).toEqual({ ok: false, error: '"msg" must not be empty' });
  });

  it('a long message within the transport’s 1 MB limit gets an error ack, not a dropped connection', async () => {
    const x = await server.peer();
    expect(await x.post('X', 'A', 'm'.repeat(999_000))).toEqual({
      ok: false,
      error: `"msg" is over ${LIMITS.msg} characters (got 999000)`,
    });
    expect(x.socket.connected).toBe(true);
  });

  it('a payload that is not an object, an unknown event, a socket id as room', async () => {
    const [x, y] = await Promise.all([server.peer(), server.peer()]);
    const emit = (event: string, data: unknown) =>
      untyped(x.socket).timeout(WAIT_MS).emitWithAck(event, data);
    expect(await emit('chat message', 'hello')).toEqual({
      ok: false,
      error: 'expected an object {name, room, msg} (got string)',
    });
    expect(await emit('chat message', null)).toEqual({
      ok: false,
      error: 'expected an object {name, room, msg} (got null)',
    });
    expect(await emit('join', [1, 2])).toEqual({
      ok: false,
      error: 'expected an object {name, room} (got an array)',
    });
    expect(await emit('shout', { msg: 'hi' })).toEqual({
      ok: false,
      error: 'unknown event "shout"',
    });
    // Every socket sits in a private room named by its id; posting there would reach it.
    const id = y.socket.id;
    if (id === undefined) throw new Error('a connected socket has an id');
    expect(await x.post('X', id, 'psst')).toEqual({
      ok: false,
      error: '"room" may not be a socket id',
    });
    expect(await x.join('X', id)).toEqual({
      ok: false,
      error: '"room" may not be a socket id',
    });
    // An unknown event with nothing but the ack is answered too.
    expect(await untyped(x.socket).timeout(WAIT_MS).emitWithAck('shout')).toEqual({
      ok: false,
      error: 'unknown event "shout"',
    });
    // Emitting with no ack at all must not break anything either.
    untyped(x.socket).emit('chat message', 42);
    untyped(x.socket).emit('join', null);
    await x.post('X', 'A', 'still up');
    await x.receivedLine('X:still up');
    expect(y.lines()).toEqual([]);
  });

  it('an unknown namespace is refused, and so are "/" and a bad mode', async () => {
    expect(await refusal(server.client('/nope'))).toBe('Invalid namespace');
    expect(await refusal(server.client('/'))).toBe(
      'nothing is served on namespace "/": connect to "/chat"',
    );
    expect(await refusal(server.client('/chat', { mode: 'sneaky' }))).toBe(
      'auth.mode must be "explicit" or "lecture" (got sneaky)',
    );
    // /chat itself still works.
    const x = await server.peer();
    expect(x.socket.connected).toBe(true);
  });

  it('HTML in names, rooms and messages is passed on as text: escaping is the page’s job', async () => {
    const [x, y] = await Promise.all([server.peer(), server.peer()]);
    const room = '<img src=x onerror=alert(1)>';
    await y.join('<b>Y</b>', room);
    await x.post('<i>X</i>', room, '<script>alert(2)</script>');
    expect(await y.received('chat message')).toEqual({
      name: '<i>X</i>',
      msg: '<script>alert(2)</script>',
    });
    expect(await y.received('members', (m) => m.members.length === 2)).toEqual({
      room,
      members: ['<b>Y</b>', '<i>X</i>'],
    });
  });
});

describe('cleanup on disconnect', () => {
  it('leaving members are announced, empty rooms are deleted, nothing is left behind', async () => {
    const { a1, a2, b1 } = await threeClients();
    const chat = server.io.of('/chat');
    const since = a1.mark();
    b1.socket.disconnect();
    // B had one member: the room is gone, for the server and in everyone's list.
    expect(await a1.received('rooms', (l) => l.length === 1, since)).toEqual([
      { room: 'A', count: 2 },
    ]);
    expect(chat.adapter.rooms.has('B')).toBe(false);

    a2.socket.disconnect();
    expect(await a1.received('notice', (n) => n.action === 'left', since)).toEqual({
      room: 'A',
      name: 'A2',
      action: 'left',
    });
    expect(await a1.received('members', () => true, since)).toEqual({
      room: 'A',
      members: ['A1'],
    });
    await a1.received('rooms', (l) => l[0]?.count === 1, since);

    a1.socket.disconnect();
    await vi.waitFor(
      () => {
        expect(chat.sockets.size).toBe(0);
        expect(chat.adapter.rooms.size).toBe(0);
        expect(chat.adapter.sids.size).toBe(0);
      },
      { timeout: WAIT_MS, interval: 20 },
    );
  });

  it('a lecture-mode socket leaves every room it piled up when it disconnects', async () => {
    const [piler, watcher] = await Promise.all([server.peer('lecture'), server.peer()]);
    await watcher.join('W', 'A');
    for (const room of ['A', 'B', 'C']) await piler.post('P', room, `in ${room}`);
    const chat = server.io.of('/chat');
    await watcher.received('rooms', (l) => l.length === 3);
    expect(chat.adapter.rooms.get('A')?.size).toBe(2);

    const since = watcher.mark();
    piler.socket.disconnect();
    expect(await watcher.received('notice', () => true, since)).toEqual({
      room: 'A',
      name: 'P',
      action: 'left',
    });
    expect(await watcher.received('rooms', () => true, since)).toEqual([{ room: 'A', count: 1 }]);
    expect([...chat.adapter.rooms.keys()].sort()).toEqual(['A', watcher.socket.id].sort());
  });
});

describe('plain HTTP, the page and the chapter’s own server', () => {
  it('answers a path it has no page for with a JSON 404', async () => {
    const res = await fetch(`${server.url}/nothing`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ error: 'no route for GET /nothing' });
  });

  it('does not serve /socket.io/socket.io.js: the pages bundle the client', async () => {
    const res = await fetch(`${server.url}/socket.io/socket.io.js`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('function');
  });

  it('ends a WebSocket upgrade on any other path: Socket.IO is the only one this server takes', async () => {
    const socket = tcpConnect(Number(new URL(server.url).port), '127.0.0.1');
    let reply = '';
    let ended = false;
    socket.on('data', (piece: Buffer) => {
      reply += piece.toString();
    });
    socket.once('end', () => {
      ended = true;
    });
    socket.write(
      'GET /elsewhere HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    // Engine.IO's default: an upgrade it does not own is ended after a second of silence.
    await vi.waitFor(() => expect(ended).toBe(true), { timeout: WAIT_MS, interval: 20 });
    expect(reply).toBe('');
    // Socket.IO's own upgrades still work.
    const x = await server.peer();
    expect(x.socket.connected).toBe(true);
  });

  /** Starts `http`, posts one message from a /chat client, and closes everything. */
  async function postOnce(http: Servers['http']) {
    const { url, close } = await listening(http);
    const socket: RoomsClient = io(`${url}/chat`, { transports: ['websocket'], forceNew: true });
    const peer = new Peer(socket);
    try {
      expect(await peer.post('X', 'A', 'hello')).toEqual({ ok: true, room: 'A' });
    } finally {
      socket.disconnect();
      await close();
    }
    return url;
  }

  it('with its log on, it logs messages one by one up to 20 a second, then sums up the rest', async () => {
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => {
      lines.push(line);
    });
    const servers = createServers({ log: true });
    const { url, close } = await listening(servers.http);
    const socket: RoomsClient = io(`${url}/chat`, { transports: ['websocket'], forceNew: true });
    const peer = new Peer(socket);
    try {
      // 200 messages at once: far past a human rate.
      const floodStarted = performance.now();
      await Promise.all(Array.from({ length: 200 }, (_, i) => peer.post('X', 'A', `flood ${i}`)));
      const windows = logWindowsSince(floodStarted);
      const logged = () => lines.filter((line) => line.startsWith('message from client:'));
      const summed = () =>
        lines
          .map((line) => /^… and ([\d,]+) more messages in that second/.exec(line)?.[1])
          .filter((count) => count !== undefined)
          .map((count) => Number(count.replaceAll(',', '')));
      await expect.poll(() => logged().length + summed().reduce((sum, n) => sum + n, 0)).toBe(200);
      // At most 20 logged one by one in each second the flood took to arrive.
      expect(logged().length).toBeLessThanOrEqual(MESSAGES_LOGGED_PER_SECOND * windows);
      expect(summed().length).toBeGreaterThan(0);
    } finally {
      socket.disconnect();
      await servers.io.close();
      await close();
      log.mockRestore();
    }
  });

  it('the factory logs nothing by default; the chapter logs each message as the lecture does', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const servers = createServers();
      await postOnce(servers.http);
      await servers.io.close();
      expect(log).not.toHaveBeenCalled();

      const { PORT } = await createChapter(chapter);
      const { url, close } = await listening(PORT);
      const served = await fetch(`${url}/page`);
      expect([served.status, await served.text()]).toEqual([200, 'the page']);
      const other = await fetch(`${url}/other`);
      expect([other.status, await other.json()]).toEqual([
        404,
        { error: 'no route for GET /other' },
      ]);
      await close();
      await postOnce(PORT);
      await expect
        .poll(() => log.mock.calls)
        .toContainEqual([
          "message from client: { mode: 'explicit', name: 'X', room: 'A', msg: 'hello' }",
        ]);
    } finally {
      log.mockRestore();
    }
  });
});

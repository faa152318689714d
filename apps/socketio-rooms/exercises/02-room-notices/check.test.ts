// The check for "Notices for the room only": your server, real socket.io-client connections.
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHAT_NAMESPACE } from '../../events.ts';
import { Peer, type RoomsClient } from '../../test/helpers.ts';

let server: RunningChapter;
const sockets: RoomsClient[] = [];

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname);
});
afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await server?.close();
});

/** A connected /chat client that records what it receives. */
async function connect(): Promise<Peer> {
  const socket: RoomsClient = io(`${server.url}${CHAT_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(undefined));
    socket.once('connect_error', reject);
  });
  return new Peer(socket);
}

/** Sends `join` and expects the server's ack to say the socket is in `room` now. */
async function join(peer: Peer, name: string, room: string): Promise<void> {
  const answer = await peer.join(name, room);
  expect(answer, `${name} joined room ${room}: the ack should say ok`).toMatchObject({
    ok: true,
    room,
  });
}

/** The notices `peer` received, as the page shows them: "Lee joined A". */
const notices = (peer: Peer) =>
  peer.all('notice').map(({ name, action, room }) => `${name} ${action} ${room}`);

let kim: Peer;
let lee: Peer;
let park: Peer;
let choi: Peer;

it('tells the members of a room who joined it', async () => {
  [kim, lee, park, choi] = await Promise.all([connect(), connect(), connect(), connect()]);
  await join(kim, 'Kim', 'A');
  await join(lee, 'Lee', 'A');
  await expect
    .poll(() => notices(kim), { message: 'Kim is in room A: Kim should hear "Lee joined A"' })
    .toContain('Lee joined A');
});

it('keeps the notice inside the room: a socket in another room hears nothing of it', async () => {
  await join(park, 'Park', 'B');
  await join(choi, 'Choi', 'A');
  await expect
    .poll(() => notices(kim), { message: 'Kim is in room A: Kim should hear "Choi joined A"' })
    .toContain('Choi joined A');
  // Park's own message comes after any notice sent to Park before it, on the same connection.
  await park.post('Park', 'B', 'anyone here?');
  await expect
    .poll(() => park.lines(), { message: 'Park posted to room B: the message should reach Park' })
    .toContain('Park:anyone here?');
  expect(
    notices(park).filter((notice) => !notice.endsWith(' B')),
    'Park is in room B and should hear nothing about room A, but heard these. ' +
      'A notice for everyone (chat.emit) reaches every room of /chat',
  ).toEqual([]);
});

it('tells the room who left when a member moves to another room', async () => {
  await join(lee, 'Lee', 'C');
  await expect
    .poll(() => notices(kim), {
      message: 'Lee moved from room A to room C: Kim, still in A, should hear "Lee left A"',
    })
    .toContain('Lee left A');
});

it('tells the room who left when a member disconnects', async () => {
  choi.socket.disconnect();
  await expect
    .poll(() => notices(kim), {
      message: 'Choi, in room A, closed the connection: Kim, still in A, should hear "Choi left A"',
    })
    .toContain('Choi left A');
});

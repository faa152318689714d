// The check for "Leave the previous room": your server, real socket.io-client connections.
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

/** Posts and expects the server's ack to say the message went to `room`. */
async function post(peer: Peer, name: string, room: string, msg: string): Promise<void> {
  expect(await peer.post(name, room, msg), `${name} posted to room ${room}`).toEqual({
    ok: true,
    room,
  });
}

/** Waits until `peer` has received `line` ("name:msg"). */
async function expectLine(peer: Peer, line: string, message: string): Promise<void> {
  await expect.poll(() => peer.lines(), { message }).toContain(line);
}

let kim: Peer;
let lee: Peer;
let park: Peer;

it('sends a message to everyone in its room, the sender too', async () => {
  [kim, lee, park] = await Promise.all([connect(), connect(), connect()]);
  await post(lee, 'Lee', 'A', 'Lee is in A');
  await post(park, 'Park', 'A', 'Park is in A');
  await post(kim, 'Kim', 'A', 'hello A');
  await expectLine(kim, 'Kim:hello A', 'Kim posted to room A: the message should come back to Kim');
  await expectLine(lee, 'Kim:hello A', "Lee is in room A: Kim's message to A should reach Lee");
  await expectLine(park, 'Kim:hello A', "Park is in room A: Kim's message to A should reach Park");
});

it('stops sending room A to a socket that moved on to room B', async () => {
  await post(kim, 'Kim', 'B', 'Kim is in B now');
  await expectLine(
    kim,
    'Kim:Kim is in B now',
    'Kim posted to room B: the message should reach Kim',
  );
  const since = kim.mark();
  await post(lee, 'Lee', 'A', 'only for room A');
  await expectLine(
    park,
    'Lee:only for room A',
    "Park stayed in room A: Lee's message should reach Park",
  );
  // Kim's own message comes after Lee's on Kim's connection, so once it is here, Lee's would be too.
  await post(kim, 'Kim', 'B', 'still in B');
  await expectLine(
    kim,
    'Kim:still in B',
    'Kim posted to room B again: the message should reach Kim',
  );
  expect(
    kim.lines(since),
    "Kim posted to room A, then to room B. Lee's message to room A should not reach Kim, but it did: " +
      'Kim is still in room A. Leave the rooms the socket is in before joining the new one',
  ).not.toContain('Lee:only for room A');
});

it('keeps a socket in one room as it moves from A to B and back to A', async () => {
  const choi = await connect();
  await post(choi, 'Choi', 'A', 'Choi in A');
  await post(choi, 'Choi', 'B', 'Choi in B');
  await post(choi, 'Choi', 'A', 'Choi back in A');
  await expectLine(
    choi,
    'Choi:Choi back in A',
    'Choi posted to room A: the message should reach Choi',
  );
  const since = choi.mark();
  await post(kim, 'Kim', 'B', 'only for room B');
  await post(park, 'Park', 'A', 'only for room A');
  // Park's message was sent after Kim's: once it reached Choi, Kim's would have too.
  await expectLine(
    choi,
    'Park:only for room A',
    "Choi is back in room A: Park's message should reach Choi",
  );
  expect(
    choi.lines(since),
    "Choi went from room A to B and back to A. Kim's message to room B should not reach Choi, but it did: " +
      'Choi never left room B',
  ).not.toContain('Kim:only for room B');
});

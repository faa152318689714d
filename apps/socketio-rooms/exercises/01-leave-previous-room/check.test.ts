// The check for "Leave the previous room": your server, real socket.io-client connections.
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
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
  expect(
    await peer.post(name, room, msg),
    say({
      en: `${name} posted to room ${room}`,
      ko: `${name}이(가) 룸 ${room}에 메시지를 보냈습니다`,
    }),
  ).toEqual({
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

it(
  say({
    en: 'sends a message to everyone in its room, the sender too',
    ko: '메시지를 그 룸의 모두에게, 보낸 사람에게도 보낸다',
  }),
  async () => {
    [kim, lee, park] = await Promise.all([connect(), connect(), connect()]);
    await post(lee, 'Lee', 'A', 'Lee is in A');
    await post(park, 'Park', 'A', 'Park is in A');
    await post(kim, 'Kim', 'A', 'hello A');
    await expectLine(
      kim,
      'Kim:hello A',
      say({
        en: 'Kim posted to room A: the message should come back to Kim',
        ko: 'Kim이 룸 A에 메시지를 보냈습니다. 메시지가 Kim에게 돌아와야 합니다',
      }),
    );
    await expectLine(
      lee,
      'Kim:hello A',
      say({
        en: "Lee is in room A: Kim's message to A should reach Lee",
        ko: 'Lee는 룸 A에 있습니다. Kim이 A에 보낸 메시지가 Lee에게 닿아야 합니다',
      }),
    );
    await expectLine(
      park,
      'Kim:hello A',
      say({
        en: "Park is in room A: Kim's message to A should reach Park",
        ko: 'Park은 룸 A에 있습니다. Kim이 A에 보낸 메시지가 Park에게 닿아야 합니다',
      }),
    );
  },
);

it(
  say({
    en: 'stops sending room A to a socket that moved on to room B',
    ko: '룸 B로 옮겨 간 소켓에는 룸 A의 메시지를 더 보내지 않는다',
  }),
  async () => {
    await post(kim, 'Kim', 'B', 'Kim is in B now');
    await expectLine(
      kim,
      'Kim:Kim is in B now',
      say({
        en: 'Kim posted to room B: the message should reach Kim',
        ko: 'Kim이 룸 B에 메시지를 보냈습니다. 메시지가 Kim에게 닿아야 합니다',
      }),
    );
    const since = kim.mark();
    await post(lee, 'Lee', 'A', 'only for room A');
    await expectLine(
      park,
      'Lee:only for room A',
      say({
        en: "Park stayed in room A: Lee's message should reach Park",
        ko: 'Park은 룸 A에 남아 있습니다. Lee의 메시지가 Park에게 닿아야 합니다',
      }),
    );
    // Kim's own message comes after Lee's on Kim's connection, so once it is here, Lee's would be too.
    await post(kim, 'Kim', 'B', 'still in B');
    await expectLine(
      kim,
      'Kim:still in B',
      say({
        en: 'Kim posted to room B again: the message should reach Kim',
        ko: 'Kim이 룸 B에 다시 메시지를 보냈습니다. 메시지가 Kim에게 닿아야 합니다',
      }),
    );
    expect(
      kim.lines(since),
      say({
        en:
          "Kim posted to room A, then to room B. Lee's message to room A should not reach Kim, but it did: " +
          'Kim is still in room A. Leave the rooms the socket is in before joining the new one',
        ko:
          'Kim은 룸 A에, 그다음 룸 B에 메시지를 보냈습니다. Lee가 룸 A에 보낸 메시지는 Kim에게 닿지 않아야 하는데 닿았습니다. ' +
          'Kim이 아직 룸 A에 있습니다. 새 룸에 들어가기 전에 소켓이 들어 있는 룸에서 나오세요',
      }),
    ).not.toContain('Lee:only for room A');
  },
);

it(
  say({
    en: 'keeps a socket in one room as it moves from A to B and back to A',
    ko: 'A에서 B로, 다시 A로 옮겨 다니는 소켓을 한 룸에만 둔다',
  }),
  async () => {
    const choi = await connect();
    await post(choi, 'Choi', 'A', 'Choi in A');
    await post(choi, 'Choi', 'B', 'Choi in B');
    await post(choi, 'Choi', 'A', 'Choi back in A');
    await expectLine(
      choi,
      'Choi:Choi back in A',
      say({
        en: 'Choi posted to room A: the message should reach Choi',
        ko: 'Choi가 룸 A에 메시지를 보냈습니다. 메시지가 Choi에게 닿아야 합니다',
      }),
    );
    const since = choi.mark();
    await post(kim, 'Kim', 'B', 'only for room B');
    await post(park, 'Park', 'A', 'only for room A');
    // Park's message was sent after Kim's: once it reached Choi, Kim's would have too.
    await expectLine(
      choi,
      'Park:only for room A',
      say({
        en: "Choi is back in room A: Park's message should reach Choi",
        ko: 'Choi는 룸 A로 돌아왔습니다. Park의 메시지가 Choi에게 닿아야 합니다',
      }),
    );
    expect(
      choi.lines(since),
      say({
        en:
          "Choi went from room A to B and back to A. Kim's message to room B should not reach Choi, but it did: " +
          'Choi never left room B',
        ko:
          'Choi는 룸 A에서 B로 갔다가 A로 돌아왔습니다. Kim이 룸 B에 보낸 메시지는 Choi에게 닿지 않아야 하는데 닿았습니다. ' +
          'Choi가 룸 B에서 나온 적이 없습니다',
      }),
    ).not.toContain('Kim:only for room B');
  },
);

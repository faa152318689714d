// The check for "Notices for the room only": your server, real socket.io-client connections.
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

/** Sends `join` and expects the server's ack to say the socket is in `room` now. */
async function join(peer: Peer, name: string, room: string): Promise<void> {
  const answer = await peer.join(name, room);
  expect(
    answer,
    say({
      en: `${name} joined room ${room}: the ack should say ok`,
      ko: `${name}이(가) 룸 ${room}에 들어갔습니다. 확인 응답은 ok여야 합니다`,
    }),
  ).toMatchObject({
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

it(
  say({
    en: 'tells the members of a room who joined it',
    ko: '룸의 멤버들에게 누가 들어왔는지 알린다',
  }),
  async () => {
    [kim, lee, park, choi] = await Promise.all([connect(), connect(), connect(), connect()]);
    await join(kim, 'Kim', 'A');
    await join(lee, 'Lee', 'A');
    await expect
      .poll(() => notices(kim), {
        message: say({
          en: 'Kim is in room A: Kim should hear "Lee joined A"',
          ko: 'Kim은 룸 A에 있습니다. Kim이 "Lee joined A"를 들어야 합니다',
        }),
      })
      .toContain('Lee joined A');
  },
);

it(
  say({
    en: 'keeps the notice inside the room: a socket in another room hears nothing of it',
    ko: '알림을 그 룸 안에만 둔다. 다른 룸의 소켓은 아무것도 듣지 못한다',
  }),
  async () => {
    await join(park, 'Park', 'B');
    await join(choi, 'Choi', 'A');
    await expect
      .poll(() => notices(kim), {
        message: say({
          en: 'Kim is in room A: Kim should hear "Choi joined A"',
          ko: 'Kim은 룸 A에 있습니다. Kim이 "Choi joined A"를 들어야 합니다',
        }),
      })
      .toContain('Choi joined A');
    // Park's own message comes after any notice sent to Park before it, on the same connection.
    await park.post('Park', 'B', 'anyone here?');
    await expect
      .poll(() => park.lines(), {
        message: say({
          en: 'Park posted to room B: the message should reach Park',
          ko: 'Park이 룸 B에 메시지를 보냈습니다. 메시지가 Park에게 닿아야 합니다',
        }),
      })
      .toContain('Park:anyone here?');
    expect(
      notices(park).filter((notice) => !notice.endsWith(' B')),
      say({
        en:
          'Park is in room B and should hear nothing about room A, but heard these. ' +
          'A notice for everyone (chat.emit) reaches every room of /chat',
        ko:
          'Park은 룸 B에 있으므로 룸 A에 대해서는 아무것도 듣지 않아야 하는데, 이것들을 들었습니다. ' +
          '모두에게 보내는 알림(chat.emit)은 /chat의 모든 룸에 닿습니다',
      }),
    ).toEqual([]);
  },
);

it(
  say({
    en: 'tells the room who left when a member moves to another room',
    ko: '멤버가 다른 룸으로 옮기면 누가 나갔는지 룸에 알린다',
  }),
  async () => {
    await join(lee, 'Lee', 'C');
    await expect
      .poll(() => notices(kim), {
        message: say({
          en: 'Lee moved from room A to room C: Kim, still in A, should hear "Lee left A"',
          ko: 'Lee가 룸 A에서 룸 C로 옮겼습니다. 아직 A에 있는 Kim이 "Lee left A"를 들어야 합니다',
        }),
      })
      .toContain('Lee left A');
  },
);

it(
  say({
    en: 'tells the room who left when a member disconnects',
    ko: '멤버가 연결을 끊으면 누가 나갔는지 룸에 알린다',
  }),
  async () => {
    choi.socket.disconnect();
    await expect
      .poll(() => notices(kim), {
        message: say({
          en: 'Choi, in room A, closed the connection: Kim, still in A, should hear "Choi left A"',
          ko: '룸 A에 있던 Choi가 연결을 닫았습니다. 아직 A에 있는 Kim이 "Choi left A"를 들어야 합니다',
        }),
      })
      .toContain('Choi left A');
  },
);

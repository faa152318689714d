// The check for "A newline framer": your line server, and real node:net clients that cut
// and glue their bytes on purpose (each write on its own, with a pause between them).
import { createConnection, type Socket } from 'node:net';
import type { RunningChapter } from '@course/kit';
import { say, startUnderCheck } from '@course/kit/exercise-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LineSplitter } from '../../shared/line-splitter.ts';

/** The bound the check starts the server with, so a too-long line is quick to send. */
const MAX_LINE_BYTES = 64;

let server: RunningChapter;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startUnderCheck(import.meta.dirname, {
    TCP_MAX_LINE_BYTES: String(MAX_LINE_BYTES),
    TCP_IDLE_TIMEOUT_MS: '5000',
  });
});
afterAll(async () => {
  for (const client of clients) client.socket.destroy();
  await server?.close();
});

/** A test client: the lines the server sent back (split by the chapter's own splitter), and whether it closed. */
interface Client {
  socket: Socket;
  lines: string[];
  closed: boolean;
}

/** Connects to the line server; every write leaves at once (no Nagle), so each is a chunk of its own. */
async function connect(): Promise<Client> {
  const socket = createConnection({ host: '127.0.0.1', port: server.ports.FRAMED_TCP_PORT ?? 0 });
  socket.setNoDelay(true);
  const client: Client = { socket, lines: [], closed: false };
  clients.push(client);
  const splitter = new LineSplitter(1024 * 1024);
  const decoder = new TextDecoder();
  socket.on('data', (chunk: Buffer) => {
    for (const line of splitter.push(chunk)) client.lines.push(decoder.decode(line));
  });
  // A reset is one of the ways a connection may end here; it must not fail the check.
  socket.on('error', () => {});
  socket.on('close', () => {
    client.closed = true;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return client;
}

/** Writes each piece as a chunk of its own: a pause after each lets the server read it alone. */
async function writeInPieces(client: Client, ...pieces: (string | Buffer)[]): Promise<void> {
  for (const piece of pieces) {
    client.socket.write(piece);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
}

/** Waits until `client` has at least `count` lines back, then expects exactly `expected`. */
async function expectLines(client: Client, expected: string[], message: string): Promise<void> {
  await expect
    .poll(() => client.lines.length, {
      message: say({
        en: `${message}. Nothing came back.`,
        ko: `${message}. 아무것도 돌아오지 않았습니다.`,
      }),
    })
    .toBeGreaterThanOrEqual(expected.length);
  expect(
    client.lines,
    say({
      en: `${message}. The server answered ${JSON.stringify(client.lines)}`,
      ko: `${message}. 서버의 답: ${JSON.stringify(client.lines)}`,
    }),
  ).toEqual(expected);
}

it(
  say({ en: 'answers a line that arrives in one piece', ko: '한 조각으로 도착한 줄에 답한다' }),
  async () => {
    const client = await connect();
    await writeInPieces(client, 'hello\n');
    await expectLines(
      client,
      ['#1 hello'],
      say({
        en: 'hello\\n, sent in one write, should get #1 hello',
        ko: 'write 한 번으로 보낸 hello\\n은 #1 hello를 받아야 합니다',
      }),
    );
    client.socket.end();
  },
);

it(
  say({
    en: 'answers a line that arrives in three pieces once, whole',
    ko: '세 조각으로 도착한 줄에 온전한 답을 한 번 한다',
  }),
  async () => {
    const client = await connect();
    await writeInPieces(client, 'hel', 'lo wor', 'ld\n');
    await expectLines(
      client,
      ['#1 hello world'],
      say({
        en: 'hello world\\n, sent as "hel", "lo wor", "ld\\n", is one message: it should get one answer, #1 hello world',
        ko: '"hel", "lo wor", "ld\\n"으로 보낸 hello world\\n은 메시지 하나입니다. 답도 #1 hello world 하나여야 합니다',
      }),
    );
    client.socket.end();
  },
);

it(
  say({
    en: 'answers each line of a chunk that holds several, and keeps the unfinished one',
    ko: '여러 줄을 담은 청크의 줄마다 답하고, 끝나지 않은 줄은 보관한다',
  }),
  async () => {
    const client = await connect();
    await writeInPieces(client, 'one\ntwo\nthr', 'ee\n');
    await expectLines(
      client,
      ['#1 one', '#2 two', '#3 three'],
      say({
        en: '"one\\ntwo\\nthr", then "ee\\n", are three messages: #1 one, #2 two, #3 three',
        ko: '"one\\ntwo\\nthr" 다음 "ee\\n"은 메시지 세 개입니다: #1 one, #2 two, #3 three',
      }),
    );
    client.socket.end();
  },
);

it(
  say({
    en: 'keeps a character that is cut between two chunks whole',
    ko: '두 청크 사이에서 잘린 글자를 온전히 지킨다',
  }),
  async () => {
    const client = await connect();
    const bytes = Buffer.from('안녕하세요\n');
    // 안 is 3 bytes in UTF-8: the cut after byte 4 falls inside 녕.
    await writeInPieces(client, bytes.subarray(0, 4), bytes.subarray(4));
    await expectLines(
      client,
      ['#1 안녕하세요'],
      say({
        en: '안녕하세요\\n, cut after its 4th byte (inside 녕), should come back as #1 안녕하세요, without �',
        ko: '4번째 바이트 뒤(녕의 한가운데)에서 자른 안녕하세요\\n은 � 없이 #1 안녕하세요로 돌아와야 합니다',
      }),
    );
    client.socket.end();
  },
);

it(
  say({
    en: "keeps two clients' unfinished lines apart",
    ko: '두 클라이언트의 끝나지 않은 줄을 섞지 않는다',
  }),
  async () => {
    const a = await connect();
    const b = await connect();
    await writeInPieces(a, 'apple');
    await writeInPieces(b, 'banana');
    await writeInPieces(a, ' pie\n');
    await writeInPieces(b, ' split\n');
    await expectLines(
      a,
      ['#1 apple pie'],
      say({
        en: 'Client A sent "apple", then " pie\\n" (client B wrote in between): A should get #1 apple pie',
        ko: '클라이언트 A가 "apple", 그다음 " pie\\n"을 보냈습니다(그 사이에 클라이언트 B가 썼습니다). A는 #1 apple pie를 받아야 합니다',
      }),
    );
    await expectLines(
      b,
      ['#1 banana split'],
      say({
        en: 'Client B sent "banana", then " split\\n": B should get #1 banana split',
        ko: '클라이언트 B가 "banana", 그다음 " split\\n"을 보냈습니다. B는 #1 banana split을 받아야 합니다',
      }),
    );
    a.socket.end();
    b.socket.end();
  },
);

it(
  say({
    en: `refuses a line over TCP_MAX_LINE_BYTES (${MAX_LINE_BYTES} here) with an ERROR line, then closes`,
    ko: `TCP_MAX_LINE_BYTES(여기서는 ${MAX_LINE_BYTES})를 넘는 줄을 ERROR 줄로 거절하고 연결을 닫는다`,
  }),
  async () => {
    const client = await connect();
    // 100 bytes and no newline, in two chunks: only the second passes the bound.
    await writeInPieces(client, 'x'.repeat(50), 'x'.repeat(50));
    const message = say({
      en: `100 bytes with no newline are over the ${MAX_LINE_BYTES}-byte bound: the server should answer one line starting with ERROR: and close the connection`,
      ko: `줄바꿈 없는 100바이트는 ${MAX_LINE_BYTES}바이트 한도를 넘습니다. 서버는 ERROR:로 시작하는 줄 하나로 답하고 연결을 닫아야 합니다`,
    });
    await expect
      .poll(() => client.lines.length, {
        message: say({
          en: `${message}. Nothing came back.`,
          ko: `${message}. 아무것도 돌아오지 않았습니다.`,
        }),
      })
      .toBeGreaterThanOrEqual(1);
    expect(
      client.lines[0],
      say({
        en: `${message}. It answered ${JSON.stringify(client.lines)}`,
        ko: `${message}. 서버의 답: ${JSON.stringify(client.lines)}`,
      }),
    ).toMatch(/^ERROR: /);
    await expect
      .poll(() => client.closed, {
        message: say({
          en: `${message}. It sent the line, but kept it open`,
          ko: `${message}. 줄은 보냈지만 연결을 열어 두었습니다`,
        }),
      })
      .toBe(true);

    const next = await connect();
    await writeInPieces(next, 'still there?\n');
    await expectLines(
      next,
      ['#1 still there?'],
      say({
        en: 'After that, a new client should still be served',
        ko: '그 뒤에도 새 클라이언트는 여전히 서비스를 받아야 합니다',
      }),
    );
    next.socket.end();
  },
);

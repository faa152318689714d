// The check for "A newline framer": your line server, and real node:net clients that cut
// and glue their bytes on purpose (each write on its own, with a pause between them).
import { createConnection, type Socket } from 'node:net';
import type { RunningChapter } from '@course/kit';
import { startUnderCheck } from '@course/kit/exercise-check';
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
    .poll(() => client.lines.length, { message: `${message}. Nothing came back.` })
    .toBeGreaterThanOrEqual(expected.length);
  expect(client.lines, `${message}. The server answered ${JSON.stringify(client.lines)}`).toEqual(
    expected,
  );
}

it('answers a line that arrives in one piece', async () => {
  const client = await connect();
  await writeInPieces(client, 'hello\n');
  await expectLines(client, ['#1 hello'], 'hello\\n, sent in one write, should get #1 hello');
  client.socket.end();
});

it('answers a line that arrives in three pieces once, whole', async () => {
  const client = await connect();
  await writeInPieces(client, 'hel', 'lo wor', 'ld\n');
  await expectLines(
    client,
    ['#1 hello world'],
    'hello world\\n, sent as "hel", "lo wor", "ld\\n", is one message: it should get one answer, #1 hello world',
  );
  client.socket.end();
});

it('answers each line of a chunk that holds several, and keeps the unfinished one', async () => {
  const client = await connect();
  await writeInPieces(client, 'one\ntwo\nthr', 'ee\n');
  await expectLines(
    client,
    ['#1 one', '#2 two', '#3 three'],
    '"one\\ntwo\\nthr", then "ee\\n", are three messages: #1 one, #2 two, #3 three',
  );
  client.socket.end();
});

it('keeps a character that is cut between two chunks whole', async () => {
  const client = await connect();
  const bytes = Buffer.from('안녕하세요\n');
  // 안 is 3 bytes in UTF-8: the cut after byte 4 falls inside 녕.
  await writeInPieces(client, bytes.subarray(0, 4), bytes.subarray(4));
  await expectLines(
    client,
    ['#1 안녕하세요'],
    '안녕하세요\\n, cut after its 4th byte (inside 녕), should come back as #1 안녕하세요, without �',
  );
  client.socket.end();
});

it("keeps two clients' unfinished lines apart", async () => {
  const a = await connect();
  const b = await connect();
  await writeInPieces(a, 'apple');
  await writeInPieces(b, 'banana');
  await writeInPieces(a, ' pie\n');
  await writeInPieces(b, ' split\n');
  await expectLines(
    a,
    ['#1 apple pie'],
    'Client A sent "apple", then " pie\\n" (client B wrote in between): A should get #1 apple pie',
  );
  await expectLines(
    b,
    ['#1 banana split'],
    'Client B sent "banana", then " split\\n": B should get #1 banana split',
  );
  a.socket.end();
  b.socket.end();
});

it(`refuses a line over TCP_MAX_LINE_BYTES (${MAX_LINE_BYTES} here) with an ERROR line, then closes`, async () => {
  const client = await connect();
  // 100 bytes and no newline, in two chunks: only the second passes the bound.
  await writeInPieces(client, 'x'.repeat(50), 'x'.repeat(50));
  const message = `100 bytes with no newline are over the ${MAX_LINE_BYTES}-byte bound: the server should answer one line starting with ERROR: and close the connection`;
  await expect
    .poll(() => client.lines.length, { message: `${message}. Nothing came back.` })
    .toBeGreaterThanOrEqual(1);
  expect(client.lines[0], `${message}. It answered ${JSON.stringify(client.lines)}`).toMatch(
    /^ERROR: /,
  );
  await expect
    .poll(() => client.closed, { message: `${message}. It sent the line, but kept it open` })
    .toBe(true);

  const next = await connect();
  await writeInPieces(next, 'still there?\n');
  await expectLines(next, ['#1 still there?'], 'After that, a new client should still be served');
  next.socket.end();
});

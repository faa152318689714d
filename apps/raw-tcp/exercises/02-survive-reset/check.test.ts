// The check for "Survive a reset": your relay in a process of its own (so that a crash is a
// real crash, as in `pnpm practice`), and real node:net clients, one of which resets.
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { variantUnderCheck } from '@course/kit/exercise-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LineSplitter } from '../../shared/line-splitter.ts';

/** A test client: its number on the relay, the lines it got, and whether its connection closed. */
interface Client {
  socket: Socket;
  id: number;
  /** How many others the welcome line said were here. */
  others: number;
  lines: string[];
  closed: boolean;
}

let server: ChildProcess;
let port = 0;
/** What the server process printed to stderr: a crash's message and stack. */
let stderr = '';
/** Set once the server process has ended. */
let ended: string | undefined;
const clients: Client[] = [];

/** Starts the variant under check with the kit's own command, on free ports; resolves with the relay's port. */
function startServer(): Promise<number> {
  const bin = fileURLToPath(import.meta.resolve('@course/kit/bin'));
  const dir = import.meta.dirname;
  server = spawn(process.execPath, [bin, 'serve-exercise', dir, variantUnderCheck(dir)], {
    cwd: dir,
    env: { ...process.env, PORT: '0', TCP_PORT: '0', FRAMED_TCP_PORT: '0', FORCE_COLOR: '0' },
    // The kit's serve-exercise runs while its parent is connected (ipc), and stops when it goes.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 20_000) stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const found = /FRAMED_TCP_PORT: (\d+)/.exec(stdout);
      if (found) resolve(Number(found[1]));
    });
    server.once('exit', (code, signal) => {
      ended = signal ? `signal ${signal}` : `exit code ${code}`;
      reject(new Error(`The server did not start (${ended}):\n${stderr.trim()}`));
    });
  });
}

beforeAll(async () => {
  port = await startServer();
});
afterAll(async () => {
  for (const client of clients) client.socket.destroy();
  if (server && ended === undefined) {
    const gone = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    const stuck = setTimeout(() => server.kill('SIGKILL'), 3000);
    await gone;
    clearTimeout(stuck);
  }
});

/** The lines of the server's crash that say what happened, without the stack. */
const crash = () =>
  stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /Error|Unhandled|Emitted/.test(line) && !line.startsWith('at '))
    .slice(0, 4)
    .join('\n');

/** Fails the step at once when the server process is gone, saying how it went. */
function expectServerUp(): void {
  expect(
    ended,
    `The server process is not running any more (see the step before):\n${crash()}`,
  ).toBe(undefined);
}

/** Connects to the relay and resolves once its welcome line (`SERVER: you are #N; K other(s) here`) came. */
async function connect(): Promise<Client> {
  const socket = createConnection({ host: '127.0.0.1', port });
  const client: Client = { socket, id: 0, others: -1, lines: [], closed: false };
  clients.push(client);
  const splitter = new LineSplitter(1024 * 1024);
  const decoder = new TextDecoder();
  // A reset (ours, or the server's when it dies) is one way a connection may end here.
  socket.on('error', () => {});
  socket.on('close', () => {
    client.closed = true;
  });
  socket.on('data', (chunk: Buffer) => {
    for (const line of splitter.push(chunk)) client.lines.push(decoder.decode(line));
  });
  await expect
    .poll(() => client.lines[0] ?? (client.closed ? 'the connection closed' : ''), {
      message: 'A new client should get a welcome line: SERVER: you are #N; K other(s) here',
    })
    .toMatch(/^SERVER: you are #\d+; \d+ other/);
  const [, id, others] = /^SERVER: you are #(\d+); (\d+) other/.exec(client.lines[0] ?? '') ?? [];
  client.id = Number(id);
  client.others = Number(others);
  return client;
}

let a: Client;
let b: Client;
let rude: Client;

it('relays a line from one client to the others', async () => {
  a = await connect();
  b = await connect();
  a.socket.write('hello from A\n');
  await expect
    .poll(() => b.lines, {
      message: `Client #${a.id} sent "hello from A": client #${b.id} should get #${a.id}: hello from A`,
    })
    .toContain(`#${a.id}: hello from A`);
});

it('stays up when a client resets its connection', async () => {
  expectServerUp();
  rude = await connect();
  rude.socket.write('half a li');
  await new Promise((resolve) => setTimeout(resolve, 100));
  // An RST instead of a FIN: the server's next read fails with ECONNRESET.
  rude.socket.resetAndDestroy();
  // Give a crash the time to happen: on a reset, it comes within milliseconds.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(
    ended,
    `After client #${rude.id} reset its connection, the server process should still run; it ended (${ended}):\n${crash()}`,
  ).toBe(undefined);
});

it('keeps the other clients connected and relaying', async () => {
  expectServerUp();
  expect(
    [a.closed, b.closed],
    `Clients #${a.id} and #${b.id} should still be connected after #${rude.id}'s reset`,
  ).toEqual([false, false]);
  b.socket.write('still here\n');
  await expect
    .poll(() => a.lines, {
      message: `Client #${b.id} sent "still here": client #${a.id} should still get #${b.id}: still here`,
    })
    .toContain(`#${b.id}: still here`);
});

it('tells the others that the reset client left', async () => {
  expectServerUp();
  const left = `SERVER: #${rude.id} left`;
  const message = `A reset client has left as surely as one that said goodbye: the others should get "${left}"`;
  await expect.poll(() => a.lines, { message: `${message} (#${a.id} did not)` }).toContain(left);
  await expect.poll(() => b.lines, { message: `${message} (#${b.id} did not)` }).toContain(left);
});

it('forgets the reset client: a newcomer is not told about it', async () => {
  expectServerUp();
  const newcomer = await connect();
  const here = clients.filter((client) => client !== newcomer && !client.closed).length;
  expect(
    newcomer.others,
    `Client #${newcomer.id}'s welcome should count the ${here} clients still connected, not #${rude.id}, which reset: it said "${newcomer.lines[0]}"`,
  ).toBe(here);
});

// The check for "Survive a reset": your relay in a process of its own (so that a crash is a
// real crash, as in `pnpm practice`), and real node:net clients, one of which resets.
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { say, variantUnderCheck } from '@course/kit/exercise-check';
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
      reject(
        new Error(
          say({
            en: `The server did not start (${ended}):\n${stderr.trim()}`,
            ko: `서버가 시작되지 않았습니다(${ended}):\n${stderr.trim()}`,
          }),
        ),
      );
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
    say({
      en: `The server process is not running any more (see the step before):\n${crash()}`,
      ko: `서버 프로세스가 더 이상 실행되고 있지 않습니다(앞 단계를 보세요):\n${crash()}`,
    }),
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
    .poll(
      () =>
        client.lines[0] ??
        (client.closed ? say({ en: 'the connection closed', ko: '연결이 닫혔습니다' }) : ''),
      {
        message: say({
          en: 'A new client should get a welcome line: SERVER: you are #N; K other(s) here',
          ko: '새 클라이언트는 환영 줄을 받아야 합니다: SERVER: you are #N; K other(s) here',
        }),
      },
    )
    .toMatch(/^SERVER: you are #\d+; \d+ other/);
  const [, id, others] = /^SERVER: you are #(\d+); (\d+) other/.exec(client.lines[0] ?? '') ?? [];
  client.id = Number(id);
  client.others = Number(others);
  return client;
}

let a: Client;
let b: Client;
let rude: Client;

it(
  say({
    en: 'relays a line from one client to the others',
    ko: '한 클라이언트의 줄을 다른 클라이언트에게 전달한다',
  }),
  async () => {
    a = await connect();
    b = await connect();
    a.socket.write('hello from A\n');
    await expect
      .poll(() => b.lines, {
        message: say({
          en: `Client #${a.id} sent "hello from A": client #${b.id} should get #${a.id}: hello from A`,
          ko: `클라이언트 #${a.id}가 "hello from A"를 보냈습니다. 클라이언트 #${b.id}는 #${a.id}: hello from A를 받아야 합니다`,
        }),
      })
      .toContain(`#${a.id}: hello from A`);
  },
);

it(
  say({
    en: 'stays up when a client resets its connection',
    ko: '클라이언트가 연결을 리셋해도 살아 있다',
  }),
  async () => {
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
      say({
        en: `After client #${rude.id} reset its connection, the server process should still run; it ended (${ended}):\n${crash()}`,
        ko: `클라이언트 #${rude.id}가 연결을 리셋한 뒤에도 서버 프로세스는 계속 실행되어야 합니다. 프로세스가 끝났습니다(${ended}):\n${crash()}`,
      }),
    ).toBe(undefined);
  },
);

it(
  say({
    en: 'keeps the other clients connected and relaying',
    ko: '다른 클라이언트의 연결과 중계를 유지한다',
  }),
  async () => {
    expectServerUp();
    expect(
      [a.closed, b.closed],
      say({
        en: `Clients #${a.id} and #${b.id} should still be connected after #${rude.id}'s reset`,
        ko: `#${rude.id}가 리셋한 뒤에도 클라이언트 #${a.id}와 #${b.id}는 여전히 연결되어 있어야 합니다`,
      }),
    ).toEqual([false, false]);
    b.socket.write('still here\n');
    await expect
      .poll(() => a.lines, {
        message: say({
          en: `Client #${b.id} sent "still here": client #${a.id} should still get #${b.id}: still here`,
          ko: `클라이언트 #${b.id}가 "still here"를 보냈습니다. 클라이언트 #${a.id}는 여전히 #${b.id}: still here를 받아야 합니다`,
        }),
      })
      .toContain(`#${b.id}: still here`);
  },
);

it(
  say({
    en: 'tells the others that the reset client left',
    ko: '리셋한 클라이언트가 떠났다고 나머지에게 알린다',
  }),
  async () => {
    expectServerUp();
    const left = `SERVER: #${rude.id} left`;
    const message = (id: number) =>
      say({
        en: `A reset client has left as surely as one that said goodbye: the others should get "${left}" (#${id} did not)`,
        ko: `리셋한 클라이언트도 작별 인사를 한 클라이언트만큼 확실히 떠났습니다. 나머지는 "${left}"를 받아야 합니다(#${id}는 받지 못했습니다)`,
      });
    await expect.poll(() => a.lines, { message: message(a.id) }).toContain(left);
    await expect.poll(() => b.lines, { message: message(b.id) }).toContain(left);
  },
);

it(
  say({
    en: 'forgets the reset client: a newcomer is not told about it',
    ko: '리셋한 클라이언트를 잊는다: 새로 온 클라이언트는 그 클라이언트에 대해 듣지 않는다',
  }),
  async () => {
    expectServerUp();
    const newcomer = await connect();
    const here = clients.filter((client) => client !== newcomer && !client.closed).length;
    expect(
      newcomer.others,
      say({
        en: `Client #${newcomer.id}'s welcome should count the ${here} clients still connected, not #${rude.id}, which reset: it said "${newcomer.lines[0]}"`,
        ko: `클라이언트 #${newcomer.id}의 환영 인사는 리셋한 #${rude.id}가 아니라 아직 연결된 클라이언트 ${here}명을 세어야 합니다. 환영 인사: "${newcomer.lines[0]}"`,
      }),
    ).toBe(here);
  },
);

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineChapter, isChapterDefinition } from '../src/chapter.ts';
import { intVar } from '../src/env.ts';
import { loadChapter } from '../src/load.ts';
import { pageServer } from '../src/page-server.ts';
import { PortInUseError, type RunningChapter, serveChapter } from '../src/serve.ts';
import { createChapter, listening, TEST_PAGE } from '../src/test-server.ts';

// A throwaway course with one chapter, "demo", and its built page.
let dir: string;
beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'kit-serve-'));
  dir = join(root, 'apps', 'demo');
  mkdirSync(join(dir, 'dist', 'client'), { recursive: true });
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  const course = {
    order: 1,
    title: 'Demo',
    summary: 'A demo.',
    ko: { title: '데모', summary: '데모입니다.' },
    ports: { PORT: 5000, TCP_PORT: 5001 },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@course/demo', course }));
  writeFileSync(join(dir, 'dist', 'client', 'index.html'), '<h1>Demo page</h1>');
  return () => rmSync(root, { recursive: true, force: true });
});

let running: RunningChapter | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A chapter with one route, the kit's page after it, and a TCP echo; `closed` lists what was cleaned up. */
function demoChapter(closed: string[] = []) {
  return defineChapter({
    env: { GREETING_REPEAT: intVar(1, 1, 3) },
    create({ client, env }) {
      const http = createServer((req, res) => {
        if (req.url === '/api/hello')
          return void res.end('hello '.repeat(env.GREETING_REPEAT).trim());
        client(req, res, () => res.end('never'));
      });
      // An upgrade the chapter keeps open, as a WebSocket server would.
      http.on('upgrade', (_req, socket: Socket) =>
        socket.write('HTTP/1.1 101 Switching Protocols\r\n\r\n'),
      );
      http.on('close', () => closed.push('PORT'));
      const tcp = createTcpServer((socket) => socket.pipe(socket));
      tcp.on('close', () => closed.push('TCP_PORT'));
      return { PORT: http, TCP_PORT: tcp };
    },
  });
}

/** Sends `request` on a raw socket; resolves with what came back once it closes or `until` arrives. */
function rawRequest(port: number, request: string, until?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (until && answer.includes(until)) socket.destroy();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('serveChapter', () => {
  it('serves the chapter, then the built page, the identity route and a 404', async () => {
    running = await serveChapter(demoChapter(), {
      dir,
      anyPort: true,
      env: { GREETING_REPEAT: '2' },
    });
    expect(await (await fetch(`${running.url}/api/hello`)).text()).toBe('hello hello');
    expect(await (await fetch(`${running.url}/`)).text()).toBe('<h1>Demo page</h1>');
    expect(await (await fetch(`${running.url}/__course`)).json()).toEqual({
      course: 'communication-api-course',
      name: 'demo',
      title: 'Demo',
      order: 1,
      dev: false,
    });
    const missing = await fetch(`${running.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Not found: GET /nope');
    const icon = await fetch(`${running.url}/favicon.ico`);
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(Object.keys(running.ports)).toEqual(['PORT', 'TCP_PORT']);
  });

  it('refuses a bad env var, naming it and what it must be', async () => {
    await expect(
      serveChapter(demoChapter(), { dir, anyPort: true, env: { GREETING_REPEAT: '9' } }),
    ).rejects.toThrow('GREETING_REPEAT=9 must be a whole number from 1 to 3');
  });

  it('close() ends open and upgraded connections, and every server emits close', async () => {
    const closed: string[] = [];
    running = await serveChapter(demoChapter(closed), { dir, anyPort: true, env: {} });
    const upgraded = connect(running.ports.PORT as number, '127.0.0.1');
    upgraded.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: demo\r\n\r\n');
    await new Promise((resolve) => upgraded.once('data', resolve));
    const tcp = connect(running.ports.TCP_PORT as number, '127.0.0.1');
    await new Promise((resolve) => tcp.once('connect', resolve));
    const ended = Promise.all([upgraded, tcp].map((s) => new Promise((r) => s.once('close', r))));
    await running.close();
    running = undefined;
    await ended;
    expect(closed.sort()).toEqual(['PORT', 'TCP_PORT']);
  });

  it('a chapter with no upgrade listener answers an upgrade with 404, and keeps serving', async () => {
    const pageOnly = defineChapter({
      create: ({ client }) => ({
        PORT: createServer((req, res) => client(req, res, () => res.end('never'))),
        TCP_PORT: createTcpServer(),
      }),
    });
    running = await serveChapter(pageOnly, { dir, anyPort: true, env: {} });
    const answer = await rawRequest(
      running.ports.PORT as number,
      'GET /socket HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    expect(answer).toContain('This chapter takes no WebSocket upgrades (/socket).');
    expect((await fetch(`${running.url}/`)).status).toBe(200);
  });

  it('a chapter that takes upgrades gets them all: the kit adds no listener of its own', async () => {
    running = await serveChapter(demoChapter(), { dir, anyPort: true, env: {} });
    const answer = await rawRequest(
      running.ports.PORT as number,
      'GET /x HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: demo\r\n\r\n',
      '\r\n\r\n',
    );
    expect(answer).toBe('HTTP/1.1 101 Switching Protocols\r\n\r\n');
  });

  it('a taken port is a PortInUseError that names it, and nothing is left listening', async () => {
    const squatter = createTcpServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as { port: number }).port;
    const closed: string[] = [];
    try {
      const attempt = serveChapter(demoChapter(closed), {
        dir,
        env: { PORT: '0', TCP_PORT: String(taken) },
      });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(
        `@course/demo: port ${taken} (TCP_PORT) is already in use.`,
      );
      expect(closed).toContain('PORT');
    } finally {
      squatter.close();
    }
  });

  it('isChapterDefinition tells a defined chapter from anything else', () => {
    expect(isChapterDefinition(demoChapter())).toBe(true);
    expect(isChapterDefinition({ create() {} })).toBe(false);
    expect(isChapterDefinition(undefined)).toBe(false);
  });
});

describe('pageServer', () => {
  it('serves the page, and a JSON 404 for what the page passes on, or for all without one', async () => {
    const withPage = await listening(
      pageServer((req, res, next) => (req.url === '/' ? res.end('page') : next())),
    );
    const bare = await listening(pageServer());
    try {
      expect(await (await fetch(`${withPage.url}/`)).text()).toBe('page');
      for (const url of [`${withPage.url}/x`, `${bare.url}/`]) {
        const res = await fetch(url);
        expect([res.status, await res.json()]).toEqual([
          404,
          { error: `no route for GET /${url.endsWith('/x') ? 'x' : ''}` },
        ]);
      }
    } finally {
      await Promise.all([withPage.close(), bare.close()]);
    }
  });
});

describe('createChapter (tests)', () => {
  it('builds the chapter from its env vars, with a stand-in page on /page', async () => {
    const { PORT } = await createChapter(demoChapter(), { GREETING_REPEAT: '3' });
    const server = await listening(PORT);
    try {
      expect(await (await fetch(`${server.url}/api/hello`)).text()).toBe('hello hello hello');
      expect(await (await fetch(`${server.url}/page`)).text()).toBe(TEST_PAGE);
    } finally {
      await server.close();
    }
  });

  it('refuses a bad env var as the kit does', async () => {
    await expect(createChapter(demoChapter(), { GREETING_REPEAT: 'x' })).rejects.toThrow(
      'GREETING_REPEAT=x must be a whole number from 1 to 3',
    );
  });
});

describe('listening (tests)', () => {
  it('close() ends an upgraded connection that the HTTP server no longer tracks', async () => {
    const http = createServer();
    http.on('upgrade', (_req, socket: Socket) =>
      socket.write('HTTP/1.1 101 Switching Protocols\r\n\r\n'),
    );
    const server = await listening(http);
    const upgraded = connect(server.port, '127.0.0.1');
    upgraded.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: demo\r\n\r\n');
    await new Promise((resolve) => upgraded.once('data', resolve));
    const ended = new Promise((resolve) => upgraded.once('close', resolve));
    await server.close();
    await ended;
    expect(http.listening).toBe(false);
  });
});

describe('loadChapter', () => {
  it('returns the default export of server/app.ts when defineChapter made it', async () => {
    mkdirSync(join(dir, 'server'), { recursive: true });
    const kit = join(import.meta.dirname, '..', 'src', 'chapter.ts');
    writeFileSync(
      join(dir, 'server', 'app.ts'),
      `import { defineChapter } from ${JSON.stringify(kit)};\nexport default defineChapter({ create: () => { throw new Error('not run'); } });\n`,
    );
    expect(isChapterDefinition(await loadChapter(dir))).toBe(true);
  });

  it('names the file and the contract when the default export is something else', async () => {
    const other = join(dir, '..', 'other');
    mkdirSync(join(other, 'server'), { recursive: true });
    writeFileSync(join(other, 'server', 'app.ts'), 'export function createApp() {}\n');
    await expect(loadChapter(other)).rejects.toThrow(
      `${join(other, 'server', 'app.ts')} must export default defineChapter({ env, create }) from @course/kit`,
    );
  });
});

import type { Server } from 'node:http';
import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { parseEnv } from '@course/kit';
import { type Listening, listening } from '@course/kit/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import chapter, { createServers, type Servers } from '../server/app.ts';
import { start } from './helpers.ts';

/**
 * A stand-in for the page handler (Vite or the built bundle): it answers `/frame`
 * with a line naming the path, and passes everything else on, as the real one does.
 */
function fakeClient(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (req.url === '/frame') res.end('the frame page');
  else next();
}

let running: Awaited<ReturnType<typeof start>>;
let parent: Listening;
let frame: Listening;
let third: Listening;

beforeAll(async () => {
  running = await start({ client: fakeClient });
  ({ parent, frame, third } = running);
});
afterAll(() => running.close());

describe('GET /origins', () => {
  it('each origin names its own role and the ports all three listen on', async () => {
    const ports = { parent: parent.port, frame: frame.port, third: third.port };
    for (const [role, server] of [
      ['parent', parent],
      ['frame', frame],
      ['third', third],
    ] as const) {
      const res = await fetch(`${server.url}/origins`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ role, ports });
    }
  });

  it('answers HEAD without a body', async () => {
    const res = await fetch(`${frame.url}/origins`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('refuses other methods with 405 and an Allow header', async () => {
    const res = await fetch(`${parent.url}/origins`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await res.json()).toEqual({ error: 'POST is not allowed on /origins (use GET)' });
  });
});

describe('the pages', () => {
  it('every origin serves the same client', async () => {
    for (const server of [parent, frame, third]) {
      const res = await fetch(`${server.url}/frame`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('the frame page');
    }
  });

  it('anything else is a JSON 404 naming the request, on every origin', async () => {
    for (const server of [parent, frame, third]) {
      const res = await fetch(`${server.url}/nope?x=1`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'no route for GET /nope' });
    }
  });
});

describe('without a client and with an origin down', () => {
  let lone: Servers;
  let up: Listening;

  beforeAll(async () => {
    lone = createServers();
    up = await listening(lone.http);
  });
  afterAll(() => up.close());

  it('GET /origins is 503 naming the origin that is not listening', async () => {
    const res = await fetch(`${up.url}/origins`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'the frame origin is not listening' });
  });

  it('without a page handler, page paths are 404 and the server stays up', async () => {
    const res = await fetch(`${up.url}/frame`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no route for GET /frame' });
    const again = await fetch(`${up.url}/origins`);
    expect(again.status).toBe(503);
  });

  it('reports the ports once the others listen', async () => {
    const frameUp = await listening(lone.frame);
    const thirdUp = await listening(lone.third);
    try {
      const res = await fetch(`${up.url}/origins`);
      expect(await res.json()).toEqual({
        role: 'parent',
        ports: { parent: up.port, frame: frameUp.port, third: thirdUp.port },
      });
    } finally {
      await Promise.all([frameUp.close(), thirdUp.close()]);
    }
  });
});

/** Sends an HTTP upgrade request to `port` and resolves with the response and the raw socket. */
function upgrade(port: number, path: string) {
  return new Promise<{ status: number; socket: Socket; headers: IncomingHttpHeaders }>(
    (resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path,
        headers: { Connection: 'Upgrade', Upgrade: 'echo', 'X-Course': 'post-message' },
      });
      req.on('upgrade', (res, socket) =>
        resolve({ status: res.statusCode ?? 0, socket, headers: res.headers }),
      );
      req.on('response', (res) => {
        res.resume();
        resolve({
          status: res.statusCode ?? 0,
          socket: req.socket as Socket,
          headers: res.headers,
        });
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('WebSocket upgrades', () => {
  it('are not taken on any origin: no WebSocket lives here, the request gets an ordinary answer', async () => {
    for (const port of [parent.port, frame.port, third.port]) {
      const answer = await upgrade(port, '/some-socket');
      expect(answer.status).toBe(404);
      answer.socket.destroy();
    }
  });
});

describe('the chapter as pnpm start runs it (server/app.ts default export)', () => {
  it('puts the parent on PORT, the frame on FRAME_PORT and the third origin on THIRD_PORT, each with the pages', async () => {
    const servers = await chapter.create({
      client: fakeClient,
      ports: { PORT: 0, FRAME_PORT: 0, THIRD_PORT: 0 },
      env: parseEnv(chapter.env, {}),
      dev: false,
      log: () => {},
    });
    const started = {
      PORT: await listening(servers.PORT),
      FRAME_PORT: await listening(servers.FRAME_PORT as Server),
      THIRD_PORT: await listening(servers.THIRD_PORT as Server),
    };
    try {
      const ports = {
        parent: started.PORT.port,
        frame: started.FRAME_PORT.port,
        third: started.THIRD_PORT.port,
      };
      for (const [key, role] of [
        ['PORT', 'parent'],
        ['FRAME_PORT', 'frame'],
        ['THIRD_PORT', 'third'],
      ] as const) {
        const res = await fetch(`${started[key].url}/origins`);
        expect(await res.json()).toEqual({ role, ports });
        expect(await (await fetch(`${started[key].url}/frame`)).text()).toBe('the frame page');
      }
    } finally {
      await Promise.all(Object.values(started).map((server) => server.close()));
    }
  });
});

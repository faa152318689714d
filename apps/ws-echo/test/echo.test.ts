import { request } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { type ClientHandler, MESSAGES_LOGGED_PER_SECOND, parseEnv } from '@course/kit';
import { createChapter, logWindowsSince } from '@course/kit/test-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BASE_MS, backoffDelay, CAP_MS } from '../client/src/backoff.ts';
import chapter, { createServers, type Servers } from '../server/app.ts';
import { originAllowed } from '../server/hardening.ts';
import {
  closeCodeIn,
  echoOf,
  frame,
  openClient,
  rawHandshake,
  serve,
  start,
  stillServing,
} from './helpers.ts';

// A fresh server per test, so each test sees its own log lines and connection ids.
let main: Awaited<ReturnType<typeof start>>;
beforeEach(async () => {
  main = await start();
});
afterEach(() => main.close());

describe('the lecture’s exchange', () => {
  it('greets every new client with the lecture’s text, as a text frame', async () => {
    const client = await openClient(`${main.ws}/`);
    const [greeting] = await client.received(1);
    expect(greeting).toEqual({
      data: Buffer.from('Hi this is WebSocket server!'),
      isBinary: false,
    });
    client.ws.close();
  });

  it('echoes the page’s line and logs it', async () => {
    const client = await openClient(`${main.ws}/`);
    await client.received(1);
    const echo = await echoOf(client, 'Hi this is web client.');
    expect(echo.isBinary).toBe(false);
    expect(echo.data.toString()).toBe('Hi this is web client.');
    expect(main.lines).toContainEqual(expect.stringMatching(/received: Hi this is web client\.$/));
    client.ws.close();
  });

  it('serves the endpoint at / only: another path gets 404', async () => {
    await expect(openClient(`${main.ws}/chat`)).rejects.toMatchObject({
      status: 404,
      headers: { connection: 'close', 'content-type': 'text/plain; charset=utf-8' },
      body: 'no WebSocket endpoint at /chat (try / or /naive)\n',
    });
  });

  it('a refused upgrade leaves nothing open: the server can close while that client idles', async () => {
    // A client that reads the refusal but never closes its own side (allowHalfOpen).
    const socket = tcpConnect({ port: main.port, host: '127.0.0.1', allowHalfOpen: true });
    let reply = '';
    socket.on('data', (piece: Buffer) => {
      reply += piece.toString();
    });
    const ended = new Promise((resolve) => socket.once('end', resolve));
    socket.write(
      'GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    await ended;
    expect(reply).toMatch(/^HTTP\/1.1 404 Not Found\r\n/);
    // server.close() waits for every open connection: it returns only if the refused one is gone.
    const closed = new Promise((resolve) => main.http.close(resolve));
    const stuck = new Promise((resolve) => setTimeout(resolve, 2000, 'still open'));
    expect(await Promise.race([closed, stuck])).not.toBe('still open');
    socket.destroy();
  });

  it('a client that resets the connection while being refused crashes nothing', async () => {
    const crashes: Error[] = [];
    const onCrash = (error: Error) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    try {
      for (let i = 0; i < 5; i++) {
        const socket = tcpConnect(main.port, '127.0.0.1');
        socket.on('error', () => {});
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.write(
          'GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
        );
        socket.resetAndDestroy(); // a TCP RST: the server's reply meets ECONNRESET
      }
      await stillServing(main.ws);
    } finally {
      process.off('uncaughtException', onCrash);
    }
    expect(crashes).toEqual([]);
  });

  it('answers plain HTTP requests it has no page for with 404', async () => {
    const res = await fetch(`${main.url}/nothing`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ error: 'no route for GET /nothing' });
  });

  it('hands HTTP requests to the page handler: what it passes on is 404, what it fails on is 500', async () => {
    const client: ClientHandler = (req, res, next) => {
      if (req.url === '/page') res.end('the page');
      else if (req.url === '/broken') next(new Error('the page handler broke'));
      else next();
    };
    const withPages = await start({ client });
    const page = await fetch(`${withPages.url}/page`);
    expect([page.status, await page.text()]).toEqual([200, 'the page']);
    const other = await fetch(`${withPages.url}/other`);
    expect([other.status, await other.json()]).toEqual([404, { error: 'no route for GET /other' }]);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = await fetch(`${withPages.url}/broken`);
    quiet.mockRestore();
    expect(broken.status).toBe(500);
    expect(await broken.json()).toEqual({ error: 'internal error' });
    await withPages.close();
  });
});

describe('the server’s log', () => {
  it('numbers connections across both endpoints and names their Origin, protocol and extensions', async () => {
    const first = await openClient(`${main.ws}/`, [], { perMessageDeflate: false });
    const second = await openClient(`${main.ws}/naive`, ['echo.v1'], {
      origin: main.url,
      perMessageDeflate: true,
    });
    expect(main.lines.filter((line) => line.includes('connected'))).toEqual([
      '[echo#1] connected (no Origin, protocol "", extensions "")',
      `[naive#2] connected (${main.url}, protocol "echo.v1", extensions "permessage-deflate")`,
    ]);
    await second.received(1);
    await echoOf(second, 'naive hello');
    expect(main.lines).toContain('[naive#2] received: naive hello');
    first.ws.close();
    second.ws.close();
  });

  it('logs text up to 120 characters whole, and a longer text cut at 120 with its length', async () => {
    const client = await openClient(`${main.ws}/`);
    await client.received(1);
    const exactly = 'a'.repeat(120);
    await echoOf(client, exactly);
    await echoOf(client, `${'b'.repeat(120)}c`);
    expect(main.lines.filter((line) => line.includes('received'))).toEqual([
      `[echo#1] received: ${exactly}`,
      `[echo#1] received: ${'b'.repeat(120)}… (121 chars)`,
    ]);
    client.ws.close();
  });
});

describe('the server’s log under a flood', () => {
  it('logs messages one by one up to 20 a second, then sums up the rest in one line', async () => {
    const client = await openClient(`${main.ws}/`);
    await client.received(1);
    // 200 messages at once: far past a human rate.
    const floodStarted = performance.now();
    for (let i = 0; i < 200; i++) client.ws.send(`flood ${i}`);
    await client.received(201);
    const windows = logWindowsSince(floodStarted);
    const received = () => main.lines.filter((line) => line.includes('received: flood'));
    const summaries = () =>
      main.lines
        .map((line) => /^… and ([\d,]+) more messages in that second/.exec(line)?.[1])
        .filter((count) => count !== undefined)
        .map((count) => Number(count.replaceAll(',', '')));
    // The summary comes when the second is over; every message is either logged or counted.
    await expect
      .poll(() => received().length + summaries().reduce((sum, n) => sum + n, 0))
      .toBe(200);
    expect(received()[0]).toBe('[echo#1] received: flood 0');
    // At most 20 logged one by one in each second the flood took to arrive.
    expect(received().length).toBeLessThanOrEqual(MESSAGES_LOGGED_PER_SECOND * windows);
    expect(summaries().length).toBeGreaterThan(0);
    client.ws.close();
  });
});

describe('text stays text, binary stays binary', () => {
  it('echoes text as text, including non-ASCII', async () => {
    const client = await openClient(`${main.ws}/`);
    await client.received(1);
    const echo = await echoOf(client, '안녕하세요 👋');
    expect(echo).toEqual({ data: Buffer.from('안녕하세요 👋'), isBinary: false });
    client.ws.close();
  });

  it('echoes binary as binary, byte for byte', async () => {
    const client = await openClient(`${main.ws}/`);
    await client.received(1);
    const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff]);
    const echo = await echoOf(client, bytes);
    expect(echo).toEqual({ data: bytes, isBinary: true });
    expect(main.lines).toContainEqual(expect.stringMatching(/received: <binary, 5 bytes>$/));
    client.ws.close();
  });

  it('the naive endpoint (send(data) of a Buffer) turns text into binary', async () => {
    const client = await openClient(`${main.ws}/naive`);
    const [greeting] = await client.received(1);
    expect(greeting?.isBinary).toBe(false); // a string literal still goes out as text
    const echo = await echoOf(client, 'hello');
    expect(echo).toEqual({ data: Buffer.from('hello'), isBinary: true });
    client.ws.close();
  });
});

describe('the handshake: subprotocols and extensions', () => {
  it.each([
    [['echo.v1', 'echo.v2'], 'echo.v2'],
    [['echo.v2', 'echo.v1'], 'echo.v2'],
    [['echo.v1'], 'echo.v1'],
    [['chat.v9', 'echo.v1'], 'echo.v1'],
    [[], ''],
  ])('offering %j gets %j', async (offered, chosen) => {
    const client = await openClient(`${main.ws}/`, offered);
    expect(client.ws.protocol).toBe(chosen);
    client.ws.close();
  });

  it('offering only protocols it does not speak fails the handshake', async () => {
    await expect(openClient(`${main.ws}/`, ['chat.v9'])).rejects.toThrow(
      'Server sent no subprotocol',
    );
  });

  it('a vite-hmr offer is just an unknown subprotocol: Vite’s live-reload socket is not here', async () => {
    await expect(openClient(`${main.ws}/`, ['vite-hmr'])).rejects.toThrow(
      'Server sent no subprotocol',
    );
  });

  it('negotiates permessage-deflate when offered, and still echoes', async () => {
    const client = await openClient(`${main.ws}/`, [], { perMessageDeflate: true });
    expect(client.ws.extensions).toContain('permessage-deflate');
    await client.received(1);
    const big = 'compress me '.repeat(1000);
    expect((await echoOf(client, big)).data.toString()).toBe(big);
    client.ws.close();
  });

  it('negotiates no extension when the client offers none, or the server is told not to', async () => {
    const plain = await openClient(`${main.ws}/`, [], { perMessageDeflate: false });
    expect(plain.ws.extensions).toBe('');
    plain.ws.close();
    const off = await start({ perMessageDeflate: false });
    const client = await openClient(`${off.ws}/`, [], { perMessageDeflate: true });
    expect(client.ws.extensions).toBe('');
    client.ws.close();
    await off.close();
  });
});

describe('close(code, reason)', () => {
  it('the server answers a client’s close with the same code and reason, and logs it', async () => {
    const client = await openClient(`${main.ws}/`);
    await client.received(1);
    client.ws.close(4000, 'bye');
    expect(await client.closed).toEqual({ code: 4000, reason: 'bye' });
    await expect
      .poll(() => main.lines, { timeout: 10_000 })
      .toContainEqual(expect.stringMatching(/^\[echo#1\] closed 4000 "bye"$/));
  });

  it('close() without a code arrives as 1005 (no status received)', async () => {
    const client = await openClient(`${main.ws}/`);
    client.ws.close();
    expect((await client.closed).code).toBe(1005);
  });
});

describe('heartbeat', () => {
  it('pings every interval and terminates a client that stops answering', async () => {
    const beat = await start({ heartbeatMs: 500 });
    // A real client that answers pings (ws does so by default)...
    const healthy = await openClient(`${beat.ws}/`);
    let pings = 0;
    healthy.ws.on('ping', () => {
      pings += 1;
    });
    // ...and one that has stopped answering them.
    const silent = await openClient(`${beat.ws}/`, [], { autoPong: false });
    const { code } = await silent.closed;
    expect(code).toBe(1006); // terminated: no closing handshake, the TCP connection just ends
    expect(beat.lines).toContain('terminated a client that missed a heartbeat pong');
    await expect.poll(() => pings, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(healthy.ws.readyState).toBe(healthy.ws.OPEN);
    await healthy.received(1);
    expect((await echoOf(healthy, 'alive')).data.toString()).toBe('alive');
    healthy.ws.close();
    await beat.close();
  });

  it('terminates a raw TCP peer that never answers a ping', async () => {
    const beat = await start({ heartbeatMs: 500 });
    const raw = await rawHandshake(beat.port);
    await raw.ended; // the server hung up on it
    // It did see the pings: opcode 0x89 frames after the greeting.
    expect([...raw.bytes()].filter((byte) => byte === 0x89).length).toBeGreaterThanOrEqual(1);
    await stillServing(beat.ws);
    await beat.close();
  });

  it('closing the server ends every client on both endpoints and stops the heartbeat', async () => {
    // Long enough for a busy machine's client to pong in time: a client that misses one is ended.
    const heartbeatMs = 200;
    // Closing ends every client, so a heartbeat left running after it would
    // ping nobody and show nothing on the wire. Count its ticks instead: while
    // the server is built, setInterval hands the real timer a callback that
    // counts each tick and then runs the heartbeat as usual.
    const realSetInterval = globalThis.setInterval;
    let heartbeats = 0;
    let ticks = 0;
    const spy = vi.spyOn(globalThis, 'setInterval').mockImplementation(((
      callback: (...args: unknown[]) => void,
      ms?: number,
      ...args: unknown[]
    ) => {
      if (ms !== heartbeatMs) return realSetInterval(callback, ms, ...args);
      heartbeats += 1;
      return realSetInterval(
        (...tickArgs: unknown[]) => {
          ticks += 1;
          callback(...tickArgs);
        },
        ms,
        ...args,
      );
    }) as unknown as typeof setInterval);
    let http: Servers['http'];
    try {
      ({ http } = createServers({ heartbeatMs, log: () => {} }));
    } finally {
      spy.mockRestore();
    }
    expect(heartbeats).toBe(1);
    // As the kit runs it: close() (listening()'s) ends every connection the server accepted.
    const server = await serve(http);
    const echo = await openClient(`${server.ws}/`);
    const naive = await openClient(`${server.ws}/naive`);
    let pings = 0;
    echo.ws.on('ping', () => {
      pings += 1;
    });
    // The counted timer is the heartbeat: while it ticks, the client is pinged.
    await vi.waitFor(
      () => {
        expect(pings).toBeGreaterThanOrEqual(2);
        expect(ticks).toBeGreaterThanOrEqual(2);
      },
      { timeout: 10_000 },
    );

    const closed = new Promise((resolve) => http.once('close', resolve));
    await server.close();
    await closed;
    const ticksAtClose = ticks;
    expect((await echo.closed).code).toBe(1006);
    expect((await naive.closed).code).toBe(1006);
    // Five periods later the heartbeat has not ticked again.
    await new Promise((resolve) => setTimeout(resolve, heartbeatMs * 5));
    expect(ticks).toBe(ticksAtClose);
  });

  it('once closed, its endpoints are closed too: listening again, it refuses upgrades with 503', async () => {
    const once = await start();
    const client = await openClient(`${once.ws}/`);
    await once.close();
    expect((await client.closed).code).toBe(1006);
    const again = await serve(once.http);
    await expect(openClient(`${again.ws}/naive`)).rejects.toMatchObject({ status: 503 });
    await expect(openClient(`${again.ws}/`)).rejects.toMatchObject({ status: 503 });
    await again.close();
  });
});

describe('bad input', () => {
  it('a message over maxPayload (1 MiB) closes that connection with 1009; others go on', async () => {
    const bystander = await openClient(`${main.ws}/`);
    await bystander.received(1);
    const client = await openClient(`${main.ws}/`, [], { perMessageDeflate: false });
    await client.received(1);
    client.ws.send(Buffer.alloc(1024 * 1024 + 1));
    expect((await client.closed).code).toBe(1009);
    expect(main.lines).toContainEqual(expect.stringMatching(/Max payload size exceeded/));
    expect((await echoOf(bystander, 'unaffected')).data.toString()).toBe('unaffected');
    bystander.ws.close();
    await stillServing(main.ws);
  });

  it('a message of exactly 1 MiB is still echoed', async () => {
    const client = await openClient(`${main.ws}/`);
    await client.received(1);
    const echo = await echoOf(client, Buffer.alloc(1024 * 1024, 7));
    expect(echo.data.length).toBe(1024 * 1024);
    expect(echo.isBinary).toBe(true);
    client.ws.close();
  });

  it('honours a smaller maxPayload', async () => {
    const small = await start({ maxPayload: 16 });
    const client = await openClient(`${small.ws}/`);
    client.ws.send('x'.repeat(17));
    expect((await client.closed).code).toBe(1009);
    await small.close();
  });

  it('invalid UTF-8 in a text frame (hand-written over node:net) closes with 1007', async () => {
    const raw = await rawHandshake(main.port);
    raw.socket.write(frame(0x1, Buffer.from([0x48, 0x69, 0xff, 0xfe])));
    await raw.ended;
    expect(closeCodeIn(raw.bytes())).toBe(1007);
    expect(main.lines).toContainEqual(expect.stringMatching(/WS_ERR_INVALID_UTF8/));
    await stillServing(main.ws);
  });

  it('invalid UTF-8 from a ws client that skips its own check also closes with 1007', async () => {
    const client = await openClient(`${main.ws}/`);
    client.ws.send(Buffer.from([0xc3, 0x28]), { binary: false });
    expect((await client.closed).code).toBe(1007);
  });

  it('an unmasked client frame is a protocol error: 1002', async () => {
    const raw = await rawHandshake(main.port);
    raw.socket.write(frame(0x1, Buffer.from('hi'), { masked: false }));
    await raw.ended;
    expect(closeCodeIn(raw.bytes())).toBe(1002);
    await stillServing(main.ws);
  });

  it('a reserved opcode is a protocol error: 1002', async () => {
    const raw = await rawHandshake(main.port);
    raw.socket.write(frame(0x3, Buffer.from('??')));
    await raw.ended;
    expect(closeCodeIn(raw.bytes())).toBe(1002);
    await stillServing(main.ws);
  });

  it('a client that vanishes mid-handshake or mid-frame crashes nothing', async () => {
    for (let i = 0; i < 5; i++) {
      const socket = tcpConnect(main.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConn');
      socket.destroy();
      const raw = await rawHandshake(main.port);
      raw.socket.write(frame(0x2, Buffer.alloc(100)).subarray(0, 20)); // half a frame
      raw.socket.destroy();
    }
    await stillServing(main.ws);
  });
});

describe('the Origin check (Cross-Site WebSocket Hijacking)', () => {
  it('refuses a foreign Origin with 403, not ws’s 401, and says why', async () => {
    await expect(
      openClient(`${main.ws}/`, [], { origin: 'https://evil.example' }),
    ).rejects.toMatchObject({
      status: 403,
      body: 'Origin https://evil.example is not allowed to open a WebSocket here\n',
    });
    expect(main.lines).toContain('refused an upgrade from Origin https://evil.example');
    await stillServing(main.ws);
  });

  it.each(['null', 'http://127.0.0.1:1', 'http://127.0.0.1.evil.example', 'ftp://127.0.0.1'])(
    'refuses Origin %s',
    async (origin) => {
      await expect(openClient(`${main.ws}/`, [], { origin })).rejects.toMatchObject({
        status: 403,
      });
    },
  );

  it('accepts the page’s own origin, whether it is 127.0.0.1 or localhost', async () => {
    const own = await openClient(`${main.ws}/`, [], { origin: main.url });
    own.ws.close();
    const viaLocalhost = `ws://localhost:${main.port}/`;
    const local = await openClient(viaLocalhost, [], {
      origin: `http://localhost:${main.port}`,
    });
    local.ws.close();
  });

  it('refuses localhost’s origin on a request addressed to 127.0.0.1 (Host decides)', async () => {
    await expect(
      openClient(`${main.ws}/`, [], { origin: `http://localhost:${main.port}` }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('accepts clients that send no Origin', async () => {
    const cli = await openClient(`${main.ws}/`); // ws sends no Origin unless told to
    cli.ws.close();
    expect(main.lines).toContainEqual(expect.stringMatching(/^\[echo#1\] connected \(no Origin,/));
  });

  it('allows no other origin by default, not even a dev server’s on another port', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:5173'])
      await expect(openClient(`${main.ws}/`, [], { origin })).rejects.toMatchObject({
        status: 403,
      });
    await stillServing(main.ws);
  });

  it('extra allowed origins can be configured', async () => {
    const custom = await start({ allowedOrigins: ['https://course.example'] });
    const ok = await openClient(`${custom.ws}/`, [], { origin: 'https://course.example' });
    ok.ws.close();
    await expect(
      openClient(`${custom.ws}/`, [], { origin: 'http://localhost:5173' }),
    ).rejects.toMatchObject({ status: 403 });
    await custom.close();
  });

  it('originAllowed() compares the whole host, port included', () => {
    expect(originAllowed(undefined, 'a:1', [])).toBe(true);
    expect(originAllowed('http://a:1', 'a:1', [])).toBe(true);
    expect(originAllowed('https://a:1', 'a:1', [])).toBe(true);
    expect(originAllowed('http://a:2', 'a:1', [])).toBe(false);
    expect(originAllowed('http://a', 'a:1', [])).toBe(false);
    expect(originAllowed('not a url', 'a:1', [])).toBe(false);
    expect(originAllowed('ftp://a:1', 'a:1', [])).toBe(false);
  });

  it('originAllowed() takes an allowed origin only exactly as written', () => {
    const allowed = ['https://course.example'];
    expect(originAllowed('https://course.example', 'a:1', allowed)).toBe(true);
    expect(originAllowed('https://course.example:8443', 'a:1', allowed)).toBe(false);
    expect(originAllowed('http://course.example', 'a:1', allowed)).toBe(false);
    expect(originAllowed('https://sub.course.example', 'a:1', allowed)).toBe(false);
  });

  it('refuses a scheme other than http(s), even with the server’s own host and port', async () => {
    await expect(
      openClient(`${main.ws}/`, [], { origin: `ftp://127.0.0.1:${main.port}` }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('a plain HTTP upgrade request', () => {
  it('without a WebSocket key is refused with 400 and the server stays up', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${main.url}/`, {
        headers: { Connection: 'Upgrade', Upgrade: 'websocket' },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('upgrade', () => reject(new Error('upgraded without a key')));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
    await stillServing(main.ws);
  });
});

describe('the page’s reconnect backoff', () => {
  it('doubles its ceiling from 500 ms up to 8 s, with half of it random', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, 0).ceiling);
    expect(ceilings).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffDelay(1, 0).delay).toBe(BASE_MS / 2);
    expect(backoffDelay(1, 1).delay).toBe(BASE_MS);
    expect(backoffDelay(9, 0.5).delay).toBe(CAP_MS * 0.75);
  });
});

describe('the chapter as pnpm start runs it (server/app.ts default export)', () => {
  /** Builds the chapter's server as the kit does, from env vars, and starts it on a free port. */
  async function startChapter(env: Record<string, string>) {
    const { PORT } = await createChapter(chapter, env);
    return serve(PORT);
  }

  it('serves the page and reads WS_HEARTBEAT_MS, WS_MAX_PAYLOAD and WS_ALLOWED_ORIGINS', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const server = await startChapter({
      WS_HEARTBEAT_MS: '300',
      WS_MAX_PAYLOAD: '16',
      WS_ALLOWED_ORIGINS: 'https://course.example, http://localhost:8080',
    });
    try {
      const page = await fetch(`${server.url}/page`);
      expect([page.status, await page.text()]).toEqual([200, 'the page']);
      for (const origin of ['https://course.example', 'http://localhost:8080'])
        (await openClient(`${server.ws}/`, [], { origin })).ws.close();
      await expect(
        openClient(`${server.ws}/`, [], { origin: 'http://localhost:5173' }),
      ).rejects.toMatchObject({ status: 403 });
      const client = await openClient(`${server.ws}/`);
      // A ping within the test's time: the default heartbeat (30 s) would be too late.
      await new Promise((resolve) => client.ws.once('ping', resolve));
      client.ws.send('x'.repeat(17));
      expect((await client.closed).code).toBe(1009);
    } finally {
      await server.close();
      log.mockRestore();
    }
  });

  it('by default takes messages up to 1 MiB', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const server = await startChapter({});
    try {
      const client = await openClient(`${server.ws}/`);
      await client.received(1);
      expect((await echoOf(client, Buffer.alloc(1024 * 1024, 7))).data.length).toBe(1024 * 1024);
      client.ws.send(Buffer.alloc(1024 * 1024 + 1));
      expect((await client.closed).code).toBe(1009);
    } finally {
      await server.close();
      log.mockRestore();
    }
  });

  it('refuses to start with an allowed origin that is not scheme://host[:port]', () => {
    for (const bad of [
      'https://course.example/',
      'https://course.example/app',
      'ftp://course.example',
      'xhttp://course.example',
      'http://',
      'http://a b',
      'course.example',
    ])
      expect(() => parseEnv(chapter.env, { WS_ALLOWED_ORIGINS: bad }), bad).toThrow(
        `WS_ALLOWED_ORIGINS=${bad} (item "${bad}") is not an origin like http://localhost:5173 (no path, no slash)`,
      );
    expect(
      parseEnv(chapter.env, { WS_ALLOWED_ORIGINS: 'http://a, https://b.example:8443' })
        .WS_ALLOWED_ORIGINS,
    ).toEqual(['http://a', 'https://b.example:8443']);
  });
});

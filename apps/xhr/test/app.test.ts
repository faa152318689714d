import { request } from 'node:http';
import { connect } from 'node:net';
import type { Listening } from '@course/kit/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from './helpers.ts';

let server: Listening;
let url: string;
/** A server whose /ajax3_result1 waits 30 s, for the tests that hang up before it answers. */
let patient: Listening;

beforeAll(async () => {
  server = await start({ ajax3DelayMs: 300 });
  url = server.url;
  patient = await start({ ajax3DelayMs: 30_000 });
});
afterAll(() => Promise.all([server.close(), patient.close()]));

/** POSTs `body` to /ajax4_result1 with a JSON content type. */
const postJson = (body: string, path = '/ajax4_result1') =>
  fetch(url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

/** A response's status and JSON body. */
interface Answer {
  status: number;
  body: unknown;
}

const answer = async (res: Response): Promise<Answer> => ({
  status: res.status,
  body: await res.json(),
});

/** What JSON.parse says about `text`: the server's 400 quotes it. */
function parseError(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`${text} parses`);
}

/**
 * POSTs to /upload declaring `bytes` in Content-Length but sending one byte:
 * only a server that checks the declared size answers (then the socket is dropped).
 */
function declaredUpload(bytes: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/upload`, {
      method: 'POST',
      headers: { 'Content-Length': String(bytes) },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer to an upload declaring ${bytes} bytes`));
    }, 3000);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (piece: Buffer) => {
        text += piece.toString();
      });
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
      });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.write('x');
  });
}

/** How many timers (setTimeout/setInterval) this process holds right now: the server's among them. */
const liveTimers = (): number =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

/**
 * Sends `clients` GETs for `path` to `base` at once and hangs all of them up once
 * the server holds a timer for each (or, with `firstBytes`, once each got its
 * first body bytes). Resolves when the process is back to about as many timers
 * as before: the server dropped its pending work. Timers are counted, not named,
 * so many clients make the server's share stand out from the test runner's own.
 */
async function hangUp(
  base: string,
  path: string,
  { clients = 20, firstBytes = false, ms = 3000 } = {},
): Promise<void> {
  const before = liveTimers();
  const requests = Array.from({ length: clients }, () => {
    const req = request(`${base}${path}`, { agent: false });
    req.on('error', () => {});
    const answered = new Promise<void>((resolve) =>
      req.on('response', (res) => res.once('data', () => resolve())),
    );
    req.end();
    return { req, answered };
  });
  if (firstBytes) await Promise.all(requests.map(({ answered }) => answered));
  // A timer of the test runner's own may come or go meanwhile: allow for two.
  else
    await expect
      .poll(liveTimers, { message: `the server's timers for ${path}`, interval: 10, timeout: 3000 })
      .toBeGreaterThanOrEqual(before + clients - 2);
  for (const { req } of requests) req.destroy();
  await expect
    .poll(liveTimers, {
      message: `the server to clear its timers for ${path}`,
      interval: 10,
      timeout: ms,
    })
    .toBeLessThan(before + clients / 2);
}

/**
 * Sends `head` (a raw HTTP/1.1 request with `Connection: close`) and resolves
 * with everything the server wrote once it ends the connection: the bytes on the wire.
 */
function rawExchange(head: string): Promise<{ head: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
    const pieces: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('the server never ended the response'));
    }, 3000);
    socket.on('data', (piece: Buffer) => pieces.push(piece));
    socket.on('error', reject);
    socket.on('end', () => {
      clearTimeout(timer);
      socket.destroy();
      const all = Buffer.concat(pieces);
      const split = all.indexOf('\r\n\r\n');
      resolve({ head: all.subarray(0, split).toString(), body: all.subarray(split + 4) });
    });
  });
}

/** GETs `path` and hangs up at the status line: its status and Content-Length. */
function startOf(path: string): Promise<{ status: number; length?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { agent: false });
    req.on('response', (res) => {
      resolve({ status: res.statusCode ?? 0, length: res.headers['content-length'] });
      req.destroy();
    });
    req.on('error', reject);
    req.end();
  });
}

/** POSTs `bytes` to /upload, with a Content-Length or else chunked (no size announced). */
function upload(bytes: Buffer, declared: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/upload`, {
      method: 'POST',
      headers: declared ? { 'Content-Length': String(bytes.length) } : {},
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (piece: Buffer) => {
        text += piece.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    // Written before end(), so Node does not compute a Content-Length itself.
    req.write(bytes);
    req.end();
  });
}

describe('the lecture routes', () => {
  it('serves /ajax_intro_data.txt as a static file', async () => {
    const res = await fetch(`${url}/ajax_intro_data.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toContain('ajax_intro_data.txt');
  });

  it('/ajax1_result1 answers the lecture sentence as text', async () => {
    const res = await fetch(`${url}/ajax1_result1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('이것은 xmlhttprequest 를 활용한 비동기 통신입니다.');
  });

  it.each(['get', 'post', 'put', 'delete'])(
    '/ajax2_%s answers its method and des',
    async (method) => {
      const res = await fetch(`${url}/ajax2_${method}`, { method: method.toUpperCase() });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({
        method,
        des: `이것은 ${method} 호출로 얻은 데이터 입니다.`,
      });
    },
  );

  it('/ajax2_get refuses the other verbs with 404', async () => {
    const res = await fetch(`${url}/ajax2_get`, { method: 'PUT' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no route for PUT /ajax2_get' });
  });

  it('/ajax3_result1 answers only after the configured delay', async () => {
    const started = performance.now();
    const res = await fetch(`${url}/ajax3_result1`);
    const elapsed = performance.now() - started;
    expect(await res.json()).toEqual({
      method: 'get',
      des: '이것은 get 호출로 얻은 데이터 입니다.',
    });
    expect(elapsed).toBeGreaterThanOrEqual(290);
  });

  it('/ajax3_result1 drops its pending answers when the clients go away', async () => {
    await hangUp(patient.url, '/ajax3_result1');
  });

  it('/ajax4_result1 echoes id and content', async () => {
    const res = await postJson(JSON.stringify({ id: 'abcd', content: '이것은 컨텐츠' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'abcd', content: '이것은 컨텐츠' });
  });

  it('/ajax4_result1 echoes markup untouched: escaping is the page’s job', async () => {
    const content = '<img src=x onerror=alert(1)>';
    const res = await postJson(JSON.stringify({ id: 'x', content }));
    expect(await res.json()).toEqual({ id: 'x', content });
  });
});

describe('bad input', () => {
  it('malformed JSON → 400 with a JSON error', async () => {
    const res = await postJson('{"id": "a", ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/^malformed JSON/);
  });

  it('a body over 1 MiB → 413', async () => {
    const big = JSON.stringify({ id: 'a', content: 'x'.repeat(1024 * 1024) });
    const res = await postJson(big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'body is over the 1048576-byte limit' });
  });

  it('an unknown route → 404 naming it', async () => {
    const res = await fetch(`${url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no route for GET /nope' });
  });

  it.each([
    [{ content: 'c' }, '"id" is missing'],
    [{ id: 'a' }, '"content" is missing'],
    [{ id: 7, content: 'c' }, '"id" must be a string'],
    [{ id: 'a', content: ['c'] }, '"content" must be a string'],
    [{ id: 'a', content: null }, '"content" must be a string'],
  ])('/ajax4_result1 with %j → 400 naming the field', async (body, error) => {
    const res = await postJson(JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error });
  });

  it('/ajax4_result1 with a JSON array → 400', async () => {
    const res = await postJson('["a", "b"]');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'body must be a JSON object with "id" and "content"',
    });
  });

  it('/ajax4_result1 without a JSON Content-Type → 415 naming what came', async () => {
    const res = await fetch(`${url}/ajax4_result1`, {
      method: 'POST',
      body: '{"id":"a","content":"b"}',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error: 'Content-Type must be application/json (got text/plain;charset=UTF-8)',
    });
  });

  it('JSON in a charset other than UTF-8 → 415 naming the charset, and the server stays up', async () => {
    const res = await fetch(`${url}/ajax4_result1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=latin1' },
      body: '{"id":"a","content":"b"}',
    });
    expect(await answer(res)).toEqual({
      status: 415,
      body: { error: 'unsupported charset "LATIN1"' },
    });
    expect(await answer(await postJson('{"id":"a","content":"b"}'))).toEqual({
      status: 200,
      body: { id: 'a', content: 'b' },
    });
  });

  it('query ranges are inclusive: 1 and 16 MiB bytes, a 1000 ms pace are accepted; 0 bytes is not', async () => {
    expect(await startOf('/download?bytes=1&chunkDelayMs=1000')).toEqual({
      status: 200,
      length: '1',
    });
    expect(await startOf(`/download?bytes=${16 * 1024 * 1024}&chunkDelayMs=0`)).toEqual({
      status: 200,
      length: String(16 * 1024 * 1024),
    });
    expect(await answer(await fetch(`${url}/download?bytes=0`))).toEqual({
      status: 400,
      body: { error: '"bytes" must be an integer from 1 to 16777216' },
    });
    expect((await fetch(`${url}/download?bytes=${16 * 1024 * 1024 + 1}`)).status).toBe(400);
  });

  it('bad query parameters → 400 with the allowed range', async () => {
    const res = await fetch(`${url}/slow?ms=-5`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: '"ms" must be an integer from 0 to 30000' });
    const big = await fetch(`${url}/download?bytes=999999999`);
    expect(big.status).toBe(400);
  });

  it.each(['', '1e3', '+5', ' 5', '0x10', 'abc'])(
    'a number not written in plain digits (/slow?ms=%j) → 400',
    async (ms) => {
      expect(await answer(await fetch(`${url}/slow?ms=${encodeURIComponent(ms)}`))).toEqual({
        status: 400,
        body: { error: '"ms" must be an integer from 0 to 30000' },
      });
    },
  );

  it('answers every kind of bad request with its status and message, and keeps serving', async () => {
    // Started before the bad requests, and still due their normal answers after them.
    const lecture = fetch(`${url}/ajax3_result1`).then(answer);
    const slow = fetch(`${url}/slow?ms=1000`).then(answer);
    // Should an assertion below fail first, these are never awaited: no unhandled rejection then.
    for (const pending of [lecture, slow]) pending.catch(() => {});

    const malformed = '{"id": "a", ';
    const bad: Array<[what: string, send: () => Promise<Answer>, status: number, error: string]> = [
      [
        'malformed JSON',
        () => postJson(malformed).then(answer),
        400,
        `malformed JSON: ${parseError(malformed)}`,
      ],
      [
        'a JSON body over 1 MiB',
        () => postJson(JSON.stringify({ id: 'a', content: 'x'.repeat(1024 * 1024) })).then(answer),
        413,
        'body is over the 1048576-byte limit',
      ],
      [
        'a JSON array',
        () => postJson('["a", "b"]').then(answer),
        400,
        'body must be a JSON object with "id" and "content"',
      ],
      ['no id', () => postJson('{"content": "c"}').then(answer), 400, '"id" is missing'],
      ['no content', () => postJson('{"id": "a"}').then(answer), 400, '"content" is missing'],
      [
        'a numeric id',
        () => postJson('{"id": 7, "content": "c"}').then(answer),
        400,
        '"id" must be a string',
      ],
      [
        'a null content',
        () => postJson('{"id": "a", "content": null}').then(answer),
        400,
        '"content" must be a string',
      ],
      [
        'a text/plain body',
        () =>
          fetch(`${url}/ajax4_result1`, { method: 'POST', body: '{"id":"a","content":"b"}' }).then(
            answer,
          ),
        415,
        'Content-Type must be application/json (got text/plain;charset=UTF-8)',
      ],
      [
        'a body without a Content-Type',
        () =>
          fetch(`${url}/ajax4_result1`, {
            method: 'POST',
            body: new Uint8Array([0x7b, 0x7d]),
          }).then(answer),
        415,
        'Content-Type must be application/json (got none)',
      ],
      [
        '/slow?ms=-5',
        () => fetch(`${url}/slow?ms=-5`).then(answer),
        400,
        '"ms" must be an integer from 0 to 30000',
      ],
      [
        '/slow?ms=1.5',
        () => fetch(`${url}/slow?ms=1.5`).then(answer),
        400,
        '"ms" must be an integer from 0 to 30000',
      ],
      [
        '/slow?ms=1&ms=2',
        () => fetch(`${url}/slow?ms=1&ms=2`).then(answer),
        400,
        '"ms" must be an integer from 0 to 30000',
      ],
      [
        '/download?bytes=999999999',
        () => fetch(`${url}/download?bytes=999999999`).then(answer),
        400,
        '"bytes" must be an integer from 1 to 16777216',
      ],
      [
        '/download?chunkDelayMs=5000',
        () => fetch(`${url}/download?chunkDelayMs=5000`).then(answer),
        400,
        '"chunkDelayMs" must be an integer from 0 to 1000',
      ],
      [
        'an upload declaring 65 MiB',
        () => declaredUpload(65 * 1024 * 1024),
        413,
        'upload is over the 67108864-byte limit',
      ],
      ['an unknown route', () => fetch(`${url}/nope`).then(answer), 404, 'no route for GET /nope'],
      [
        'a wrong verb',
        () => fetch(`${url}/ajax2_get`, { method: 'PUT' }).then(answer),
        404,
        'no route for PUT /ajax2_get',
      ],
    ];
    // Between bad requests, good ones get their normal answers.
    const good: Array<[send: () => Promise<Answer>, body: unknown]> = [
      [
        () => fetch(`${url}/ajax2_get`).then(answer),
        { method: 'get', des: '이것은 get 호출로 얻은 데이터 입니다.' },
      ],
      [
        () => postJson('{"id": "abcd", "content": "ok"}').then(answer),
        { id: 'abcd', content: 'ok' },
      ],
      [() => fetch(`${url}/slow?ms=0`).then(answer), { waitedMs: 0 }],
      [
        () => fetch(`${url}/upload`, { method: 'POST', body: new Uint8Array(1000) }).then(answer),
        { received: 1000 },
      ],
    ];

    for (const [i, [what, send, status, error]] of bad.entries()) {
      expect({ what, ...(await send()) }).toEqual({ what, status, body: { error } });
      const [sendGood, body] = good[i % good.length] as (typeof good)[number];
      expect({ after: what, ...(await sendGood()) }).toEqual({ after: what, status: 200, body });
    }

    expect(await lecture).toEqual({
      status: 200,
      body: { method: 'get', des: '이것은 get 호출로 얻은 데이터 입니다.' },
    });
    expect(await slow).toEqual({ status: 200, body: { waitedMs: 1000 } });
  }, 15_000);
});

describe('routes for the beyond-the-lecture demos', () => {
  it('/slow answers after ms', async () => {
    const res = await fetch(`${url}/slow?ms=50`);
    expect(await res.json()).toEqual({ waitedMs: 50 });
  });

  it('/slow stops its timer when the client aborts', async () => {
    await hangUp(url, '/slow?ms=30000');
    const controller = new AbortController();
    const pending = fetch(`${url}/slow?ms=5000`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/abort/i);
    // The server is still fine and answers the next request at once.
    const res = await fetch(`${url}/slow?ms=0`);
    expect(await res.json()).toEqual({ waitedMs: 0 });
  });

  it('/download sends exactly the bytes it announced', async () => {
    const res = await fetch(`${url}/download?bytes=200000&chunkDelayMs=0`);
    expect(res.headers.get('content-length')).toBe('200000');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await res.arrayBuffer()).byteLength).toBe(200000);
  });

  it('/download sends 4 MiB when no size is asked for', async () => {
    const res = await fetch(`${url}/download?chunkDelayMs=0`);
    expect(res.headers.get('content-length')).toBe(String(4 * 1024 * 1024));
    expect((await res.arrayBuffer()).byteLength).toBe(4 * 1024 * 1024);
  });

  it('/download puts exactly the announced bytes on the wire, then ends the response', async () => {
    // 70000 bytes: one full 64 KiB chunk and a short last one.
    const { head, body } = await rawExchange(
      'GET /download?bytes=70000&chunkDelayMs=0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toContain('Content-Length: 70000');
    expect(body.length).toBe(70000);
    expect(body.every((byte) => byte === 0x2e)).toBe(true);
  });

  it('/download stops its paced writes when the client goes away', async () => {
    // The next chunk is due a second later; the hang-up must cancel it well before.
    await hangUp(url, '/download?bytes=1000000&chunkDelayMs=1000', { firstBytes: true, ms: 700 });
  });

  it('/upload counts the bytes it received', async () => {
    const res = await fetch(`${url}/upload`, { method: 'POST', body: new Uint8Array(300_000) });
    expect(await res.json()).toEqual({ received: 300_000 });
  });

  it('/upload accepts exactly 64 MiB, and counts a streamed upload one byte over as too large', async () => {
    const limit = 64 * 1024 * 1024;
    const bytes = Buffer.alloc(limit + 1);
    // Declared in Content-Length: at the limit is not over it.
    expect(await upload(bytes.subarray(0, limit), true)).toEqual({
      status: 200,
      body: { received: limit },
    });
    // Chunked, with no size announced: the server counts as it reads.
    expect(await upload(bytes, false)).toEqual({
      status: 413,
      body: { error: 'upload is over the 67108864-byte limit' },
    });
  });

  it('/upload refuses a declared body over its limit with 413 and closes the connection', async () => {
    const answered = await new Promise<{ status: number; connection?: string }>(
      (resolve, reject) => {
        const req = request(`${url}/upload`, {
          method: 'POST',
          headers: { 'Content-Length': String(65 * 1024 * 1024) },
        });
        req.on('response', (res) => {
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
          req.destroy();
        });
        req.on('error', reject);
        req.write('x');
      },
    );
    expect(answered).toEqual({ status: 413, connection: 'close' });
  });

  it('/headers-demo sets the custom headers', async () => {
    const res = await fetch(`${url}/headers-demo`);
    expect(res.headers.get('x-course-chapter')).toBe('xhr');
    expect(res.headers.get('x-served-at')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await res.json()).toEqual({ look: 'at the response headers' });
  });

  it('/legacy-euc-kr sends EUC-KR bytes labelled UTF-8', async () => {
    const res = await fetch(`${url}/legacy-euc-kr`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder('euc-kr').decode(bytes)).toBe('안녕하세요');
  });

  it('/chapters.xml is an XML document', async () => {
    const res = await fetch(`${url}/chapters.xml`);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await res.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<course>' +
        '<chapter order="1">XMLHttpRequest</chapter>' +
        '<chapter order="2">WebSocket</chapter>' +
        '<chapter order="3">Server-Sent Events</chapter></course>',
    );
  });

  it('/pixel.png is a PNG', async () => {
    const res = await fetch(`${url}/pixel.png`);
    expect(res.headers.get('content-type')).toBe('image/png');
    const head = new Uint8Array(await res.arrayBuffer()).subarray(0, 4);
    expect([...head]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('/malformed-json is labelled JSON but does not parse', async () => {
    const res = await fetch(`${url}/malformed-json`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text).toBe('{"method": "get", "des": ');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });
});

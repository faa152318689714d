import { createServer, request } from 'node:http';
import { type Listening, listening } from '@course/kit/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app.ts';

let server: Listening;
let url: string;

beforeAll(async () => {
  server = await listening(createServer(createApp({ ajax3DelayMs: 300 })));
  url = server.url;
});
afterAll(() => server.close());

/** POSTs `body` to /ajax4_result1 with a JSON content type. */
const postJson = (body: string, path = '/ajax4_result1') =>
  fetch(url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

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

  it('bad query parameters → 400 with the allowed range', async () => {
    const res = await fetch(`${url}/slow?ms=-5`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: '"ms" must be an integer from 0 to 30000' });
    const big = await fetch(`${url}/download?bytes=999999999`);
    expect(big.status).toBe(400);
  });

  it('keeps serving after every bad request', async () => {
    const res = await fetch(`${url}/ajax2_get`);
    expect(res.status).toBe(200);
  });
});

describe('routes for the beyond-the-lecture demos', () => {
  it('/slow answers after ms', async () => {
    const res = await fetch(`${url}/slow?ms=50`);
    expect(await res.json()).toEqual({ waitedMs: 50 });
  });

  it('/slow stops its timer when the client aborts', async () => {
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
    expect((await res.arrayBuffer()).byteLength).toBe(200000);
  });

  it('/upload counts the bytes it received', async () => {
    const res = await fetch(`${url}/upload`, { method: 'POST', body: new Uint8Array(300_000) });
    expect(await res.json()).toEqual({ received: 300_000 });
  });

  it('/upload refuses a declared body over its limit with 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url}/upload`, {
        method: 'POST',
        headers: { 'Content-Length': String(65 * 1024 * 1024) },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.write('x');
    });
    expect(status).toBe(413);
  });

  it('/headers-demo sets the custom headers', async () => {
    const res = await fetch(`${url}/headers-demo`);
    expect(res.headers.get('x-course-chapter')).toBe('xhr');
    expect(res.headers.get('x-served-at')).toMatch(/^\d{4}-\d\d-\d\dT/);
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
    expect(await res.text()).toContain('<chapter order="1">XMLHttpRequest</chapter>');
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
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });
});

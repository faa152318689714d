import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FeedClient } from '../server/protocol.ts';
import { createRun, postJson, start, startRun, type TestServer } from './helpers.ts';

// Bad input gets a status and a sentence; the server keeps serving.

// A fresh server and run for every test.
let t: TestServer;
let runId: string;
beforeEach(async () => {
  t = await start();
  runId = (await createRun(t.url, { messages: 5, techniques: ['short-poll', 'sse'] })).id;
});
afterEach(() => t.close());

const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

describe('creating a run', () => {
  it.each([
    [{ messages: 0, rate: 10 }, '"messages" must be an integer from 1 to 1000'],
    [{ messages: 5000, rate: 10 }, '"messages" must be an integer from 1 to 1000'],
    [{ messages: 10, rate: 'fast' }, '"rate" must be an integer from 1 to 100'],
    [{ messages: 10, rate: 1.5 }, '"rate" must be an integer from 1 to 100'],
    [
      { messages: 10, rate: 10, pollIntervalMs: 1 },
      '"pollIntervalMs" must be an integer from 10 to 10000',
    ],
    [
      { messages: 10, rate: 10, techniques: ['carrier-pigeon'] },
      '"techniques" must be a non-empty list of: short-poll, long-poll, stream, sse, websocket, socket.io',
    ],
    [{ messages: 10, rate: 10, techniques: [] }, expect.stringMatching(/^"techniques" must be/)],
    [{ messages: 10, rate: 10, techniques: 'sse' }, expect.stringMatching(/^"techniques" must be/)],
    [
      { messages: 10, rate: 10, techniques: ['sse', 'carrier-pigeon'] },
      expect.stringMatching(/^"techniques" must be/),
    ],
    [[1, 2], 'body must be a JSON object'],
    [{ rate: 10 }, '"messages" must be an integer from 1 to 1000'],
    [{ messages: 1001, rate: 10 }, '"messages" must be an integer from 1 to 1000'],
    [{ messages: 10, rate: 0 }, '"rate" must be an integer from 1 to 100'],
    [{ messages: 10, rate: 101 }, '"rate" must be an integer from 1 to 100'],
    [{ messages: ' ', rate: 10 }, '"messages" must be an integer from 1 to 1000'],
    [
      { messages: 10, rate: 10, pollIntervalMs: 9 },
      '"pollIntervalMs" must be an integer from 10 to 10000',
    ],
    [
      { messages: 10, rate: 10, pollIntervalMs: 10_001 },
      '"pollIntervalMs" must be an integer from 10 to 10000',
    ],
  ])('%j → 400', async (body, error) => {
    const res = await postJson(`${t.url}/api/runs`, body);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual(error);
  });

  it('accepts every limit exactly, and numbers written as strings', async () => {
    const low = await postJson(`${t.url}/api/runs`, {
      messages: '1',
      rate: '1',
      pollIntervalMs: 10,
    });
    expect(low.status).toBe(201);
    expect(await low.json()).toMatchObject({ messages: 1, rate: 1, pollIntervalMs: 10 });
    const high = await postJson(`${t.url}/api/runs`, {
      messages: 1000,
      rate: 100,
      pollIntervalMs: 10_000,
    });
    expect(high.status).toBe(201);
    expect(await high.json()).toMatchObject({ messages: 1000, rate: 100, pollIntervalMs: 10_000 });
  });

  it('a body that is not JSON → 400', async () => {
    const res = await fetch(`${t.url}/api/runs`, { method: 'POST', body: 'messages=5' });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('body must be a JSON object');
  });

  it('a body over 16 kB → 413', async () => {
    const res = await postJson(`${t.url}/api/runs`, {
      messages: 5,
      rate: 5,
      pad: 'x'.repeat(17_000),
    });
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toBe('body is too large');
  });

  it('a charset the JSON parser does not know → 415 with its sentence', async () => {
    const res = await fetch(`${t.url}/api/runs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=latin2' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    expect(await errorOf(res)).toBe('unsupported charset "LATIN2"');
  });

  it('malformed JSON → 400', async () => {
    const res = await postJson(`${t.url}/api/runs`, '{"messages": ');
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatch(/^malformed JSON/);
  });

  it('starting an unknown run → 404', async () => {
    const res = await postJson(`${t.url}/api/runs/nope/start`, {});
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toBe('no run "nope" (it may have expired)');
  });

  it('starting twice → 409', async () => {
    const run = await createRun(t.url);
    await startRun(t.url, run.id);
    const res = await postJson(`${t.url}/api/runs/${run.id}/start`, {});
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toBe(`run "${run.id}" has already started`);
  });
});

describe('the feed routes', () => {
  it.each([
    ['/feed/poll', 400, '"run" is required'],
    ['/feed/poll?run=', 400, '"run" is required'],
    ['/feed/poll?run=nope', 404, 'no run "nope" (it may have expired)'],
    ['/feed/poll?run=RUN&run=RUN', 400, '"run" must be one run id'],
    ['/feed/poll?run=RUN&after=-1', 400, '"after" must be an integer from 0 to 5'],
    ['/feed/poll?run=RUN&after=6', 400, '"after" must be an integer from 0 to 5'],
    ['/feed/poll?run=RUN&after=two', 400, '"after" must be an integer from 0 to 5'],
    ['/feed/poll?run=RUN&after=', 400, '"after" must be an integer from 0 to 5'],
    ['/feed/poll?run=RUN&after=%20', 400, '"after" must be an integer from 0 to 5'],
    ['/feed/long-poll?run=RUN', 400, 'run "RUN" does not include long-poll'],
    ['/feed/stream?run=nope', 404, 'no run "nope" (it may have expired)'],
    ['/feed/stream?run=RUN', 400, 'run "RUN" does not include stream'],
    ['/feed/sse', 400, '"run" is required'],
    ['/feed/carrier-pigeon', 404, 'no feed route GET /carrier-pigeon'],
    ['/api/nothing?x=1', 404, 'no route for GET /api/nothing'],
    ['/api/runs/nope', 404, 'no run "nope" (it may have expired)'],
    ['/elsewhere?x=1', 404, 'no route for GET /elsewhere'],
  ])('GET %s → %i', async (path, status, error) => {
    const res = await fetch(t.url + path.replaceAll('RUN', runId));
    expect(res.status).toBe(status);
    expect(await errorOf(res)).toBe(error.replaceAll('RUN', runId));
  });

  it.each(['short-poll', 'sse'] as const)(
    'the %s route of a run without it → 400',
    async (technique) => {
      const other = (await createRun(t.url, { messages: 5, techniques: ['stream'] })).id;
      const route = technique === 'sse' ? 'sse' : 'poll';
      const res = await fetch(`${t.url}/feed/${route}?run=${other}`);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toBe(`run "${other}" does not include ${technique}`);
    },
  );

  it('SSE with a bad Last-Event-ID → 400', async () => {
    const res = await fetch(`${t.url}/feed/sse?run=${runId}`, {
      headers: { 'Last-Event-ID': 'x' },
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('"Last-Event-ID" must be an integer from 0 to 5');
  });

  it.each([
    ['/feed/ws?run=nope', 404, 'Not Found', 'no run "nope" (it may have expired)'],
    ['/feed/ws?run=RUN', 400, 'Bad Request', 'run "RUN" does not include websocket'],
    ['/feed/ws', 400, 'Bad Request', '"run" is required'],
    ['/feed/ws?run=WS_RUN&after=6', 400, 'Bad Request', '"after" must be an integer from 0 to 5'],
    ['/elsewhere', 404, 'Not Found', 'no WebSocket route /elsewhere'],
    ['/elsewhere/socket.io/', 404, 'Not Found', 'no WebSocket route /elsewhere/socket.io/'],
  ])('a WebSocket upgrade to %s is refused with %i %s', async (path, status, reason, error) => {
    const wsRun = (await createRun(t.url, { messages: 5, techniques: ['websocket'] })).id;
    const url = `ws://127.0.0.1:${t.port}${path.replace('WS_RUN', wsRun).replace('RUN', runId)}`;
    const ws = new WebSocket(url);
    const answer = await new Promise<{ status: string; type: string; body: string }>((resolve) => {
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({
            status: `${res.statusCode} ${res.statusMessage}`,
            type: String(res.headers['content-type']),
            body,
          }),
        );
      });
    });
    expect(answer).toEqual({
      status: `${status} ${reason}`,
      type: 'application/json',
      body: JSON.stringify({ error: error.replace('RUN', runId) }),
    });
  });

  // Vite's live reload has a port of its own, so no upgrade here is anyone else's to take.
  it.each(['chat', 'vite-hmr', 'vite-ping'])(
    'a WebSocket upgrade to a path that is not ours is refused whatever its subprotocol (%s)',
    async (protocol) => {
      const ws = new WebSocket(`ws://127.0.0.1:${t.port}/elsewhere`, protocol);
      const status = await new Promise<number>((resolve) =>
        ws.once('unexpected-response', (_req, res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }),
      );
      expect(status).toBe(404);
    },
  );

  it.each([
    [{ run: 'nope' }, 'no run "nope" (it may have expired)'],
    [{ run: 'RUN' }, 'run "RUN" does not include socket.io'],
    [{ run: 'IO_RUN', after: '9' }, '"after" must be an integer from 0 to 5'],
  ])('Socket.IO refuses %j with a connect_error', async (query, message) => {
    const ioRun = (await createRun(t.url, { messages: 5, techniques: ['socket.io'] })).id;
    const q = { ...query, run: query.run.replace('IO_RUN', ioRun).replace('RUN', runId) };
    const socket: FeedClient = io(t.url, { query: q, forceNew: true, reconnection: false });
    const err = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(err.message).toBe(message.replace('RUN', runId));
  });
});

describe('receipts', () => {
  it.each([
    [{ receipts: { websocket: [[1, 5]] } }, `"websocket" is not a technique of run "RUN"`],
    [{ receipts: { sse: 'all' } }, 'receipts of sse must be a list of [seq, receivedAt]'],
    [
      { receipts: { sse: [[0, 5]] } },
      'each receipt must be [seq, receivedAt] with seq from 1 to 5 (got [0,5])',
    ],
    [
      { receipts: { sse: [[1, 'now']] } },
      'each receipt must be [seq, receivedAt] with seq from 1 to 5 (got [1,"now"])',
    ],
    [
      { receipts: { sse: [[6, 5]] } },
      'each receipt must be [seq, receivedAt] with seq from 1 to 5 (got [6,5])',
    ],
    [
      { receipts: { sse: [[1.5, 5]] } },
      'each receipt must be [seq, receivedAt] with seq from 1 to 5 (got [1.5,5])',
    ],
    [
      { receipts: { sse: [[1, 5, 6]] } },
      'each receipt must be [seq, receivedAt] with seq from 1 to 5 (got [1,5,6])',
    ],
    [
      { receipts: { sse: [5] } },
      'each receipt must be [seq, receivedAt] with seq from 1 to 5 (got 5)',
    ],
    // 1e999 is valid JSON and parses to Infinity.
    [
      '{"receipts": {"sse": [[1, 1e999]]}}',
      'each receipt must be [seq, receivedAt] with seq from 1 to 5 (got [1,null])',
    ],
    [{ receipts: [] }, '"receipts" must be an object of technique → [seq, receivedAt] pairs'],
    [{ receipts: 'all' }, '"receipts" must be an object of technique → [seq, receivedAt] pairs'],
    [[], 'body must be a JSON object'],
    [{ finished: ['stream'] }, '"finished" must list techniques of run "RUN"'],
    [{ finished: 'sse' }, '"finished" must list techniques of run "RUN"'],
  ])('%j → 400', async (body, error) => {
    const res = await postJson(`${t.url}/api/runs/${runId}/receipts`, body);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe(error.replaceAll('RUN', runId));
  });

  it('a body that is not JSON → 400', async () => {
    const res = await fetch(`${t.url}/api/runs/${runId}/receipts`, { method: 'POST', body: '[]' });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('body must be a JSON object');
  });

  it('the last seq of the run is a valid receipt', async () => {
    const res = await postJson(`${t.url}/api/runs/${runId}/receipts`, {
      receipts: { sse: [[5, 1]] },
    });
    expect(res.status).toBe(200);
  });

  it('a batch up to 256 kB is accepted, a larger one → 413', async () => {
    // [1,1.5], is 8 bytes: 25 000 of them make 200 kB, 35 000 make 280 kB.
    const batch = (n: number) => ({ receipts: { sse: Array.from({ length: n }, () => [1, 1.5]) } });
    const ok = await postJson(`${t.url}/api/runs/${runId}/receipts`, batch(25_000));
    expect(ok.status).toBe(200);
    const tooBig = await postJson(`${t.url}/api/runs/${runId}/receipts`, batch(35_000));
    expect(tooBig.status).toBe(413);
    expect(await errorOf(tooBig)).toBe('body is too large');
  });

  it('for an unknown run → 404', async () => {
    const res = await postJson(`${t.url}/api/runs/nope/receipts`, {});
    expect(res.status).toBe(404);
  });
});

it('a cursor at the last seq of the run is accepted', async () => {
  const res = await fetch(`${t.url}/feed/poll?run=${runId}&after=5`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ messages: [], done: false });
});

it('keeps serving after bad input', async () => {
  await fetch(`${t.url}/feed/poll?run=${runId}&after=two`);
  await postJson(`${t.url}/api/runs`, '{"messages": ');
  await postJson(`${t.url}/api/runs/${runId}/receipts`, { receipts: { sse: [[0, 5]] } });
  const res = await fetch(`${t.url}/feed/poll?run=${runId}`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ messages: [], done: false });
});

import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createRun, postJson, startRun, startServer, type TestServer } from './helpers.ts';

// Bad input gets a status and a sentence; the server keeps serving.

let t: TestServer;
let runId: string;
beforeAll(async () => {
  t = await startServer();
  runId = (await createRun(t.url, { messages: 5, techniques: ['short-poll', 'sse'] })).id;
});
afterAll(() => t.close());

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
    [[1, 2], 'body must be a JSON object'],
  ])('%j → 400', async (body, error) => {
    const res = await postJson(`${t.url}/api/runs`, body);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual(error);
  });

  it('malformed JSON → 400', async () => {
    const res = await postJson(`${t.url}/api/runs`, '{"messages": ');
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatch(/^malformed JSON/);
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
    ['/feed/poll?run=nope', 404, 'no run "nope" (it may have expired)'],
    ['/feed/poll?run=RUN&run=RUN', 400, '"run" must be one run id'],
    ['/feed/poll?run=RUN&after=-1', 400, '"after" must be an integer from 0 to 5'],
    ['/feed/poll?run=RUN&after=6', 400, '"after" must be an integer from 0 to 5'],
    ['/feed/poll?run=RUN&after=two', 400, '"after" must be an integer from 0 to 5'],
    ['/feed/long-poll?run=RUN', 400, 'run "RUN" does not include long-poll'],
    ['/feed/stream?run=nope', 404, 'no run "nope" (it may have expired)'],
    ['/feed/sse', 400, '"run" is required'],
    ['/feed/carrier-pigeon', 404, 'no feed route GET /carrier-pigeon'],
  ])('GET %s → %i', async (path, status, error) => {
    const res = await fetch(t.url + path.replaceAll('RUN', runId));
    expect(res.status).toBe(status);
    expect(await errorOf(res)).toBe(error.replaceAll('RUN', runId));
  });

  it('SSE with a bad Last-Event-ID → 400', async () => {
    const res = await fetch(`${t.url}/feed/sse?run=${runId}`, {
      headers: { 'Last-Event-ID': 'x' },
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe('"Last-Event-ID" must be an integer from 0 to 5');
  });

  it.each([
    ['/feed/ws?run=nope', 404],
    [`/feed/ws?run=${'RUN'}`, 400],
    ['/feed/ws', 400],
    ['/elsewhere', 404],
  ])('a WebSocket upgrade to %s is refused with %i', async (path, status) => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.port}${path.replace('RUN', runId)}`);
    const answer = await new Promise<{ status: number; body: string }>((resolve) => {
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
    });
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body).error).toEqual(expect.any(String));
  });

  it.each([
    [{ run: 'nope' }, 'no run "nope" (it may have expired)'],
    [{ run: 'RUN' }, 'run "RUN" does not include socket.io'],
    [{ run: 'IO_RUN', after: '9' }, '"after" must be an integer from 0 to 5'],
  ])('Socket.IO refuses %j with a connect_error', async (query, message) => {
    const ioRun = (await createRun(t.url, { messages: 5, techniques: ['socket.io'] })).id;
    const q = { ...query, run: query.run.replace('IO_RUN', ioRun).replace('RUN', runId) };
    const socket = io(t.url, { query: q, forceNew: true, reconnection: false });
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
    [{ receipts: [] }, '"receipts" must be an object of technique → [seq, receivedAt] pairs'],
    [{ finished: ['stream'] }, '"finished" must list techniques of run "RUN"'],
  ])('%j → 400', async (body, error) => {
    const res = await postJson(`${t.url}/api/runs/${runId}/receipts`, body);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe(error.replaceAll('RUN', runId));
  });

  it('for an unknown run → 404', async () => {
    const res = await postJson(`${t.url}/api/runs/nope/receipts`, {});
    expect(res.status).toBe(404);
  });
});

it('keeps serving after all of that', async () => {
  const res = await fetch(`${t.url}/feed/poll?run=${runId}`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ messages: [], done: false });
});

import type { Listening } from '@course/kit/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedEvents, readStream, start } from './helpers.ts';

// The bytes on the wire, read with node:http and parsed with eventsource-parser.

let server: Listening;
let url: string;

beforeAll(async () => {
  server = await start({ intervalMs: 30, retryMs: 1500 });
  url = server.url;
});
afterAll(() => server.close());

describe('GET /countdown (the fixed stream)', () => {
  it('answers with the SSE headers, including X-Accel-Buffering: no', async () => {
    const read = await readStream(url, '/countdown');
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toBe('text/event-stream');
    expect(read.headers['cache-control']).toBe('no-cache');
    expect(read.headers.connection).toBe('keep-alive');
    expect(read.headers['x-accel-buffering']).toBe('no');
    expect(read.headers['content-length']).toBeUndefined();
  });

  it('sends retry first, then 10 to 0 with ids, then a named end event, then ends', async () => {
    const read = await readStream(url, '/countdown', { Accept: 'text/event-stream' });
    expect(read.aborted).toBe(false);
    expect(read.retries).toEqual([1500]);
    expect(read.events).toEqual(fixedEvents(10));
    expect(read.raw.startsWith('retry: 1500\n\nid: 10\ndata: {"id":"kgh","cnt":10}\n\n')).toBe(
      true,
    );
    expect(read.raw.endsWith('event: end\nid: end\ndata: {"id":"kgh","done":true}\n\n')).toBe(true);
  });

  it('works without any Accept header', async () => {
    const read = await readStream(url, '/countdown');
    expect(read.status).toBe(200);
    expect(read.events).toEqual(fixedEvents(10));
  });

  it('resumes after the Last-Event-ID it is sent', async () => {
    const read = await readStream(url, '/countdown', { 'Last-Event-ID': '4' });
    expect(read.retries).toEqual([1500]);
    expect(read.events).toEqual(fixedEvents(3));
  });

  it('resumes after the second event: Last-Event-ID 9 goes on at 8', async () => {
    const read = await readStream(url, '/countdown', { 'Last-Event-ID': '9' });
    expect(read.events).toEqual(fixedEvents(8));
  });

  it('sends only the end event to a client that saw 0 but not the end', async () => {
    const read = await readStream(url, '/countdown', { 'Last-Event-ID': '0' });
    expect(read.events).toEqual([{ id: 'end', event: 'end', data: '{"id":"kgh","done":true}' }]);
  });

  it('answers 204 with no body to a reconnect after the end', async () => {
    const read = await readStream(url, '/countdown', { 'Last-Event-ID': 'end' });
    expect(read.status).toBe(204);
    expect(read.raw).toBe('');
  });

  it.each(['banana', '11', '-1', '3.5', '04', '1e1', 'END'])(
    'ignores Last-Event-ID %j (not an id it sent) and starts at 10',
    async (lastEventId) => {
      const read = await readStream(url, '/countdown', { 'Last-Event-ID': lastEventId });
      expect(read.status).toBe(200);
      expect(read.events).toEqual(fixedEvents(10));
    },
  );

  it('cuts the connection after ?dropAfter=N, before the next number', async () => {
    const read = await readStream(url, '/countdown?dropAfter=6');
    expect(read.aborted).toBe(true);
    expect(read.events).toEqual(fixedEvents(10).slice(0, 5));
  });

  it('takes ?dropAfter=10, cutting right after the first number', async () => {
    const read = await readStream(url, '/countdown?dropAfter=10');
    expect(read.status).toBe(200);
    expect(read.aborted).toBe(true);
    expect(read.events).toEqual(fixedEvents(10).slice(0, 1));
  });

  it('takes ?dropAfter=0, cutting after 0 and before the end event', async () => {
    const read = await readStream(url, '/countdown?dropAfter=0');
    expect(read.status).toBe(200);
    expect(read.aborted).toBe(true);
    expect(read.events).toEqual(fixedEvents(10).slice(0, 11));
  });

  it.each(['x', '11', '-1', '2.5', '5x', 'x5', '', '1e1', '5&dropAfter=5'])(
    'refuses ?dropAfter=%s with 400',
    async (value) => {
      const res = await fetch(`${url}/countdown?dropAfter=${value}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: '"dropAfter" must be an integer from 0 to 10' });
    },
  );
});

describe('GET /lecture-countdown (the lecture server)', () => {
  it('sends the lecture headers and data: lines only, 10 to 0, then ends', async () => {
    const read = await readStream(url, '/lecture-countdown');
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toBe('text/event-stream');
    expect(read.headers['cache-control']).toBe('no-cache');
    expect(read.headers.connection).toBe('keep-alive');
    expect(read.headers['x-accel-buffering']).toBeUndefined();
    expect(read.retries).toEqual([]);
    const expected = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
      .map((cnt) => `data: {"id":"kgh","cnt":${cnt}}\n\n`)
      .join('');
    expect(read.raw).toBe(expected);
    expect(read.events.every((event) => event.id === undefined && event.event === undefined)).toBe(
      true,
    );
  });

  it('starts at 10 on every connection, whatever Last-Event-ID says', async () => {
    const read = await readStream(url, '/lecture-countdown', { 'Last-Event-ID': '4' });
    expect(read.events[0]?.data).toBe('{"id":"kgh","cnt":10}');
    expect(read.events).toHaveLength(11);
  });
});

describe('GET /named-events', () => {
  it('sends named events, one plain event, and multi-line data as several data: lines', async () => {
    const read = await readStream(url, '/named-events');
    expect(read.events.map((event) => [event.id, event.event ?? 'message'])).toEqual([
      ['1', 'greeting'],
      ['2', 'message'],
      ['3', 'status'],
      ['4', 'poem'],
      ['5', 'end'],
    ]);
    expect(read.raw).toContain(
      'event: poem\nid: 4\ndata: Streams arrive\ndata: line by line,\ndata: joined with newlines.\n\n',
    );
    expect(read.events[3]?.data).toBe('Streams arrive\nline by line,\njoined with newlines.');
    expect(JSON.parse(read.events[2]?.data ?? '')).toEqual({
      chapter: 'sse-countdown',
      lines: 'one data: line each',
    });
  });

  it('resumes after Last-Event-ID and answers 204 after the last event', async () => {
    const resumed = await readStream(url, '/named-events', { 'Last-Event-ID': '3' });
    expect(resumed.events.map((event) => event.id)).toEqual(['4', '5']);
    const after = await readStream(url, '/named-events', { 'Last-Event-ID': '5' });
    expect(after.status).toBe(204);
  });
});

describe('the rest of the API', () => {
  it('GET /stats answers {"activeStreams": n}', async () => {
    const res = await fetch(`${url}/stats`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ activeStreams: 0 });
  });

  it.each(['abc', '0', '100', '09', '1x', '', '1&slot=2'])(
    '/limit-stream refuses ?slot=%j with 400',
    async (slot) => {
      const res = await fetch(`${url}/limit-stream?slot=${slot}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: '"slot" must be an integer from 1 to 99' });
    },
  );

  it('/limit-stream needs a slot at all', async () => {
    const res = await fetch(`${url}/limit-stream`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: '"slot" must be an integer from 1 to 99' });
  });

  it('answers 404 with a JSON error for unknown routes', async () => {
    const res = await fetch(`${url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no route for GET /nope' });
  });
});

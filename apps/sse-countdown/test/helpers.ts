import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import { type Listening, listening } from '@course/kit/test-server';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { type AppOptions, createApp } from '../server/app.ts';

/** Starts the chapter's app on a free port (or `port`) with `options`: its `url` and `close()`. */
export function start(options: AppOptions = {}, port = 0): Promise<Listening> {
  return listening(createServer(createApp(options)), port);
}

/** Everything a client read from one SSE response, parsed by eventsource-parser. */
export interface WireRead {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body exactly as it came. */
  raw: string;
  events: EventSourceMessage[];
  retries: number[];
  comments: string[];
  /** True when the connection broke before the response ended. */
  aborted: boolean;
}

/**
 * GETs `path` with plain node:http (so no header is added unless given: not
 * even Accept) and reads the whole response.
 */
export function readStream(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<WireRead> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { headers }, (res) => {
      const read: WireRead = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        raw: '',
        events: [],
        retries: [],
        comments: [],
        aborted: false,
      };
      const parser = createParser({
        onEvent: (event) => read.events.push(event),
        onRetry: (ms) => read.retries.push(ms),
        onComment: (comment) => read.comments.push(comment),
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        read.raw += chunk;
        parser.feed(chunk);
      });
      res.on('aborted', () => {
        read.aborted = true;
      });
      res.on('error', () => {
        read.aborted = true;
      });
      res.on('close', () => resolve(read));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The countdown events the fixed stream sends from `from` down to 0, then `end`. */
export function fixedEvents(from: number): EventSourceMessage[] {
  const events: EventSourceMessage[] = [];
  for (let cnt = from; cnt >= 0; cnt--)
    events.push({ id: String(cnt), event: undefined, data: `{"id":"kgh","cnt":${cnt}}` });
  events.push({ id: 'end', event: 'end', data: '{"id":"kgh","done":true}' });
  return events;
}

/** `activeStreams` from GET /stats. */
export async function activeStreams(url: string): Promise<number> {
  const res = await fetch(`${url}/stats`);
  const body = (await res.json()) as { activeStreams: number };
  return body.activeStreams;
}

/** How many timers (setTimeout/setInterval) this process holds right now. */
export const liveTimers = (): number =>
  process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

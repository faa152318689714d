import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { findChapter, findHub } from '@course/chapters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubAnswers } from '../src/course-nav.ts';
import { pageHandler } from '../src/page.ts';
import { type Listening, listening } from '../src/test-server.ts';

// The chapter nav's "← Course hub" link asks the hub whether it runs, through the identity route
// that the kit's page handler answers for every workspace, the hub included.

/** A server answering `/__course` as the kit does for `name` (the hub, or a chapter). */
function workspace(name: string) {
  const chapter = name === 'hub' ? findHub() : findChapter(name);
  if (!chapter) throw new Error('the course has no hub');
  // Dev mode needs no built page; the identity route is answered before the page is asked for.
  const page = pageHandler(chapter, { viteOrigin: 'http://127.0.0.1:9' });
  return listening(createServer((req, res) => page(req, res, () => res.end())));
}

const servers: Listening[] = [];
const at = (server: Listening) => `http://localhost:${server.port}/`;
let hub: Listening;
beforeAll(async () => {
  hub = await workspace('hub');
  servers.push(hub);
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('hubAnswers', () => {
  it('is true for the course hub', async () => {
    expect(await hubAnswers(at(hub))).toBe(true);
  });

  it('is false when nothing listens there', async () => {
    const gone = await listening(createServer());
    await gone.close();
    expect(await hubAnswers(at(gone))).toBe(false);
  });

  it('is false for a chapter, a program that is not the course, or an answer that is not JSON', async () => {
    const strangers = [
      await workspace('xhr'),
      await listening(createServer((_req, res) => res.writeHead(404).end('not here'))),
      await listening(createServer((_req, res) => res.end('<!doctype html><h1>hello</h1>'))),
      await listening(
        createServer((_req, res) => res.end(JSON.stringify({ course: 'another', name: 'hub' }))),
      ),
    ];
    servers.push(...strangers);
    for (const stranger of strangers) expect(await hubAnswers(at(stranger))).toBe(false);
  });

  it('is false when the answer does not come in time', async () => {
    const silent = await listening(createTcpServer(() => {}));
    servers.push(silent);
    const started = Date.now();
    expect(await hubAnswers(at(silent), 200)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

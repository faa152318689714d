import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { join } from 'node:path';
import { listChapters } from '@course/chapters';
import type { ClientHandler } from '@course/kit';
import { type Listening, listening } from '@course/kit/test-server';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChapterCard } from '../server/app.ts';
import { fakeChapterServer, fakeRepo, freePort, start } from './helpers.ts';

let chapterServer: Listening;
let hub: Listening;
let root: string;

beforeAll(async () => {
  // Chapters `up` (running) and `down` (stopped).
  chapterServer = await fakeChapterServer('up');
  root = fakeRepo([
    ['down', 2, await freePort(), '# Down chapter\n\nIt has <script>alert(1)</script> in it.\n'],
    ['up', 1, chapterServer.port, '# Up chapter\n\n## Run it\n\n`pnpm lesson up`\n'],
  ]);
  hub = await start({ root, statusIntervalMs: 100 });
});
afterAll(async () => {
  await hub.close();
  await chapterServer.close();
});

describe('the chapter list', () => {
  it('lists chapters in course order with links, ports and README flags', async () => {
    const cards = (await (await fetch(`${hub.url}/api/chapters`)).json()) as ChapterCard[];
    expect(cards.map((card) => card.name)).toEqual(['up', 'down']);
    expect(cards[0]).toMatchObject({ title: 'up title', summary: 'up summary', hasReadme: true });
    expect(cards[0]?.url).toBe(`http://127.0.0.1:${cards[0]?.ports.PORT}/`);
  });

  it('picks up a chapter that appears later, without a restart', async () => {
    mkdirSync(join(root, 'apps', 'late'), { recursive: true });
    const course = {
      order: 3,
      title: 'Late',
      summary: 's',
      ko: { title: '늦음', summary: '요약' },
      ports: { PORT: 65000 },
    };
    writeFileSync(
      join(root, 'apps', 'late', 'package.json'),
      JSON.stringify({ name: '@course/late', course }),
    );
    const cards = (await (await fetch(`${hub.url}/api/chapters`)).json()) as ChapterCard[];
    expect(cards.map((card) => card.name)).toEqual(['up', 'down', 'late']);
    expect(cards[2]?.hasReadme).toBe(false);
  });

  it('lists the real course too, in the same order as the metadata', async () => {
    const real = await start();
    try {
      const cards = (await (await fetch(`${real.url}/api/chapters`)).json()) as ChapterCard[];
      expect(cards.map((card) => card.name)).toEqual(listChapters().map((chapter) => chapter.name));
    } finally {
      await real.close();
    }
  });

  it('shifts every port by the offset', async () => {
    const shifted = await start({ root, chapterPortOffset: 10 });
    try {
      const cards = (await (await fetch(`${shifted.url}/api/chapters`)).json()) as ChapterCard[];
      const plain = (await (await fetch(`${hub.url}/api/chapters`)).json()) as ChapterCard[];
      expect(cards[0]?.ports.PORT).toBe((plain[0]?.ports.PORT ?? 0) + 10);
    } finally {
      await shifted.close();
    }
  });
});

describe('status', () => {
  it('reports a listening chapter as up and a stopped one as down', async () => {
    const states = await (await fetch(`${hub.url}/api/status`)).json();
    expect(states).toMatchObject({ up: 'up', down: 'down' });
  });

  it('tells a chapter from a stranger on its port: anything that does not answer /__course as the chapter is taken', async () => {
    // A TCP server that hangs up at once, an HTTP server with no identity route, another
    // chapter answering on this one's port, and a server that never answers at all.
    const strangers = Object.entries({
      'hangs-up': await listening(createTcpServer((socket) => socket.end())),
      'no-identity': await listening(createServer((_req, res) => res.writeHead(404).end('no'))),
      'other-chapter': await fakeChapterServer('xhr'),
      silent: await listening(createTcpServer(() => {})),
    });
    const squatted = await start({
      root: fakeRepo(strangers.map(([name, server], i) => [name, i + 1, server.port])),
    });
    try {
      const states = await (await fetch(`${squatted.url}/api/status`)).json();
      expect(states).toEqual(Object.fromEntries(strangers.map(([name]) => [name, 'taken'])));
    } finally {
      await squatted.close();
      await Promise.all(strangers.map(([, server]) => server.close()));
    }
  });

  it('streams status events live over SSE', async () => {
    const source = new EventSource(`${hub.url}/api/status/stream`);
    try {
      const events: Record<string, string>[] = [];
      await new Promise<void>((resolve, reject) => {
        source.addEventListener('status', (event) => {
          events.push(JSON.parse(event.data));
          if (events.length === 2) resolve();
        });
        source.addEventListener('error', () => reject(new Error('stream failed')));
      });
      expect(events[0]).toMatchObject({ up: 'up', down: 'down' });
      expect(events[1]).toMatchObject({ up: 'up', down: 'down' });
    } finally {
      source.close();
    }
  });
});

describe('READMEs', () => {
  it('renders a README as a styled HTML page', async () => {
    const res = await fetch(`${hub.url}/readme/up`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<h1>Up chapter</h1>');
    expect(html).toContain('<h2>Run it</h2>');
    expect(html).toContain('href="/readme.css"');
  });

  it('shows raw HTML in a README as text', async () => {
    const html = await (await fetch(`${hub.url}/readme/down`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('serves the stylesheet the README pages link to', async () => {
    const res = await fetch(`${hub.url}/readme.css`);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await res.text()).toContain('color-scheme');
  });

  it('renders the Korean lesson for ?lang=ko or a Korean browser, and English otherwise', async () => {
    writeFileSync(join(root, 'apps', 'up', 'README.ko.md'), '# 업 챕터\n\n## 실행하기\n');
    try {
      const korean = await (await fetch(`${hub.url}/readme/up?lang=ko`)).text();
      expect(korean).toContain('<html lang="ko">');
      expect(korean).toContain('<h1>업 챕터</h1>');
      const byHeader = await fetch(`${hub.url}/readme/up`, {
        headers: { 'Accept-Language': 'ko-KR,ko;q=0.9,en;q=0.8' },
      });
      expect(await byHeader.text()).toContain('<h1>업 챕터</h1>');
      const english = await (await fetch(`${hub.url}/readme/up?lang=en`)).text();
      expect(english).toContain('<html lang="en">');
      expect(english).toContain('<h1>Up chapter</h1>');
    } finally {
      rmSync(join(root, 'apps', 'up', 'README.ko.md'));
    }
    // No Korean lesson yet: the English one, marked as English.
    const fallback = await (await fetch(`${hub.url}/readme/up?lang=ko`)).text();
    expect(fallback).toContain('<html lang="en">');
    expect(fallback).toContain('<h1>Up chapter</h1>');
  });

  it('gives each chapter its Korean title and summary from its metadata', async () => {
    const cards = (await (await fetch(`${hub.url}/api/chapters`)).json()) as {
      name: string;
      ko: { title: string; summary: string };
    }[];
    expect(cards.find((card) => card.name === 'up')?.ko).toEqual({
      title: 'up 제목',
      summary: 'up 요약',
    });
  });

  it('renders the glossary in the asked language', async () => {
    const korean = await (await fetch(`${hub.url}/glossary?lang=ko`)).text();
    expect(korean).toContain('<html lang="ko">');
    expect(korean).toContain('<h1>코스 용어집</h1>');
    expect(korean).toContain(
      '<tr id="websocket"><td lang="ko">웹소켓</td><td lang="en">WebSocket</td>',
    );
    const english = await (await fetch(`${hub.url}/glossary`)).text();
    expect(english).toContain('<h1>Glossary</h1>');
    expect(english).toContain(
      '<tr id="websocket"><td lang="en">WebSocket</td><td lang="ko">웹소켓</td>',
    );
  });

  it('answers 404 for an unknown chapter or a chapter without README', async () => {
    for (const name of ['nope', 'late']) {
      const res = await fetch(`${hub.url}/readme/${name}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: `no README for chapter "${name}"` });
    }
  });
});

describe('chapter URLs', () => {
  // Stands in for the kit's page handler: says which path it was asked for, as the hub page would be served.
  const hubPage: ClientHandler = (req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(`<title>hub page</title> asked for ${req.url}`);
  };
  let withPage: Listening;
  beforeAll(async () => {
    mkdirSync(join(root, 'apps', 'up', 'client'), { recursive: true });
    for (const page of ['index', 'reconnect'])
      writeFileSync(join(root, 'apps', 'up', 'client', `${page}.html`), '<!doctype html>');
    withPage = await start({ root, client: hubPage });
  });
  afterAll(async () => {
    await withPage.close();
  });

  it('answers /chapters/<name> and /chapters/<name>/<page> with the hub page', async () => {
    for (const path of [
      '/chapters/up',
      '/chapters/up/',
      '/chapters/down',
      '/chapters/up/reconnect',
    ]) {
      const res = await fetch(`${withPage.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe('<title>hub page</title> asked for /');
    }
  });

  it('answers a chapter URL of the real course, ws-echo/reconnect among them', async () => {
    const real = await start({ client: hubPage });
    try {
      for (const path of ['/chapters/xhr', '/chapters/ws-echo/reconnect']) {
        const res = await fetch(`${real.url}${path}`);
        expect(res.status, path).toBe(200);
        expect(await res.text()).toBe('<title>hub page</title> asked for /');
      }
    } finally {
      await real.close();
    }
  });

  it('answers an unknown chapter name with a 404 page that says so and links every chapter', async () => {
    const res = await fetch(`${withPage.url}/chapters/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('There is no chapter named &#34;nope&#34;.');
    expect(html).toContain('<a href="/chapters/up">up title</a>');
    expect(html).toContain('<a href="/chapters/down">down title</a>');
    expect(html).not.toContain('hub page');
  });

  it('answers a page the chapter does not have with a 404 that names it', async () => {
    for (const path of ['/chapters/up/nope', '/chapters/down/reconnect']) {
      const res = await fetch(`${withPage.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toMatch(
        /(up|down) title has no page named &#34;(nope|reconnect)&#34;\./,
      );
    }
  });

  it('shows a name from the URL as text in the 404 page', async () => {
    const html = await (await fetch(`${withPage.url}/chapters/%3Cb%3Ebold%3C%2Fb%3E`)).text();
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('no chapter named &#34;&#60;b&#62;bold&#60;/b&#62;&#34;');
  });

  it('sends /chapters itself to the list', async () => {
    const res = await fetch(`${withPage.url}/chapters`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDENTITY_PATH } from '@course/kit';
import { listening } from '@course/kit/test-server';
import { type AppOptions, createApp } from '../server/app.ts';

/** The hub from `createApp(options)`, listening on a free port: `{ url, port, close }`. */
export function start(options: AppOptions = {}) {
  return listening(createServer(createApp(options)));
}

/** A free TCP port: bind one, then let it go. */
export async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One chapter of a throwaway repo: its folder name, course order, PORT, and README (none if undefined). */
export type FakeChapter = [name: string, order: number, port: number, readme?: string];

/** A throwaway repo holding `chapters`, for the hub to read instead of the course. */
export function fakeRepo(chapters: FakeChapter[]): string {
  const root = mkdtempSync(join(tmpdir(), 'hub-'));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: [apps/*]\n');
  for (const [name, order, PORT, readme] of chapters) {
    mkdirSync(join(root, 'apps', name), { recursive: true });
    const course = {
      order,
      title: `${name} title`,
      summary: `${name} summary`,
      ko: { title: `${name} 제목`, summary: `${name} 요약` },
      ports: { PORT },
    };
    writeFileSync(
      join(root, 'apps', name, 'package.json'),
      JSON.stringify({ name: `@course/${name}`, course }),
    );
    if (readme !== undefined) writeFileSync(join(root, 'apps', name, 'README.md'), readme);
  }
  return root;
}

/**
 * A stand-in for a running chapter: an HTTP server that answers the kit's
 * identity route as the chapter `name`, as every chapter's server does.
 */
export function fakeChapterServer(name: string) {
  return listening(
    createServer((req, res) => {
      if (req.url !== IDENTITY_PATH) return void res.writeHead(404).end();
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ course: 'communication-api-course', name, title: name, order: 1 }));
    }),
  );
}

/** Writes exercise `folder` (`01-first-step`) of chapter `chapter` in the throwaway repo `root`, with `readme` (none if undefined). */
export function fakeExercise(root: string, chapter: string, folder: string, readme?: string): void {
  const dir = join(root, 'apps', chapter, 'exercises', folder);
  mkdirSync(dir, { recursive: true });
  if (readme !== undefined) writeFileSync(join(dir, 'README.md'), readme);
}

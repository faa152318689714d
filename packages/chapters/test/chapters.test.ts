import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findChapter,
  findRepoRoot,
  listChapters,
  metadataProblems,
  renderChapterTable,
  withChapterTable,
} from '../src/index.ts';

/** A throwaway repo with one apps/<name>/package.json per entry. */
function fakeRepo(apps: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'chapters-'));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: [apps/*]\n');
  for (const [name, course] of Object.entries(apps)) {
    mkdirSync(join(root, 'apps', name), { recursive: true });
    writeFileSync(
      join(root, 'apps', name, 'package.json'),
      JSON.stringify({ name: `@course/${name}`, course }),
    );
  }
  return root;
}

const meta = (order: number, PORT: number) => ({
  order,
  title: `T${order}`,
  summary: 'S',
  ko: { title: `제목${order}`, summary: '요약' },
  ports: { PORT },
});

describe('the real course', () => {
  it('has valid metadata, unique ports, the XHR chapter first', () => {
    const chapters = listChapters();
    expect(chapters.length).toBeGreaterThan(0);
    expect(chapters[0]?.name).toBe('xhr');
    expect(chapters[0]?.course.ports.PORT).toBe(2000);
  });

  it('README.md lists exactly the chapters, in course order (run `pnpm readme` to fix)', () => {
    const readme = readFileSync(join(findRepoRoot(), 'README.md'), 'utf8');
    expect(withChapterTable(readme, listChapters())).toBe(readme);
  });

  it('README.ko.md lists them too, with their Korean titles (run `pnpm readme` to fix)', () => {
    const readme = readFileSync(join(findRepoRoot(), 'README.ko.md'), 'utf8');
    expect(withChapterTable(readme, listChapters(), 'ko')).toBe(readme);
    expect(readme).toContain('[원시 TCP](apps/raw-tcp/README.ko.md)');
  });
});

describe('listChapters', () => {
  it('sorts by order and skips workspaces without "course"', () => {
    const root = fakeRepo({ b: meta(2, 3001), a: meta(1, 3000), tool: undefined });
    expect(listChapters(root).map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('names the chapters that share a port', () => {
    const root = fakeRepo({ a: meta(1, 3000), b: meta(2, 3000) });
    expect(() => listChapters(root)).toThrow('b: PORT=3000 is already used by a (PORT)');
  });

  it('names the chapters that share an order', () => {
    const root = fakeRepo({ a: meta(1, 3000), b: meta(1, 3001) });
    expect(() => listChapters(root)).toThrow('b: order 1 is already used by a');
  });

  it('findChapter lists the known chapters when the name is wrong', () => {
    const root = fakeRepo({ a: meta(1, 3000) });
    expect(() => findChapter('zz', root)).toThrow('no chapter "zz". Chapters: a');
    expect(findChapter('@course/a', root).name).toBe('a');
  });
});

describe('metadataProblems', () => {
  it('accepts the documented shape', () => {
    expect(metadataProblems({ ...meta(1, 2000), ports: { PORT: 2000, TCP_PORT: 4000 } })).toEqual(
      [],
    );
  });

  it('names every problem', () => {
    expect(metadataProblems({ order: 0, title: '', ports: { HTTP: 80 } })).toEqual([
      '"course.order" must be a positive integer',
      '"course.title" must be a non-empty string',
      '"course.ko.title" must be a non-empty string (the title in Korean)',
      '"course.summary" must be a non-empty string',
      '"course.ko.summary" must be a non-empty string (the summary in Korean)',
      '"course.ports" must have PORT',
      '"course.ports.HTTP" must be an env var name ending in PORT',
      '"course.ports.HTTP" must be a port from 1024 to 65535',
    ]);
    expect(metadataProblems('x')).toEqual(['"course" must be an object']);
  });
});

describe('README chapter table', () => {
  it('renders one row per chapter with its extra ports', () => {
    const root = fakeRepo({ tcp: { ...meta(1, 4100), ports: { PORT: 4100, TCP_PORT: 4000 } } });
    expect(renderChapterTable(listChapters(root))).toContain(
      '| 1 | [T1](apps/tcp/README.md) | `pnpm lesson tcp` | 4100, TCP_PORT 4000 | S |',
    );
  });

  it('refuses a README without the markers', () => {
    expect(() => withChapterTable('# no markers', [])).toThrow('chapters:start');
  });
});

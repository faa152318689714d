import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkChapters,
  README_SECTIONS,
  README_SECTIONS_KO,
  readmeProblems,
} from '../src/check.ts';
import { findRepoRoot } from '../src/index.ts';

/** Writes `files` (path → content) under a fresh repo root. */
function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-'));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: [apps/*]\n');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const manifest = (
  name: string,
  order: number,
  PORT: number,
  scripts = ['dev', 'build', 'typecheck', 'start', 'test'],
) =>
  JSON.stringify({
    name: `@course/${name}`,
    scripts: Object.fromEntries(scripts.map((s) => [s, 'true'])),
    course: {
      order,
      title: name,
      summary: 's',
      ko: { title: name, summary: '요약' },
      ports: { PORT },
    },
  });

const fullReadme = `# x\n\n**Prerequisites:** none · **Time:** 5 minutes\n\n${README_SECTIONS.map((s) => `## ${s}\n\ntext\n`).join('\n')}`;
const fullReadmeKo = `# x\n\n**선수 지식:** 없음 · **소요 시간:** 5분\n\n${README_SECTIONS_KO.map((s) => `## ${s}\n\n내용\n`).join('\n')}`;

/** A chapter with every piece in place. */
const complete = (name: string, order: number, PORT: number) => ({
  [`apps/${name}/package.json`]: manifest(name, order, PORT),
  [`apps/${name}/README.md`]: fullReadme,
  [`apps/${name}/README.ko.md`]: fullReadmeKo,
  [`apps/${name}/server/app.ts`]: 'export default {};\n',
  [`apps/${name}/test/app.test.ts`]: '',
  [`apps/${name}/e2e/page.spec.ts`]: '',
});

describe('checkChapters', () => {
  it('passes the real course', () => {
    expect(checkChapters(findRepoRoot())).toEqual([]);
  });

  it('passes a complete chapter', () => {
    expect(checkChapters(repoWith(complete('good', 1, 5000)))).toEqual([]);
  });

  it('names each missing piece of a chapter', () => {
    const root = repoWith({
      ...complete('good', 1, 5000),
      'apps/bare/package.json': manifest('bare', 2, 5100, ['dev', 'build']),
      'apps/bare/README.md': '# Bare\n\n**Time:** 1 minute\n\n## Try it\n\n## How it works\n',
    });
    expect(checkChapters(root)).toEqual([
      'apps/bare: package.json has no "typecheck" script',
      'apps/bare: package.json has no "start" script',
      'apps/bare: package.json has no "test" script',
      `apps/bare: README.md has no "## What you'll see" section`,
      `apps/bare: README.md has no "## The lecture's examples" section`,
      'apps/bare: README.md has no "## Pitfalls" section',
      'apps/bare: README.md has no "## Beyond the lecture" section',
      'apps/bare: README.md has no "## Learn more" section',
      "apps/bare: README.md's opening (before the first ##) has no **Prerequisites:** line",
      'apps/bare: README.ko.md is missing',
      'apps/bare: server/app.ts (the chapter: export default defineChapter(…)) is missing',
      'apps/bare: no integration tests (test/*.test.ts)',
      'apps/bare: no e2e spec (e2e/*.spec.ts)',
    ]);
  });

  it('names lesson sections out of order', () => {
    const [first, second, ...rest] = README_SECTIONS;
    const swapped = [second, first, ...rest];
    const text = `# x\n\n**Prerequisites:** none · **Time:** 5 minutes\n\n${swapped.map((s) => `## ${s}\n`).join('\n')}`;
    expect(readmeProblems(text)).toEqual([
      `README.md's sections are out of order: want ${README_SECTIONS.join(', ')}`,
    ]);
  });

  it('names lines that speak of the workshop instead of the lesson', () => {
    const text = `${fullReadme}\nThe issue's checks pass.\nSee e2e/lecture.spec.ts.\n`;
    const lines = text.split('\n');
    const at = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;
    expect(readmeProblems(text)).toEqual([
      `README.md:${at("issue's")} speaks of issues or tickets: "The issue's checks pass."`,
      `README.md:${at('lecture.spec')} names a test file: "See e2e/lecture.spec.ts."`,
    ]);
  });

  it('checks the Korean lesson text the same way, with its own section names', () => {
    const text = fullReadmeKo.replace('## 함정', '## Pitfalls').replace('**소요 시간:**', '');
    expect(readmeProblems(text, 'ko')).toEqual([
      'README.ko.md has no "## 함정" section',
      "README.ko.md's opening (before the first ##) has no **소요 시간:** line",
    ]);
    expect(readmeProblems(`${fullReadmeKo}\n이 이슈에서 고쳤습니다.\n`, 'ko')).toEqual([
      `README.ko.md:${fullReadmeKo.split('\n').length + 1} speaks of issues or tickets: "이 이슈에서 고쳤습니다."`,
    ]);
  });

  it('names a chapter without its Korean lesson text', () => {
    const files = complete('nokorean', 1, 5000);
    delete files['apps/nokorean/README.ko.md'];
    expect(checkChapters(repoWith(files))).toEqual(['apps/nokorean: README.ko.md is missing']);
  });

  it('names a chapter without a README', () => {
    const files = complete('nodoc', 1, 5000);
    delete files['apps/nodoc/README.md'];
    expect(checkChapters(repoWith(files))).toEqual(['apps/nodoc: README.md is missing']);
  });

  it('names chapters whose ports clash or whose metadata is invalid', () => {
    const root = repoWith({
      ...complete('first', 1, 5000),
      ...complete('second', 2, 5000),
      'apps/broken/package.json': JSON.stringify({ name: '@course/broken', course: { order: 3 } }),
    });
    const [message] = checkChapters(root);
    expect(message).toContain('apps/broken: "course.title" must be a non-empty string');
    expect(message).toContain('second: PORT=5000 is already used by first (PORT)');
  });

  it('leaves what server/app.ts exports to the load check (pnpm check:chapters loads it)', () => {
    const files = complete('alt', 1, 5000);
    files['apps/alt/server/app.ts'] = 'export default 42;\n';
    expect(checkChapters(repoWith(files))).toEqual([]);
  });
});

// The generator, end to end: copy the repo, run `pnpm new-chapter demo-chapter`
// there, and check that the new chapter builds, passes its own integration
// tests, its e2e spec and the chapter check, and shows up in the hub's list.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findChapter, findRepoRoot, listChapters } from '@course/chapters';
import { chapterExercises, type Exercise, exerciseProblems } from '@course/chapters/exercises';
import { createApp as createHub } from '@course/hub/server';
import { runCheck } from '@course/kit/run-check';
import { listening } from '@course/kit/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextChapterSlot } from '../next-slot.ts';

const source = findRepoRoot();
let copy: string;

// The copy is a working tree, not CI: its lockfile may change when a chapter is added.
const env = { ...process.env };
delete env.CI;
delete env.E2E_CHAPTERS;

/** Runs pnpm in the copy; returns its output, or throws with it. */
function pnpm(...args: string[]): string {
  try {
    return execFileSync('pnpm', args, { cwd: copy, encoding: 'utf8', stdio: 'pipe', env });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`pnpm ${args.join(' ')} failed:\n${stdout}\n${stderr}`);
  }
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'new-chapter-'));
  // The repo as committed (tracked files, as they are in the working tree).
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: source, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of tracked) {
    if (!existsSync(join(source, file))) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(source, file), join(copy, file));
  }
  pnpm('install', '--offline', '--no-frozen-lockfile');
  // A commit in the copy, so the test can see exactly what the generator changed.
  const git = (...args: string[]) => execFileSync('git', args, { cwd: copy, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@localhost', 'commit', '-qm', 'copy');
}, 180_000);

// The copy holds a whole install: removing it takes a while on a busy machine.
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
}, 120_000);

describe('pnpm new-chapter demo-chapter', () => {
  it('writes a chapter with the next order and the next free port', () => {
    const before = listChapters(copy);
    const expected = nextChapterSlot(before);
    const output = pnpm('new-chapter', 'demo-chapter');
    expect(output).toContain(`apps/demo-chapter: order ${expected.order}, PORT ${expected.port}`);
    const pkg = JSON.parse(readFileSync(join(copy, 'apps/demo-chapter/package.json'), 'utf8'));
    expect(pkg.name).toBe('@course/demo-chapter');
    expect(pkg.course).toMatchObject({ order: expected.order, ports: { PORT: expected.port } });
    expect(existsSync(join(copy, 'apps/demo-chapter/e2e/lecture.spec.ts'))).toBe(true);
    expect(readFileSync(join(copy, 'README.md'), 'utf8')).toContain('`pnpm lesson demo-chapter`');
  });

  it('refuses a name that is not kebab-case, or one that exists', () => {
    expect(() => pnpm('new-chapter', 'Bad_Name')).toThrow(
      /lower-case letters, digits and single dashes/,
    );
    expect(() => pnpm('new-chapter', 'demo-chapter')).toThrow(/exists already/);
  });

  it('builds, passes its tests, its e2e spec and the chapter check', () => {
    pnpm('--filter', '@course/demo-chapter', 'build');
    // Its own 4, and for its two skeleton exercises: at least two, each check passing on its solution and failing on its problem.
    expect(pnpm('--filter', '@course/demo-chapter', 'test')).toMatch(/Tests\s+.*9 passed/);
    expect(pnpm('check:chapters')).toContain('Chapter check passed');
    expect(() =>
      pnpm('exec', 'biome', 'ci', '--error-on-warnings', 'apps/demo-chapter'),
    ).not.toThrow();
    // Its lecture spec in English and in Korean.
    expect(pnpm('e2e', 'demo-chapter')).toMatch(/6 passed/);
  });

  it('shows up in the hub, with no list edited by hand', async () => {
    const hub = await listening(createServer(createHub({ root: copy })));
    try {
      const cards = (await (await fetch(`${hub.url}/api/chapters`)).json()) as { name: string }[];
      expect(cards.map((card) => card.name).at(-1)).toBe('demo-chapter');
    } finally {
      await hub.close();
    }
    // Besides the new folders, only generated files changed: the README table and the lockfile.
    const changed = execFileSync('git', ['status', '--porcelain'], { cwd: copy, encoding: 'utf8' })
      .trimEnd()
      .split('\n')
      .map((line) => line.slice(3));
    expect(changed.sort()).toEqual(
      ['README.ko.md', 'README.md', 'apps/demo-chapter/', 'pnpm-lock.yaml'].sort(),
    );
  });
});

describe('pnpm new-exercise xhr demo-exercise', () => {
  it('writes the next exercise of the chapter, whose check passes on its solution and fails on its problem', async () => {
    const xhr = findChapter('xhr', copy);
    const before = chapterExercises(xhr).length;
    const output = pnpm('new-exercise', 'xhr', 'demo-exercise');
    const exercises = chapterExercises(xhr);
    expect(exercises).toHaveLength(before + 1);
    const created = exercises.at(-1) as Exercise;
    expect(created).toMatchObject({ number: before + 1, slug: 'demo-exercise' });
    expect(output).toContain(`pnpm practice xhr ${before + 1}`);
    expect(exerciseProblems(created)).toEqual([]);
    expect(pnpm('check:chapters')).toContain('Chapter check passed');
    expect((await runCheck(created, 'solution')).passed).toBe(true);
    const problem = await runCheck(created, 'problem');
    expect(problem.steps.map((step) => step.passed)).toEqual([true, false]);
  });

  it('refuses a chapter that does not exist, or a slug the chapter has', () => {
    expect(() => pnpm('new-exercise', 'no-such-chapter', 'x')).toThrow(
      /no chapter "no-such-chapter"/,
    );
    expect(() => pnpm('new-exercise', 'xhr', 'demo-exercise')).toThrow(/No exercise was created/);
  });
});

describe('nextChapterSlot', () => {
  const chapter = (order: number, ports: Record<string, number>) =>
    ({
      name: `c${order}`,
      packageName: '',
      dir: '',
      course: { order, title: '', summary: '', ports },
    }) as never;

  it('takes the next order and the next hundred above every port', () => {
    expect(
      nextChapterSlot([chapter(1, { PORT: 2000 }), chapter(2, { PORT: 4100, TCP_PORT: 4001 })]),
    ).toEqual({
      order: 3,
      port: 4200,
    });
  });

  it('starts at 2000 for an empty course', () => {
    expect(nextChapterSlot([])).toEqual({ order: 1, port: 2000 });
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkChapters } from '../src/check.ts';
import {
  chapterExercises,
  exerciseProblems,
  exerciseStatus,
  findExercise,
  listExercises,
  progressFile,
  readProgress,
  recordProgress,
} from '../src/exercises.ts';
import { listChapters } from '../src/index.ts';

/** A repo with one chapter, `demo`, and `files` (path → content) under it. */
function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'exercises-'));
  const all: Record<string, string> = {
    'pnpm-workspace.yaml': 'packages: [apps/*]\n',
    'apps/demo/package.json': JSON.stringify({
      name: '@course/demo',
      course: {
        order: 1,
        title: 'Demo',
        summary: 's',
        ko: { title: '데모', summary: '요약' },
        ports: { PORT: 5000 },
      },
    }),
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Every part of an exercise, under apps/demo/exercises/<folder>/. */
const complete = (folder: string, title: string) => ({
  [`apps/demo/exercises/${folder}/README.md`]: `# ${title}\n\nTask.\n\n## Hints\n`,
  [`apps/demo/exercises/${folder}/README.ko.md`]: `# ${title}\n\n과제.\n\n## 힌트\n`,
  [`apps/demo/exercises/${folder}/check.test.ts`]: '',
  [`apps/demo/exercises/${folder}/problem/server.ts`]: '',
  [`apps/demo/exercises/${folder}/solution/server.ts`]: '',
});

describe('exercises on disk', () => {
  it('finds each chapter exercise by its NN-slug folder, in number order, titled by its README', () => {
    const root = repoWith({
      ...complete('02-second', 'The second'),
      ...complete('01-first', 'The first'),
      'apps/demo/exercises/notes/README.md': '# not an exercise folder\n',
    });
    const found = listExercises(root).map(({ id, number, slug, title }) => ({
      id,
      number,
      slug,
      title,
    }));
    expect(found).toEqual([
      { id: 'demo/01-first', number: 1, slug: 'first', title: 'The first' },
      { id: 'demo/02-second', number: 2, slug: 'second', title: 'The second' },
    ]);
    expect(findExercise('demo', 2, root).slug).toBe('second');
    expect(findExercise('1', 1, root).slug).toBe('first');
    expect(() => findExercise('demo', 3, root)).toThrow(
      'demo has no exercise 3. Its exercises: 1 (first), 2 (second)',
    );
    expect(() => findExercise('nope', 1, root)).toThrow('no chapter "nope". Chapters: demo');
  });

  it('names every missing part of an exercise, and the chapter check reports them', () => {
    const root = repoWith({
      'apps/demo/exercises/01-bare/README.md': 'no title, no hints\n',
      'apps/demo/exercises/01-bare/problem/page.ts': '',
    });
    const [bare] = chapterExercises(listChapters(root)[0] as never);
    expect(exerciseProblems(bare as never)).toEqual([
      'check.test.ts is missing',
      'solution/ is missing or empty',
      'README.md has no "# " title',
      'README.md has no "## Hints" section',
      'README.ko.md is missing',
    ]);
    expect(checkChapters(root)).toContain('apps/demo: exercises/01-bare: check.test.ts is missing');
  });

  it('names a Korean task without its title or its 힌트 section', () => {
    const root = repoWith({
      ...complete('01-first', 'The first'),
      'apps/demo/exercises/01-first/README.ko.md': '제목 없음\n\n## Hints\n',
    });
    const [first] = chapterExercises(listChapters(root)[0] as never);
    expect(exerciseProblems(first as never)).toEqual([
      'README.ko.md has no "# " title',
      'README.ko.md has no "## 힌트" section',
    ]);
  });
});

describe('progress', () => {
  it('is "not started" with no file, and keeps what recordProgress wrote', () => {
    const root = repoWith(complete('01-first', 'The first'));
    const file = progressFile(root, {});
    expect(file).toBe(join(root, '.course', 'progress.json'));
    const [exercise] = listExercises(root);
    expect(exerciseStatus(exercise as never, readProgress(file))).toBe('not started');
    recordProgress(
      'demo/01-first',
      { status: 'passed', at: 'now', passedSteps: 2, totalSteps: 2 },
      file,
    );
    expect(exerciseStatus(exercise as never, readProgress(file))).toBe('passed');
    expect(readProgress(file)['demo/01-first']).toMatchObject({ passedSteps: 2, totalSteps: 2 });
  });

  it('reads COURSE_PROGRESS_FILE when set, and a broken file as no progress', () => {
    const root = repoWith({});
    const file = join(root, 'elsewhere.json');
    expect(progressFile(root, { COURSE_PROGRESS_FILE: file })).toBe(file);
    writeFileSync(file, '{ not json');
    expect(readProgress(file)).toEqual({});
  });
});

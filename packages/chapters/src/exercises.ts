// Exercises: each chapter's `exercises/NN-<slug>/` folders, found on disk (no
// list to edit), and the learner's progress, kept in one git-ignored file.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { type Chapter, findRepoRoot, listChapters } from './index.ts';

/** The folders an exercise runs from: the starting point, the answer, and the learner's copy. */
export const VARIANTS = ['problem', 'solution', 'work'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The parts every exercise has, beside its `problem/` and `solution/` folders. */
export const EXERCISE_FILES = ['README.md', 'check.test.ts'] as const;

/** An exercise folder's name: two digits, a dash, a kebab-case slug. */
export const EXERCISE_FOLDER = /^(\d{2})-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/;

/** One exercise of one chapter. */
export interface Exercise {
  chapter: Chapter;
  /** 1-based, from the folder name (`01-loading-state` → 1). */
  number: number;
  /** `loading-state`. */
  slug: string;
  /** `xhr/01-loading-state`: the key in the progress file and in the hub's URLs. */
  id: string;
  /** Absolute path of the exercise folder. */
  dir: string;
  /** The README's first heading. */
  title: string;
  /** README.ko.md's first heading: the title in Korean (the English one until it exists). */
  titleKo: string;
}

/** The first `# ` heading of `file`, if the file exists and has one. */
function firstHeading(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .match(/^# (.+)$/m)?.[1]
    ?.trim();
}

/** The folder of one variant: `problem/`, `solution/` or the learner's `work/`. */
export function variantDir(exercise: Exercise, variant: Variant): string {
  return join(exercise.dir, variant);
}

/** The exercises of `chapter`, by number; an empty list when it has none. */
export function chapterExercises(chapter: Chapter): Exercise[] {
  const root = join(chapter.dir, 'exercises');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && EXERCISE_FOLDER.test(entry.name))
    .map((entry) => {
      const [, number, slug] = EXERCISE_FOLDER.exec(entry.name) as unknown as [
        string,
        string,
        string,
      ];
      const dir = join(root, entry.name);
      const title = firstHeading(join(dir, 'README.md')) ?? slug;
      return {
        chapter,
        number: Number(number),
        slug,
        id: `${chapter.name}/${entry.name}`,
        dir,
        title,
        titleKo: firstHeading(join(dir, 'README.ko.md')) ?? title,
      };
    })
    .sort((a, b) => a.number - b.number);
}

/** Every exercise of every chapter, in course order. */
export function listExercises(root = findRepoRoot()): Exercise[] {
  return listChapters(root).flatMap(chapterExercises);
}

/**
 * The exercise `number` of the chapter named `chapterName` (or numbered, `3`),
 * or an error that says which exercises there are.
 */
export function findExercise(chapterName: string, number: number, root = findRepoRoot()): Exercise {
  const chapters = listChapters(root);
  const chapter = /^\d+$/.test(chapterName)
    ? chapters.find((c) => c.course.order === Number(chapterName))
    : chapters.find((c) => c.name === chapterName);
  if (!chapter)
    throw new Error(
      `no chapter "${chapterName}". Chapters: ${chapters.map((c) => c.name).join(', ')}`,
    );
  const exercises = chapterExercises(chapter);
  const exercise = exercises.find((e) => e.number === number);
  if (!exercise) {
    const known = exercises.map((e) => `${e.number} (${e.slug})`).join(', ') || 'none yet';
    throw new Error(`${chapter.name} has no exercise ${number}. Its exercises: ${known}`);
  }
  return exercise;
}

/** What an exercise is missing, as sentences; empty when it has every part. */
export function exerciseProblems(exercise: Exercise): string[] {
  const problems: string[] = [];
  for (const file of EXERCISE_FILES) {
    if (!existsSync(join(exercise.dir, file))) problems.push(`${file} is missing`);
  }
  for (const variant of ['problem', 'solution'] as const) {
    const dir = variantDir(exercise, variant);
    if (!existsSync(dir) || readdirSync(dir).length === 0)
      problems.push(`${variant}/ is missing or empty`);
  }
  const readme = join(exercise.dir, 'README.md');
  if (existsSync(readme)) {
    const text = readFileSync(readme, 'utf8');
    if (!/^# .+/m.test(text)) problems.push('README.md has no "# " title');
    if (!/^## Hints$/m.test(text)) problems.push('README.md has no "## Hints" section');
  }
  // The same task in Korean, beside it.
  const readmeKo = join(exercise.dir, 'README.ko.md');
  if (!existsSync(readmeKo)) problems.push('README.ko.md is missing');
  else {
    const text = readFileSync(readmeKo, 'utf8');
    if (!/^# .+/m.test(text)) problems.push('README.ko.md has no "# " title');
    if (!/^## 힌트$/m.test(text)) problems.push('README.ko.md has no "## 힌트" section');
  }
  return problems;
}

/** Where a learner stands on one exercise. */
export type ExerciseStatus = 'not started' | 'in progress' | 'passed';

/** One entry of the progress file. */
export interface ProgressEntry {
  status: Exclude<ExerciseStatus, 'not started'>;
  /** ISO time of the last check (or of the start). */
  at: string;
  /** Steps of the last check that passed, out of how many. */
  passedSteps?: number;
  totalSteps?: number;
}

/** The progress file: exercise id → entry. */
export type Progress = Record<string, ProgressEntry>;

/** The learner's progress file: `COURSE_PROGRESS_FILE`, or `.course/progress.json` at the repo root (git-ignored). */
export function progressFile(root = findRepoRoot(), env = process.env): string {
  return env.COURSE_PROGRESS_FILE || join(root, '.course', 'progress.json');
}

/** The learner's progress; empty when there is none yet or the file is unreadable. */
export function readProgress(file = progressFile()): Progress {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Progress) : {};
  } catch {
    return {};
  }
}

/** Records `entry` for `id`, replacing the file in one step so a reader never sees half of it. */
export function recordProgress(id: string, entry: ProgressEntry, file = progressFile()): void {
  const progress = { ...readProgress(file), [id]: entry };
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(progress, null, 2)}\n`);
  renameSync(temporary, file);
}

/** An exercise's status: passed or in progress from the file, else "not started". */
export function exerciseStatus(exercise: Exercise, progress: Progress): ExerciseStatus {
  return progress[exercise.id]?.status ?? 'not started';
}

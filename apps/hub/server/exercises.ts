// The exercises, as the hub shows them: every `apps/<chapter>/exercises/NN-<slug>/` found on disk
// (on every call, so a new one shows up by existing), each with the learner's progress from the
// one progress file that `pnpm practice` writes. And a feed that tells the live stream's clients
// when that file changes: one check of the file a second, shared by every client, running only
// while at least one client listens.
import { statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type Chapter, listChapters } from '@course/chapters';
import {
  chapterExercises,
  type Exercise,
  type ExerciseStatus,
  listExercises,
  type Progress,
  readProgress,
} from '@course/chapters/exercises';
import * as v from 'valibot';

/** What the page gets for each exercise. */
export interface ExerciseCard {
  /** `xhr/01-loading-state`: the exercise's key in the progress file. */
  id: string;
  /** The chapter's name, `xhr`. */
  chapter: string;
  /** 1-based: `/chapters/xhr/exercises/1`, `pnpm practice xhr 1`. */
  number: number;
  slug: string;
  /** The README's first heading. */
  title: string;
  /** README.ko.md's first heading. */
  titleKo: string;
  status: ExerciseStatus;
  /** Steps of the last check that passed, out of how many (both or neither, when the check said). */
  passedSteps?: number;
  totalSteps?: number;
  /** The command that starts it: `pnpm practice xhr 1`. */
  command: string;
  /** Its README, relative to the repository root: `apps/xhr/exercises/01-loading-state/README.md`. */
  readme: string;
}

/** The part of a progress entry the hub reads: anything else makes the entry "not started". */
const Entry = v.object({ status: v.picklist(['in progress', 'passed']) });
const Steps = v.pipe(
  v.object({
    passedSteps: v.pipe(v.number(), v.integer(), v.minValue(0)),
    totalSteps: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  v.check(({ passedSteps, totalSteps }) => passedSteps <= totalSteps),
);

/** One exercise with the learner's progress on it; an entry the hub cannot read counts as not started. */
export function exerciseCard(root: string, exercise: Exercise, progress: Progress): ExerciseCard {
  const entry: unknown = Object.hasOwn(progress, exercise.id) ? progress[exercise.id] : undefined;
  const status = v.is(Entry, entry) ? entry.status : 'not started';
  const steps = status !== 'not started' && v.is(Steps, entry) ? entry : undefined;
  return {
    id: exercise.id,
    chapter: exercise.chapter.name,
    number: exercise.number,
    slug: exercise.slug,
    title: exercise.title,
    titleKo: exercise.titleKo,
    status,
    ...(steps && { passedSteps: steps.passedSteps, totalSteps: steps.totalSteps }),
    command: `pnpm practice ${exercise.chapter.name} ${exercise.number}`,
    readme: relative(root, join(exercise.dir, 'README.md')).split(sep).join('/'),
  };
}

/** Every exercise of the course, in course order, with the progress in `file` (none when it is missing or broken). */
export function exerciseCards(root: string, file: string): ExerciseCard[] {
  const progress = readProgress(file);
  return listExercises(root).map((exercise) => exerciseCard(root, exercise, progress));
}

/** Exercise `number` of the chapter named `name`, or a sentence saying what there is instead. */
export function lookupExercise(
  root: string,
  name: string,
  number: string,
): { chapter: Chapter; exercise: Exercise } | { missing: string } {
  const chapter = listChapters(root).find((each) => each.name === name);
  if (!chapter) return { missing: `There is no chapter named "${name}".` };
  const exercises = chapterExercises(chapter);
  const exercise = /^\d{1,3}$/.test(number)
    ? exercises.find((each) => each.number === Number(number))
    : undefined;
  if (!exercise) {
    const known = exercises.map((each) => `${each.number} (${each.title})`).join(', ');
    return {
      missing: `${chapter.course.title} has no exercise "${number}". ${known ? `Its exercises: ${known}.` : 'It has no exercises yet.'}`,
    };
  }
  return { chapter, exercise };
}

/** Tells its subscribers when the progress file changes. */
export interface ProgressFeed {
  /** Calls `onChange` after each change of the file; returns the function that stops it. */
  subscribe(onChange: () => void): () => void;
  /** Whether its timer runs: only while someone is subscribed. */
  readonly watching: boolean;
}

/**
 * Watches the progress `file` with one `stat` every `intervalMs`, for all subscribers at once: a
 * change of its inode, size or modification time (or the file appearing or going) is a change.
 * The timer runs only while someone is subscribed. A stat rather than `fs.watch`: the file may not
 * exist yet, and `pnpm practice` replaces it with a rename, which a watch on the old file misses.
 */
export function progressFeed(file: string, intervalMs: number): ProgressFeed {
  const listeners = new Set<() => void>();
  let timer: NodeJS.Timeout | undefined;
  let last = '';

  /** The file's identity and version: `missing` when there is none. */
  const signature = () => {
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}` : 'missing';
  };
  // One check for every subscriber: tell them all when the file is not as it was.
  const tick = () => {
    const now = signature();
    if (now === last) return;
    last = now;
    for (const listener of listeners) listener();
  };

  return {
    get watching() {
      return timer !== undefined;
    },
    subscribe(onChange) {
      listeners.add(onChange);
      if (timer === undefined) {
        // Taken now, before the subscriber reads the file, so no change falls between the two.
        last = signature();
        timer = setInterval(tick, intervalMs);
        // The feed never keeps the process alive on its own.
        timer.unref();
      }
      return () => {
        listeners.delete(onChange);
        if (listeners.size > 0) return;
        clearInterval(timer);
        timer = undefined;
      };
    },
  };
}

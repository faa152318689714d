// What an exercise's check.test.ts imports: the exercise it checks, started on
// free ports in the variant under check (the learner's work/, or problem/ and
// solution/ when CI proves the check can fail and can pass).
import { existsSync } from 'node:fs';
import { VARIANTS, type Variant, variantDir } from '@course/chapters/exercises';
import { exerciseAt, startExercise } from './exercise.ts';
import { type Both, type Lang, terminalLang } from './i18n.ts';
import type { RunningChapter } from './serve.ts';

/** The variant a check runs against: `EXERCISE_VARIANT`, else work/ when the learner has one, else problem/. */
export function variantUnderCheck(dir: string, env: NodeJS.ProcessEnv = process.env): Variant {
  const named = env.EXERCISE_VARIANT;
  if (named) {
    if (!(VARIANTS as readonly string[]).includes(named))
      throw new Error(`EXERCISE_VARIANT=${named}: use one of ${VARIANTS.join(', ')}`);
    return named as Variant;
  }
  return existsSync(variantDir(exerciseAt(dir), 'work')) ? 'work' : 'problem';
}

/**
 * Starts the exercise whose folder is `dir` (pass `import.meta.dirname`) in the
 * variant under check, every port free, with `env` for its tunables. Close it after.
 */
export function startUnderCheck(
  dir: string,
  env: Record<string, string> = {},
): Promise<RunningChapter> {
  const exercise = exerciseAt(dir);
  return startExercise(exercise, variantUnderCheck(dir), {
    anyPort: true,
    env: { ...process.env, ...env },
    log: () => {},
  });
}

/** The learner's language, from the terminal (`COURSE_LANG`, `LC_ALL`, `LANG`): the language of a check's steps. */
export const checkLang: Lang = terminalLang();

/** A step's name or a message in the learner's language: `it(say({ en: '…', ko: '…' }), …)`. */
export function say(text: Both): string {
  return text[checkLang];
}

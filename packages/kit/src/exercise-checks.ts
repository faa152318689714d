// A chapter's proof that its exercises' checks work (its test/exercises.test.ts):
// each check passes against the solution and fails against the problem. A check
// that passes on the problem could never tell a learner anything.
import { chapterExercises } from '@course/chapters/exercises';
import { describe, expect, it } from 'vitest';
import { type CheckResult, runCheck } from './run-check.ts';
import { chapterAt } from './serve.ts';

/** What a check reported, step by step, for a failed expectation's message. */
function report(result: CheckResult): string {
  if (result.steps.length === 0) return `no step ran:\n${result.output ?? ''}`;
  return result.steps
    .map(
      (step) =>
        `${step.passed ? '✓' : '✗'} ${step.title}${step.message ? `\n    ${step.message}` : ''}`,
    )
    .join('\n');
}

/** Declares, for every exercise of the chapter in `chapterDir`, that its check passes on solution/ and fails on problem/. */
export function checkEveryExercise(chapterDir: string): void {
  const exercises = chapterExercises(chapterAt(chapterDir));

  it('has at least two exercises (add one with `pnpm new-exercise <chapter> <slug>`)', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(2);
  });

  for (const exercise of exercises) {
    describe(exercise.id, () => {
      it('its check passes against the solution', { timeout: 180_000 }, async () => {
        const result = await runCheck(exercise, 'solution');
        expect(result.passed, report(result)).toBe(true);
      });

      it('its check fails against the problem, on a step, not on a crash', {
        timeout: 180_000,
      }, async () => {
        const result = await runCheck(exercise, 'problem');
        expect(result.steps.length, report(result)).toBeGreaterThan(0);
        expect(result.passed, report(result)).toBe(false);
      });
    });
  }
}

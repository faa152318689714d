// Runs an exercise's check (its check.test.ts, with vitest) against one variant
// and reports each step: what `pnpm practice` prints and CI asserts.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { Exercise, Variant } from '@course/chapters/exercises';
import { say } from './terminal-messages.ts';

/** One `it()` of a check: its name, whether it passed, and the first lines of why not. */
export interface CheckStep {
  title: string;
  passed: boolean;
  message?: string;
}

/** A check's outcome: passed when it ran at least one step and every step passed. */
export interface CheckResult {
  passed: boolean;
  steps: CheckStep[];
  /** The runner's own output when no step ran (a syntax error, an import that failed). */
  output?: string;
}

const KIT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VITEST = join(
  dirname(fileURLToPath(import.meta.resolve('vitest/package.json'))),
  'vitest.mjs',
);

/** The learner-facing part of a failure: the message, without vitest's stack and diff noise. */
function firstLines(failure: string): string {
  const lines = failure.split('\n');
  const stack = lines.findIndex((line) => /^\s+at /.test(line));
  return (stack === -1 ? lines : lines.slice(0, stack))
    .filter((line) => line.trim() !== '')
    .slice(0, 6)
    .join('\n')
    .replace(/^AssertionError: /, '');
}

/** The first error vitest reports outside the steps ("Unhandled Errors"), in a few lines. */
function uncaught(output: string): string | undefined {
  const plain = stripVTControlCharacters(output);
  const start = plain.indexOf('Unhandled');
  if (start === -1) return undefined;
  const lines = plain
    .slice(start)
    .split('\n')
    .filter((line) => /\w/.test(line) && !/⎯|^\s*(at |❯)/.test(line));
  return lines.slice(0, 4).join('\n');
}

/** Runs `exercise`'s check against `variant` in a child process; resolves with every step. */
export function runCheck(
  exercise: Exercise,
  variant: Variant,
  options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {},
): Promise<CheckResult> {
  const out = mkdtempSync(join(tmpdir(), 'course-check-'));
  const report = join(out, 'report.json');
  const child = spawn(
    process.execPath,
    [
      VITEST,
      'run',
      '--root',
      exercise.dir,
      '--config',
      join(KIT, 'exercise-check.config.js'),
      '--reporter=json',
      '--reporter=default',
      `--outputFile=${report}`,
    ],
    {
      cwd: exercise.dir,
      env: { ...process.env, ...options.env, EXERCISE_VARIANT: variant, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      rmSync(out, { recursive: true, force: true });
      reject(error);
    });
    child.once('close', (code) => {
      let steps: CheckStep[] = [];
      try {
        const json = JSON.parse(readFileSync(report, 'utf8')) as {
          testResults: {
            assertionResults: { title: string; status: string; failureMessages: string[] }[];
          }[];
        };
        steps = json.testResults.flatMap((file) =>
          file.assertionResults.map((step) => ({
            title: step.title,
            passed: step.status === 'passed',
            ...(step.status === 'passed'
              ? {}
              : { message: firstLines(step.failureMessages.join('\n') || step.status) }),
          })),
        );
      } catch {
        // No report: the check could not run at all; its output says why.
      }
      rmSync(out, { recursive: true, force: true });
      // Every step passed, yet the run failed: an error escaped the steps (a server that threw).
      if (steps.length > 0 && steps.every((step) => step.passed) && code !== 0)
        steps.push({
          title: say.runsWithoutUncaught,
          passed: false,
          message: uncaught(output) ?? say.checkEndedWith(code),
        });
      const passed = steps.length > 0 && steps.every((step) => step.passed);
      resolve({ passed, steps, ...(steps.length === 0 ? { output: output.trim() } : {}) });
    });
  });
}

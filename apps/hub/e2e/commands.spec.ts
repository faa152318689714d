import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot, isListening } from '@course/chapters';
import { findExercise, variantDir } from '@course/chapters/exercises';
import { ownPort } from '@course/e2e/ports';
import { type ServerProcess, startChapterServer } from '@course/e2e/server-process';
import { expect, test } from '@playwright/test';

// The course's terminal commands, run as a learner runs them: `pnpm lesson` and `pnpm practice`,
// each in a process group of its own so that an interrupt reaches it as a terminal's Ctrl-C does.

const root = findRepoRoot();

/** A command running as if in a terminal: what it printed so far, and how it ended. */
interface Terminal {
  output(): string;
  /** Waits until the output matches `pattern`. */
  waitFor(pattern: RegExp, timeout?: number): Promise<void>;
  /** Ctrl-C: SIGINT to the whole process group. */
  interrupt(): void;
  exited: Promise<number | null>;
  child: ChildProcess;
}

/** Runs `pnpm <args>` at the repository's root with `env` added. */
function run(args: string[], env: Record<string, string>): Terminal {
  let output = '';
  const child = spawn('pnpm', args, {
    cwd: root,
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    output: () => output,
    waitFor: (pattern, timeout = 90_000) =>
      expect.poll(() => output, { timeout, message: `waiting for ${pattern}` }).toMatch(pattern),
    interrupt: () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGINT');
    },
    exited,
  };
}

/** Stops a terminal's whole process group if a test left it running. */
function kill(terminal: Terminal | undefined): void {
  if (terminal?.child.pid && terminal.child.exitCode === null) {
    try {
      process.kill(-terminal.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** The processes still running in a terminal's process group (none once everything stopped). */
function leftInGroup(terminal: Terminal): string[] {
  try {
    return execFileSync('pgrep', ['-g', String(terminal.child.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when no process matches.
  }
}

/** What `/__course` on `port` says it is, or undefined when nothing answers. */
async function identity(port: number): Promise<{ name: string; dev: boolean } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/__course`);
    return (await res.json()) as { name: string; dev: boolean };
  } catch {
    return undefined;
  }
}

test('pnpm lesson 3 runs the third chapter in dev mode; Ctrl-C stops it with exit 0 and no error', async () => {
  test.setTimeout(150_000);
  const port = ownPort('ws-echo') + 30;
  const lesson = run(['lesson', '3', '--no-hub'], { PORT: String(port) });
  try {
    await lesson.waitFor(/Starting WebSocket echo in dev mode/);
    await expect
      .poll(() => identity(port), { timeout: 90_000 })
      .toEqual(expect.objectContaining({ name: 'ws-echo', dev: true }));
    await lesson.waitFor(/Ctrl-C stops everything/);
    lesson.interrupt();
    expect(await lesson.exited).toBe(0);
    expect(lesson.output()).not.toMatch(/ELIFECYCLE|Command failed/);
    expect(await isListening(port)).toBe(false);
    await expect.poll(() => leftInGroup(lesson), { timeout: 10_000 }).toEqual([]);
  } finally {
    kill(lesson);
  }
});

test('pnpm lesson with its port taken says so, exits non-zero and leaves nothing running', async () => {
  test.setTimeout(120_000);
  const port = ownPort('xhr') + 40;
  const stranger: Server = createServer();
  await new Promise<void>((resolve) => stranger.listen(port, '127.0.0.1', resolve));
  const lesson = run(['lesson', 'xhr', '--no-hub'], { PORT: String(port) });
  try {
    const code = await lesson.exited;
    expect(code).not.toBe(0);
    expect(lesson.output()).toContain(`port ${port} (PORT) is already in use`);
    expect(lesson.output()).not.toContain('The course hub');
    // Nothing the lesson started is left: its dev host and Vite went with it.
    await expect.poll(() => leftInGroup(lesson), { timeout: 10_000 }).toEqual([]);
  } finally {
    kill(lesson);
    stranger.close();
  }
});

test.describe('pnpm practice, played by a learner', () => {
  const exercise = findExercise('xhr', 1);
  const work = variantDir(exercise, 'work');
  const progressFile = join(mkdtempSync(join(tmpdir(), 'practice-e2e-')), 'progress.json');
  const hubPort = ownPort('hub') + 10;
  const port = ownPort('xhr') + 30;
  let hub: ServerProcess | undefined;
  let practice: Terminal | undefined;
  let setAside: string | undefined;

  test.beforeAll(async () => {
    // A learner's own work on this exercise waits outside while the test plays one.
    if (existsSync(work)) {
      setAside = join(mkdtempSync(join(tmpdir(), 'practice-work-')), 'work');
      renameSync(work, setAside);
    }
    hub = await startChapterServer('hub', {
      PORT: String(hubPort),
      COURSE_PROGRESS_FILE: progressFile,
    });
  });

  test.afterAll(async () => {
    kill(practice);
    await hub?.stop();
    rmSync(work, { recursive: true, force: true });
    if (setAside) renameSync(setAside, work);
  });

  test('the check fails, the solution turns the terminal and the hub green, git status stays clean', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const gitStatus = () =>
      execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
    const before = gitStatus();

    practice = run(['practice', 'xhr', '1', '--no-hub'], {
      PORT: String(port),
      COURSE_PROGRESS_FILE: progressFile,
    });
    await practice.waitFor(/The page:\s+http:\/\/localhost:\d+\//);
    // The first check runs by itself, against the starting code: it fails, saying what is missing.
    await practice.waitFor(/1 of 3 steps pass/, 120_000);
    expect(practice.output()).toContain('✓ shows 로딩중... while the request is pending');
    expect(practice.output()).toContain('✗ shows the data and 로딩완료 once the answer comes');
    expect(practice.output()).toContain('the state line should say 로딩완료');

    // The exercise runs in place of the chapter, with the learner's page.
    await expect.poll(() => identity(port)).toEqual(expect.objectContaining({ name: 'xhr' }));

    // The hub shows the exercise in progress.
    await page.goto(`http://localhost:${hubPort}/chapters/xhr/exercises/1`);
    await expect(page.locator('#exercise-state')).toContainText('in progress — 1 of 3 steps');

    // The learner writes the solution and saves: the check runs again and passes.
    execFileSync('cp', [join(variantDir(exercise, 'solution'), 'page.ts'), join(work, 'page.ts')]);
    await practice.waitFor(/All 3 steps pass: exercise 1 passed!/, 120_000);
    // The hub turns green without a reload.
    await expect(page.locator('#exercise-state')).toContainText('passed', { timeout: 15_000 });

    // Ctrl-C: a clean stop, and the learner's copy is invisible to git.
    practice.interrupt();
    expect(await practice.exited).toBe(0);
    expect(existsSync(work)).toBe(true);
    expect(gitStatus()).toBe(before);
  });
});

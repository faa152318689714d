// `pnpm test`: everything CI runs, in order: lint/format, the chapter check,
// build (with the type-check), every workspace's integration tests, then the
// e2e matrix in Chromium. It always ends with one line, `N passed, N failed`, summed over
// every test that ran, and fails when a step failed or no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { findRepoRoot } from '@course/chapters';

const root = findRepoRoot();
const failedSteps: string[] = [];
const timings: { label: string; seconds: number; ok: boolean }[] = [];

/** Runs one step with the terminal attached; remembers its time, and the step when it fails. */
function step(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  const ok = result.status === 0;
  timings.push({ label, seconds: (performance.now() - started) / 1000, ok });
  if (!ok) failedSteps.push(label);
  return ok;
}

/** Each step's wall time, then the total: where `pnpm test` spends its time. */
function printTimings(): void {
  const width = Math.max(...timings.map((t) => t.label.length), 'total'.length);
  const line = (label: string, seconds: number, mark = '') =>
    console.log(`  ${label.padEnd(width)}  ${seconds.toFixed(1).padStart(6)} s${mark}`);
  console.log('\nTime per step:');
  for (const t of timings) line(t.label, t.seconds, t.ok ? '' : '  (failed)');
  line(
    'total',
    timings.reduce((sum, t) => sum + t.seconds, 0),
  );
}

/** Every workspace folder, from the `packages:` globs of pnpm-workspace.yaml (`dir` or `dir/*`). */
function workspaces(): string[] {
  const manifest = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const list = manifest.match(/^packages:\n((?:[ \t]+-.*\n)+)/m)?.[1] ?? '';
  const globs = list
    .split('\n')
    .map((line) => line.replace(/^\s*-\s*/, '').trim())
    .filter(Boolean);
  return globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [join(root, glob)];
    const parent = join(root, glob.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent).map((name) => join(parent, name)) : [];
  });
}

/** A Vitest JSON report (`test-results/vitest.json`), the parts read here. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

/** A Playwright JSON report (`e2e/test-results/e2e-*.json`), the parts read here. */
interface PlaywrightReport {
  stats: { expected: number; flaky: number; unexpected: number; skipped: number };
  suites?: PlaywrightSuite[];
}
interface PlaywrightSuite {
  title?: string;
  file: string;
  suites?: PlaywrightSuite[];
  specs?: {
    title: string;
    line: number;
    tests: {
      projectName: string;
      status: string;
      results: { errors?: { message?: string }[] }[];
    }[];
  }[];
}

/** Every workspace's Vitest report and every Playwright project's report, read once. */
function readReports(): { vitest: VitestReport[]; e2e: PlaywrightReport[] } {
  const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8'));
  const vitest = workspaces()
    .map((dir) => join(dir, 'test-results', 'vitest.json'))
    .filter((file) => existsSync(file))
    .map((file) => read<VitestReport>(file));
  const e2eResults = join(root, 'e2e', 'test-results');
  const e2e = existsSync(e2eResults)
    ? readdirSync(e2eResults)
        .filter((name) => /^e2e-.*\.json$/.test(name))
        .map((name) => read<PlaywrightReport>(join(e2eResults, name)))
    : [];
  return { vitest, e2e };
}

/** Sums the reports' counts. */
function countResults(reports: ReturnType<typeof readReports>): {
  passed: number;
  failed: number;
  skipped: number;
} {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const report of reports.vitest) {
    total.passed += report.numPassedTests;
    total.failed += report.numFailedTests;
    total.skipped += report.numPendingTests + report.numTodoTests;
  }
  for (const { stats } of reports.e2e) {
    total.passed += stats.expected + stats.flaky;
    total.failed += stats.unexpected;
    total.skipped += stats.skipped;
  }
  return total;
}

/** The first line of a failure message, without colour codes: enough to find the failed test. */
function firstLine(message: string | undefined): string {
  const clean = stripVTControlCharacters(message ?? '').trim();
  return clean.split('\n')[0]?.slice(0, 200) ?? '';
}

/** Every failed test by name, with the first line of its error. */
function failedTests(reports: ReturnType<typeof readReports>): string[] {
  const lines: string[] = [];
  for (const report of reports.vitest) {
    for (const file of report.testResults ?? []) {
      const where = relative(root, file.name);
      const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
      for (const test of failed)
        lines.push(`${where} › ${test.fullName}\n      ${firstLine(test.failureMessages?.[0])}`);
      // A file that failed as a whole (it did not load, a hook threw) has no failed test of its own.
      if (failed.length === 0 && file.status === 'failed')
        lines.push(`${where}\n      ${firstLine(file.message)}`);
    }
  }
  const walk = (suite: PlaywrightSuite, titles: string[]) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests.filter((test) => test.status === 'unexpected')) {
        const error = test.results.at(-1)?.errors?.[0]?.message;
        const name = [...titles, spec.title].join(' › ');
        lines.push(
          `[${test.projectName}] ${suite.file}:${spec.line} › ${name}\n      ${firstLine(error)}`,
        );
      }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title ?? '']);
  };
  for (const report of reports.e2e) for (const suite of report.suites ?? []) walk(suite, []);
  return lines;
}

// Reports from an earlier run must not be counted again (turbo restores cached ones itself).
for (const dir of workspaces()) rmSync(join(dir, 'test-results'), { recursive: true, force: true });

step('lint and format', 'pnpm', ['run', 'lint']);
step('chapter check', 'pnpm', ['run', 'check:chapters']);
const built = step('build and type-check', 'pnpm', ['exec', 'turbo', 'run', 'build', 'typecheck']);
// Two at a time: the machine CI runs on has two cores, and several suites measure timing.
step('integration tests', 'pnpm', [
  'exec',
  'turbo',
  'run',
  'test',
  '--continue',
  '--concurrency=2',
]);
if (built && step('browser', 'pnpm', ['--filter', '@course/e2e', 'run', 'ensure-browser'])) {
  step('e2e tests', 'pnpm', ['--filter', '@course/e2e', 'run', 'e2e']);
} else if (!built) {
  console.log('\nSkipping the e2e tests: the build failed.');
}
const reports = readReports();
const { passed, failed, skipped } = countResults(reports);
printTimings();
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
const failures = failedTests(reports);
if (failures.length > 0)
  console.log(`\nFailed tests:\n${failures.map((line) => `  ${line}`).join('\n')}`);
if (passed + failed === 0) console.log('\nNo test ran.');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0);

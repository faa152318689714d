// `pnpm mutation [chapter…]`: mutation testing of each chapter's server code
// with StrykerJS and its vitest runner (config: stryker.config.mjs). Stryker
// changes the code one small mutant at a time (`>=` to `>`, a branch emptied, a
// string blanked) and runs the chapter's tests; a mutant no test notices is a
// behaviour no test pins down. Incremental: only mutants whose code or tests
// changed since the committed `mutation/stryker-incremental.json` run again.
// Stryker flags may follow the names (`pnpm mutation xhr --concurrency 1`).
// Prints a table of scores per chapter and writes it as JSON to mutation-report.json.
// Not part of `pnpm test`: a full run takes minutes per chapter.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Chapter, findRepoRoot, listChapters } from '@course/chapters';

/** The score this course asks of every chapter's server code. */
const GOAL = 80;

type Status =
  | 'Killed'
  | 'Survived'
  | 'NoCoverage'
  | 'Timeout'
  | 'CompileError'
  | 'RuntimeError'
  | 'Ignored'
  | 'Pending';

interface ChapterScore {
  chapter: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Detected over detected + undetected, in percent, as Stryker computes it. */
  score: number;
  seconds: number;
}

/** Counts the mutants in one of Stryker's JSON reports (mutation-testing-report-schema). */
function scoreOf(reportFile: string): Omit<ChapterScore, 'chapter' | 'seconds'> {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    files: Record<string, { mutants: { status: Status }[] }>;
  };
  const count = (status: Status) =>
    Object.values(report.files)
      .flatMap((file) => file.mutants)
      .filter((mutant) => mutant.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  return {
    killed,
    timeout,
    survived,
    noCoverage,
    score: valid === 0 ? 100 : (100 * detected) / valid,
  };
}

/** Runs Stryker in one chapter's folder, with extra Stryker flags; undefined when it failed. */
function mutate(chapter: Chapter, root: string, flags: string[]): ChapterScore | undefined {
  console.log(`\n▶ ${chapter.name}: stryker run ${flags.join(' ')}`);
  const started = performance.now();
  const config = join(root, 'stryker.config.mjs');
  const result = spawnSync('pnpm', ['exec', 'stryker', 'run', config, ...flags], {
    cwd: chapter.dir,
    stdio: 'inherit',
  });
  const seconds = (performance.now() - started) / 1000;
  const report = join(chapter.dir, 'mutation', 'report', 'mutation.json');
  if (result.status !== 0 || !existsSync(report)) {
    console.error(`${chapter.name}: Stryker failed (exit ${result.status}).`);
    return undefined;
  }
  return { chapter: chapter.name, ...scoreOf(report), seconds };
}

const root = findRepoRoot();
const all = listChapters(root);
// Chapter names, then any Stryker flags (`pnpm mutation xhr --concurrency 1`).
const args = process.argv.slice(2);
const firstFlag = args.findIndex((arg) => arg.startsWith('-'));
const named = firstFlag === -1 ? args : args.slice(0, firstFlag);
const flags = firstFlag === -1 ? [] : args.slice(firstFlag);
const unknown = named.filter((name) => !all.some((chapter) => chapter.name === name));
if (unknown.length > 0) {
  console.error(
    `No such chapter: ${unknown.join(', ')}. Chapters: ${all.map((c) => c.name).join(', ')}`,
  );
  process.exit(2);
}
const chosen = named.length > 0 ? all.filter((chapter) => named.includes(chapter.name)) : all;

const scores: ChapterScore[] = [];
const failed: string[] = [];
for (const chapter of chosen) {
  const score = mutate(chapter, root, flags);
  if (score) scores.push(score);
  else failed.push(chapter.name);
}

console.log('\n| Chapter | Killed | Timed out | Survived | No coverage | Score | Time |');
console.log('|---|---|---|---|---|---|---|');
for (const s of scores) {
  const mark = s.score >= GOAL ? '' : ` (below ${GOAL} %)`;
  console.log(
    `| ${s.chapter} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.score.toFixed(2)} %${mark} | ${Math.round(s.seconds)} s |`,
  );
}
writeFileSync(
  join(root, 'mutation-report.json'),
  `${JSON.stringify({ goal: GOAL, scores }, null, 2)}\n`,
);
if (failed.length > 0) console.error(`\nStryker failed for: ${failed.join(', ')}`);
process.exit(failed.length > 0 || scores.some((s) => s.score < GOAL) ? 1 : 0);

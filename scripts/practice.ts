// `pnpm practice`: the learner's loop. Alone it lists every exercise with its
// status. `pnpm practice <chapter> <n>` copies the exercise's problem into a
// git-ignored `work/` folder beside it (once), runs the chapter with those files
// in place (dev mode, live reload), and checks the work on every save, printing
// each step. Options: --diff (your copy against the solution), --solution (run
// the solution instead), --reset (start over, after asking), --no-hub.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { findRepoRoot } from '@course/chapters';
import {
  type Exercise,
  exerciseStatus,
  findExercise,
  listExercises,
  readProgress,
  recordProgress,
  type Variant,
  variantDir,
} from '@course/chapters/exercises';
import { type CheckResult, runCheck } from '@course/kit/run-check';
import { createTwoFilesPatch } from 'diff';
import { Children, runKit, startHubBeside, waitUntilAnswering } from './launch.ts';
import { lang, t } from './messages.ts';

const root = findRepoRoot();
const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const [chapterArg, numberArg] = args.filter((arg) => !arg.startsWith('--'));
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const green = (text: string) => paint(32, text);
const red = (text: string) => paint(31, text);
const dim = (text: string) => paint(2, text);
const path = (file: string) => relative(process.cwd(), file) || '.';

const MARKS = { 'not started': ' ', 'in progress': '…', passed: green('✓') } as const;
const STATUS = {
  'not started': t.statusNotStarted,
  'in progress': t.statusInProgress,
  passed: t.statusPassed,
} as const;
/** An exercise's title, and its chapter's, in the terminal's language. */
const titleOf = (exercise: Exercise) => (lang === 'ko' ? exercise.titleKo : exercise.title);
const chapterTitleOf = (exercise: Exercise) =>
  lang === 'ko' ? exercise.chapter.course.ko.title : exercise.chapter.course.title;
/** The task in the terminal's language: README.ko.md for Korean when there is one. */
const taskFile = (exercise: Exercise) => {
  const korean = join(exercise.dir, 'README.ko.md');
  return lang === 'ko' && existsSync(korean) ? korean : join(exercise.dir, 'README.md');
};

/** Every exercise with its status, grouped by chapter. */
function list(): void {
  const progress = readProgress();
  const exercises = listExercises(root);
  console.log(`${t.exercisesHeading}\n`);
  let chapter = '';
  for (const exercise of exercises) {
    if (exercise.chapter.name !== chapter) {
      chapter = exercise.chapter.name;
      console.log(`  ${exercise.chapter.course.order}. ${chapterTitleOf(exercise)} (${chapter})`);
    }
    const status = exerciseStatus(exercise, progress);
    console.log(
      `     ${MARKS[status]} ${exercise.number}  ${titleOf(exercise).padEnd(44)} ${dim(STATUS[status])}`,
    );
  }
  const passed = exercises.filter((e) => exerciseStatus(e, progress) === 'passed').length;
  console.log(`\n  ${t.passedOf(passed, exercises.length)}\n`);
}

/** The files of a folder, relative to it (none when it is missing). */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
}

/** Prints the learner's copy against the solution, file by file, as a unified diff. */
function diff(exercise: Exercise): void {
  const mine = existsSync(variantDir(exercise, 'work')) ? 'work' : 'problem';
  const files = [
    ...new Set([
      ...filesIn(variantDir(exercise, mine)),
      ...filesIn(variantDir(exercise, 'solution')),
    ]),
  ];
  let same = true;
  for (const file of files) {
    const read = (variant: Variant) => {
      const full = join(variantDir(exercise, variant), file);
      return existsSync(full) ? readFileSync(full, 'utf8') : '';
    };
    const [a, b] = [read(mine), read('solution')];
    if (a === b) continue;
    same = false;
    const patch = createTwoFilesPatch(`${mine}/${file}`, `solution/${file}`, a, b, '', '', {
      context: 3,
    });
    for (const line of patch.split('\n').slice(1)) {
      if (line.startsWith('+') && !line.startsWith('+++')) console.log(green(line));
      else if (line.startsWith('-') && !line.startsWith('---')) console.log(red(line));
      else console.log(line);
    }
  }
  if (same) console.log(t.sameAsSolution(mine));
}

/** Asks a yes/no question on the terminal; no (or no terminal) unless the learner types y. */
async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY && !flags.has('--yes')) return false;
  if (flags.has('--yes')) return true;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question(`${question} ${t.yesNo} `);
  prompt.close();
  return /^y(es)?$/i.test(answer.trim());
}

/** Prints one check's steps, ✓ or ✗ each, with what is missing under a failed one. */
function printCheck(exercise: Exercise, result: CheckResult): void {
  const time = new Date().toLocaleTimeString(lang);
  console.log(`\n${t.checkHeading(exercise.number, time)}`);
  for (const step of result.steps) {
    console.log(`  ${step.passed ? green('✓') : red('✗')} ${step.title}`);
    if (step.message)
      for (const line of step.message.split('\n')) console.log(`      ${dim(line)}`);
  }
  if (result.steps.length === 0) {
    console.log(red(`  ${t.checkCouldNotRun}`));
    console.log(
      (result.output ?? '')
        .split('\n')
        .slice(-15)
        .map((line) => `    ${line}`)
        .join('\n'),
    );
  }
  const passed = result.steps.filter((step) => step.passed).length;
  if (result.passed) console.log(green(`\n  ${t.allStepsPass(passed, exercise.number)}`));
  else if (result.steps.length > 0)
    console.log(`\n  ${t.someStepsPass(passed, result.steps.length)}`);
}

/** Runs the exercise in dev mode and checks `variant` on every save, until Ctrl-C. */
async function practise(exercise: Exercise, variant: Variant): Promise<void> {
  const dir = variantDir(exercise, variant);
  const children = new Children();
  const stopped = () => children.stopping;
  // Ctrl-C reaches the whole process group: the dev host and a running check stop by themselves.
  process.on('SIGINT', () => children.stopAll(0));
  process.on('SIGTERM', () => children.stopAll(0));

  const { chapter } = exercise;
  const port = Number(process.env.PORT ?? chapter.course.ports.PORT);
  console.log(
    `\n${t.exerciseHeading(chapterTitleOf(exercise), exercise.number, titleOf(exercise))}`,
  );
  console.log(`  ${t.theTask} ${path(taskFile(exercise))}`);
  console.log(
    `  ${t.edit} ${filesIn(dir)
      .map((file) => path(join(dir, file)))
      .join(', ')}`,
  );
  console.log(`  ${t.thePage} http://localhost:${port}/\n`);

  const host = runKit(exercise.dir, ['practice-dev', exercise.dir, variant], process.env, false);
  children.add(host);
  host.on('exit', (code) => children.stopAll(children.stopping ? 0 : (code ?? 0)));
  await waitUntilAnswering(port, chapter.name, stopped);
  children.add(await startHubBeside(chapter, stopped));

  let running = false;
  let again = false;
  /** Runs the check; a save during a run asks for one more run after it. */
  const check = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const result = await runCheck(exercise, variant);
    if (stopped()) return;
    printCheck(exercise, result);
    if (variant === 'work') {
      const previous = readProgress()[exercise.id];
      recordProgress(exercise.id, {
        status: result.passed || previous?.status === 'passed' ? 'passed' : 'in progress',
        at: new Date().toISOString(),
        passedSteps: result.steps.filter((step) => step.passed).length,
        totalSteps: result.steps.length,
      });
    }
    running = false;
    if (again) {
      again = false;
      void check();
    }
  };
  let debounce: NodeJS.Timeout | undefined;
  watch(dir, { recursive: true }, () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void check(), 300);
  });
  console.log(t.checkingNow);
  await check();
}

if (!chapterArg) {
  list();
  process.exit(0);
}

let exercise: Exercise;
try {
  if (!numberArg || !/^\d+$/.test(numberArg)) throw new Error(t.usage);
  exercise = findExercise(chapterArg, Number(numberArg), root);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const work = variantDir(exercise, 'work');
if (flags.has('--diff')) {
  diff(exercise);
  process.exit(0);
}
if (flags.has('--reset') && existsSync(work)) {
  if (!(await confirm(t.startOver(exercise.number, path(work))))) {
    console.log(t.kept(path(work)));
    process.exit(0);
  }
  rmSync(work, { recursive: true, force: true });
  console.log(t.deleted(path(work)));
}
if (flags.has('--solution')) {
  await practise(exercise, 'solution');
} else {
  if (!existsSync(work)) {
    cpSync(variantDir(exercise, 'problem'), work, { recursive: true });
    console.log(t.copied(path(work)));
  }
  if (exerciseStatus(exercise, readProgress()) === 'not started')
    recordProgress(exercise.id, { status: 'in progress', at: new Date().toISOString() });
  await practise(exercise, 'work');
}

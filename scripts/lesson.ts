// `pnpm lesson <chapter>`: run one chapter in dev mode (its server, with Vite
// and live reload beside it), with the course hub beside it so its README and
// the other chapters are one click away. The chapter can be named or numbered
// (`pnpm lesson ws-echo`, `pnpm lesson 3`). `pnpm lesson` alone lists the chapters.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Chapter, findChapter, findHub, isListening, listChapters } from '@course/chapters';

/** The kit's command behind every chapter's `dev` and `start` scripts. */
const COURSE_CHAPTER = fileURLToPath(import.meta.resolve('@course/kit/bin'));
const arg = process.argv[2];

if (!arg) {
  console.log('Chapters (run one with `pnpm lesson <name or number>`):\n');
  for (const chapter of listChapters()) {
    const url = `http://localhost:${chapter.course.ports.PORT}/`;
    const order = String(chapter.course.order).padStart(2);
    console.log(`  ${order}. ${chapter.name.padEnd(18)} ${url.padEnd(24)} ${chapter.course.title}`);
  }
  console.log('');
  process.exit(0);
}

/** The chapter named `arg`, or the one whose order is `arg`. */
function chapterFor(value: string): Chapter {
  const byOrder = /^\d+$/.test(value)
    ? listChapters().find((chapter) => chapter.course.order === Number(value))
    : undefined;
  return byOrder ?? findChapter(value);
}

let stopping = false;
let chapter: Chapter;
try {
  chapter = chapterFor(arg);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

/** Whether the course's workspace `name` answers on `port` (its `/__course` says who it is). */
async function answersAs(port: number, name: string): Promise<boolean> {
  if (!(await isListening(port))) return false;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/__course`, {
      signal: AbortSignal.timeout(1000),
    });
    return ((await res.json()) as { name?: string }).name === name;
  } catch {
    return false;
  }
}

/** Waits until `name` answers on `port`; false if the lesson stops first or it takes over `ms`. */
async function waitUntilAnswering(port: number, name: string, ms = 120_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!stopping && Date.now() < deadline) {
    if (await answersAs(port, name)) return true;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return false;
}

/** Runs a workspace in dev mode; `keys` gives it the terminal's input (s and r restart the chapter). */
function dev(workspace: Chapter, env: NodeJS.ProcessEnv, keys: boolean): ChildProcess {
  return spawn(process.execPath, [COURSE_CHAPTER, 'dev'], {
    cwd: workspace.dir,
    env,
    stdio: [keys ? 'inherit' : 'ignore', 'inherit', 'inherit'],
  });
}

const children: ChildProcess[] = [];

/** Stops whatever this lesson started, waits for it (3 s at most), and leaves with `code`. */
function stopAll(code: number): void {
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(running.map((child) => new Promise((done) => child.once('exit', done)))).then(() =>
    process.exit(code),
  );
}

// Ctrl-C reaches the whole process group, and each dev host stops by itself: a normal end.
process.on('SIGINT', () => {
  stopping = true;
});
process.on('SIGTERM', () => stopAll(0));

const port = Number(process.env.PORT ?? chapter.course.ports.PORT);
console.log(`Starting ${chapter.course.title} in dev mode: http://localhost:${port}/`);
const lesson = dev(chapter, process.env, true);
children.push(lesson);
lesson.on('exit', (code) => {
  // A taken port or a crash ends the lesson with its code; Ctrl-C ends it with 0.
  stopAll(stopping ? 0 : (code ?? 0));
});

// The hub starts once the chapter listens: a chapter that cannot start ends the lesson first.
await waitUntilAnswering(port, chapter.name);
const hub = findHub();
if (!stopping && hub && hub !== chapter && !process.argv.includes('--no-hub')) {
  const hubPort = hub.course.ports.PORT;
  if (await answersAs(hubPort, 'hub')) {
    console.log(`The course hub is already running: http://localhost:${hubPort}/`);
  } else {
    // The hub reads its own PORT from the metadata: do not hand it the chapter's PORT override.
    const env = { ...process.env };
    delete env.PORT;
    children.push(dev(hub, env, false));
    if (await waitUntilAnswering(hubPort, 'hub'))
      console.log(`The course hub: http://localhost:${hubPort}/ (--no-hub to skip)`);
  }
}
console.log('Ctrl-C stops everything.\n');

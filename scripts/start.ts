// `pnpm start`: build everything, then run the hub and every chapter in
// production mode at once and print their URLs, the hub's first. Ctrl-C stops them all.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Chapter, listWorkspaces, waitForPort } from '@course/chapters';
import { t } from './messages.ts';

/** The kit's command behind every chapter's `start` script. */
const COURSE_CHAPTER = fileURLToPath(import.meta.resolve('@course/kit/bin'));

const chapters = listWorkspaces(); // the hub (order 0) first, then the chapters
if (process.argv.includes('--no-build')) {
  console.log(t.skippingBuild);
} else {
  execFileSync('pnpm', ['run', 'build'], { stdio: 'inherit' });
}

const children = new Map<Chapter, ChildProcess>();
let stopping = false;

/** Signals a chapter's whole process group. */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, name);
  } catch {
    // Already gone.
  }
}

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) signal(child, 'SIGTERM');
  // Whatever has not stopped by then is killed.
  setTimeout(() => {
    for (const child of children.values()) signal(child, 'SIGKILL');
  }, 3000).unref();
  setTimeout(() => process.exit(code), 3500).unref();
  Promise.all(
    [...children.values()].map((child) =>
      child.exitCode !== null ? undefined : new Promise((done) => child.once('exit', done)),
    ),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

for (const chapter of chapters) {
  // Each chapter gets its metadata defaults: a PORT set in this shell would send them all to one port.
  const env = { ...process.env };
  for (const name of Object.keys(chapter.course.ports)) delete env[name];
  // What `pnpm --filter <chapter> start` runs, without pnpm in between.
  const child = spawn(process.execPath, [COURSE_CHAPTER, 'start'], {
    cwd: chapter.dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
    detached: true, // its own process group: stopAll() stops everything under it
  });
  children.set(chapter, child);
  // Chapter output, prefixed with its name so the streams stay readable together.
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (text: string) => {
      if (stopping) return; // after Ctrl-C, only the goodbyes are left
      for (const line of text.split('\n'))
        if (line.trim()) console.log(`[${chapter.name}] ${line}`);
    });
  }
  // A chapter that dies on its own takes the others down: the table would lie.
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(t.exitedStoppingAll(chapter.name, code));
      stopAll(1);
    }
  });
}

try {
  await Promise.all(chapters.map((chapter) => waitForPort(chapter.course.ports.PORT, 120_000)));
} catch (error) {
  console.error((error as Error).message);
  stopAll(1);
}

if (!stopping) {
  const hub = chapters.find((chapter) => chapter.course.kind === 'hub');
  if (hub) console.log(`\n  ${t.courseHub(`http://localhost:${hub.course.ports.PORT}/`)}`);
  console.log(`\n  ${t.everyChapterRunning}\n`);
  console.log(`  ${t.tableHeader}`);
  for (const chapter of chapters) {
    if (chapter === hub) continue;
    const { PORT, ...others } = chapter.course.ports;
    const extra = Object.entries(others)
      .map(([name, port]) => `${name}=${port}`)
      .join(' ');
    const url = `http://localhost:${PORT}/`;
    console.log(
      `  ${String(chapter.course.order).padEnd(3)} ${chapter.name.padEnd(19)} ${url.padEnd(25)} ${extra}`,
    );
  }
  console.log('');
}

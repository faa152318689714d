// `pnpm lesson <chapter>`: run one chapter in dev mode (server + Vite HMR, one
// URL), with the course hub beside it so its README and the other chapters are
// one click away. `pnpm lesson` alone lists the chapters.
import { type ChildProcess, spawn } from 'node:child_process';
import { type Chapter, findChapter, findHub, listChapters } from '@course/chapters';

const name = process.argv[2];

if (!name) {
  console.log('Chapters (run one with `pnpm lesson <name>`):\n');
  for (const chapter of listChapters()) {
    const url = `http://localhost:${chapter.course.ports.PORT}/`;
    const order = String(chapter.course.order).padStart(2);
    console.log(`  ${order}. ${chapter.name.padEnd(18)} ${url.padEnd(24)} ${chapter.course.title}`);
  }
  console.log('');
  process.exit(0);
}

let chapter: Chapter;
try {
  chapter = findChapter(name);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

let stopping = false;

/**
 * Runs a workspace's `dev` script with the terminal attached. Its stderr is
 * passed on until Ctrl-C: after that, pnpm only complains that its child was interrupted.
 */
function dev(workspace: Chapter, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn('pnpm', ['--silent', '--filter', workspace.packageName, 'dev'], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env,
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    if (!stopping) process.stderr.write(chunk);
  });
  return child;
}

const hub = findHub();
const port = process.env.PORT ?? chapter.course.ports.PORT;
console.log(`Starting ${chapter.course.title} in dev mode: http://localhost:${port}/`);
const children = [dev(chapter)];
if (hub && hub !== chapter && !process.argv.includes('--no-hub')) {
  console.log(
    `…with the course hub at http://localhost:${hub.course.ports.PORT}/ (--no-hub to skip)`,
  );
  // The hub reads its own PORT from the metadata: do not hand it the chapter's PORT override.
  const env = { ...process.env };
  delete env.PORT;
  children.push(dev(hub, env));
}
console.log('Ctrl-C stops everything.\n');

// Ctrl-C reaches the whole process group; TERM is passed on. Leave when the lesson ends.
process.on('SIGTERM', () => {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
});
process.on('SIGINT', () => {
  stopping = true;
});
children[0]?.on('exit', (code, signal) => {
  for (const child of children.slice(1)) child.kill('SIGTERM');
  process.exit(stopping ? 0 : (code ?? (signal ? 0 : 1)));
});

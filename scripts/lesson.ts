// `pnpm lesson <chapter>`: run one chapter in dev mode (server + Vite HMR, one URL).
// `pnpm lesson` alone lists the chapters.
import { spawn } from 'node:child_process';
import { findChapter, listChapters } from '@course/chapters';

const name = process.argv[2];

if (!name) {
  console.log('Chapters (run one with `pnpm lesson <name>`):\n');
  for (const chapter of listChapters()) {
    const url = `http://localhost:${chapter.course.ports.PORT}/`;
    console.log(
      `  ${String(chapter.course.order).padStart(2)}. ${chapter.name.padEnd(18)} ${url.padEnd(24)} ${chapter.course.title}`,
    );
  }
  console.log('');
  process.exit(0);
}

let chapter: ReturnType<typeof findChapter>;
try {
  chapter = findChapter(name);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const port = process.env.PORT ?? chapter.course.ports.PORT;
console.log(
  `Starting ${chapter.course.title} in dev mode: http://localhost:${port}/ (Ctrl-C stops it)`,
);
const child = spawn('pnpm', ['--filter', chapter.packageName, 'dev'], { stdio: 'inherit' });
// Ctrl-C reaches the whole process group; pass TERM on too, then leave with the child's code.
process.on('SIGTERM', () => child.kill('SIGTERM'));
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

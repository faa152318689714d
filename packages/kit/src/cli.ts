// `course-chapter start` / `course-chapter dev`, run in a chapter's folder (its
// `start` and `dev` scripts). Loads the chapter from `server/app.ts` (its
// default export, made by `defineChapter()`) and runs it.
import type { Variant } from '@course/chapters/exercises';
import { runDevHost, runDevTarget } from './dev-host.ts';
import { exerciseAt, exerciseDevTarget, startExercise } from './exercise.ts';
import { loadChapter } from './load.ts';
import { EXIT_PORT_IN_USE, PortInUseError, type RunningChapter, serveChapter } from './serve.ts';
import { say, terminal } from './terminal-messages.ts';

/** Serves the chapter in this process until SIGINT/SIGTERM; prints its URLs. */
async function serve(dir: string, viteOrigin: string | undefined): Promise<void> {
  const definition = await loadChapter(dir);
  await serveUntilStopped(viteOrigin, () =>
    serveChapter(definition, { dir, ...(viteOrigin ? { viteOrigin } : {}) }),
  );
}

/** Starts what `start` starts and keeps it until SIGINT/SIGTERM; prints its URLs. */
async function serveUntilStopped(
  viteOrigin: string | undefined,
  start: () => Promise<RunningChapter>,
): Promise<void> {
  let running: RunningChapter;
  try {
    running = await start();
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    console.error(error.message);
    process.exit(EXIT_PORT_IN_USE);
  }
  const { chapter, ports, url } = running;
  const title = terminal === 'ko' ? chapter.course.ko.title : chapter.course.title;
  console.log(`\n  ${title}${viteOrigin ? say.devWithReload : ''}`);
  console.log(`  ➜ ${url}/`);
  for (const [name, port] of Object.entries(ports))
    if (name !== 'PORT') console.log(`    ${name}: ${port}`);
  console.log('');
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const [command] = process.argv.slice(2);
const dir = process.cwd();
if (command === 'start') await serve(dir, undefined);
else if (command === 'serve-dev') {
  // Started by the dev host: when it goes, so does this server (see dev-host.ts).
  process.on('disconnect', () => process.exit(0));
  if (!process.connected) process.exit(0);
  await serve(dir, process.env.COURSE_VITE_ORIGIN);
} else if (command === 'serve-exercise') {
  // Started by `pnpm practice`'s dev host: an exercise's variant in place of its chapter.
  process.on('disconnect', () => process.exit(0));
  if (!process.connected) process.exit(0);
  const [exerciseDir = '', variant = 'work'] = process.argv.slice(3);
  const viteOrigin = process.env.COURSE_VITE_ORIGIN;
  await serveUntilStopped(viteOrigin, () =>
    startExercise(exerciseAt(exerciseDir), variant as Variant, viteOrigin ? { viteOrigin } : {}),
  );
} else if (command === 'practice-dev') {
  // `pnpm practice`: an exercise's variant in dev mode, with live reload.
  const [exerciseDir = '', variant = 'work'] = process.argv.slice(3);
  await runDevTarget(exerciseDevTarget(exerciseAt(exerciseDir), variant as Variant));
} else if (command === 'dev') await runDevHost(dir);
else {
  console.error(say.usage);
  process.exit(2);
}

// `course-chapter start` / `course-chapter dev`, run in a chapter's folder (its
// `start` and `dev` scripts). Loads the chapter from `server/app.ts` (its
// default export, made by `defineChapter()`) and runs it.
import { runDevHost } from './dev-host.ts';
import { loadChapter } from './load.ts';
import { EXIT_PORT_IN_USE, PortInUseError, serveChapter } from './serve.ts';

/** Serves the chapter in this process until SIGINT/SIGTERM; prints its URLs. */
async function serve(dir: string, viteOrigin: string | undefined): Promise<void> {
  const definition = await loadChapter(dir);
  let running: Awaited<ReturnType<typeof serveChapter>>;
  try {
    running = await serveChapter(definition, { dir, ...(viteOrigin ? { viteOrigin } : {}) });
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    console.error(error.message);
    process.exit(EXIT_PORT_IN_USE);
  }
  const { chapter, ports, url } = running;
  console.log(`\n  ${chapter.course.title}${viteOrigin ? ' (dev, with live reload)' : ''}`);
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
} else if (command === 'dev') await runDevHost(dir);
else {
  console.error('usage: course-chapter start|dev (in a chapter folder)');
  process.exit(2);
}

// Running an exercise: one of its folders (problem/, solution/ or the learner's
// work/) stands in for the chapter. Its server is `server.ts` in that folder, or
// the exercise's own `server.ts` when the learner only edits the page; its page
// is the folder's `index.html`, compiled by Vite.
import { existsSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  chapterExercises,
  type Exercise,
  type Variant,
  variantDir,
} from '@course/chapters/exercises';
import type { ChapterDefinition, ClientHandler } from './chapter.ts';
import { isChapterDefinition } from './chapter.ts';
import type { DevTarget } from './dev-host.ts';
import { chapterAt, type RunningChapter, type ServeOptions, serveChapter } from './serve.ts';
import { terminal } from './terminal-messages.ts';

/** The exercise whose folder is `dir` (where its check.test.ts lives). */
export function exerciseAt(dir: string): Exercise {
  const folder = resolve(dir);
  const chapter = chapterAt(join(folder, '..', '..'));
  const exercise = chapterExercises(chapter).find((found) => found.dir === folder);
  if (!exercise) throw new Error(`${folder} is not an exercise folder (exercises/NN-<slug>/)`);
  return exercise;
}

/** The file that defines the server of `variant`: its own server.ts, else the exercise's. */
export function exerciseServerFile(exercise: Exercise, variant: Variant): string {
  const own = join(variantDir(exercise, variant), 'server.ts');
  return existsSync(own) ? own : join(exercise.dir, 'server.ts');
}

/**
 * The folder Vite serves as the page of `variant`: the variant itself when it
 * has an `index.html` (the learner edits the page), else the exercise's shared
 * `page/` folder (the learner edits only the server). Undefined when there is no page.
 */
export function exercisePageDir(exercise: Exercise, variant: Variant): string | undefined {
  return [variantDir(exercise, variant), join(exercise.dir, 'page')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

/** The server `variant` runs: the default export (`defineChapter`) of its server file. */
export async function loadExercise(
  exercise: Exercise,
  variant: Variant,
): Promise<ChapterDefinition> {
  const file = exerciseServerFile(exercise, variant);
  if (!existsSync(file))
    throw new Error(`${exercise.id}: no server.ts in ${variant}/ nor in the exercise folder`);
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  if (!isChapterDefinition(module.default))
    throw new Error(`${file} must export default defineChapter({ env, create }) from @course/kit`);
  return module.default;
}

/** The chapter's metadata, titled as the exercise: what `/__course` and the terminal show. */
function asChapter(exercise: Exercise) {
  const { chapter } = exercise;
  return {
    ...chapter,
    course: {
      ...chapter.course,
      title: `${chapter.course.title}, exercise ${exercise.number}: ${exercise.title}`,
      ko: {
        ...chapter.course.ko,
        title: `${chapter.course.ko.title}, ${exercise.number}번 연습 문제: ${exercise.titleKo}`,
      },
    },
  };
}

/**
 * Vite for a variant's page, in this process. Its live-reload socket listens on
 * a free port of its own: the page's Vite client connects there, as under
 * `pnpm practice`, instead of failing in the console.
 */
async function pageInProcess(
  root: string,
): Promise<{ handler: ClientHandler; close: () => Promise<void> }> {
  const { createServer } = await import('vite');
  const hmrHttp = createHttpServer();
  await new Promise<void>((resolve) => hmrHttp.listen(0, '127.0.0.1', resolve));
  const { port } = hmrHttp.address() as AddressInfo;
  const vite = await createServer({
    root,
    configFile: false,
    appType: 'mpa',
    clearScreen: false,
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: { server: hmrHttp, clientPort: port } },
  });
  return {
    handler: vite.middlewares as unknown as ClientHandler,
    close: async () => {
      await vite.close();
      hmrHttp.closeAllConnections();
      await new Promise((resolve) => hmrHttp.close(resolve));
    },
  };
}

/**
 * Starts one variant of an exercise in place of its chapter: on the chapter's
 * ports (or free ones with `anyPort`), its page through Vite (the dev host's
 * under `viteOrigin`, else one in this process). `close()` stops all of it.
 */
export async function startExercise(
  exercise: Exercise,
  variant: Variant,
  options: Omit<ServeOptions, 'dir' | 'chapter' | 'page'> = {},
): Promise<RunningChapter> {
  const definition = await loadExercise(exercise, variant);
  const pageDir = options.withoutPage ? undefined : exercisePageDir(exercise, variant);
  // Without a page of its own, the kit's handler still answers /__course and a plain 404.
  const page = !pageDir
    ? { handler: ((_req, _res, next) => next()) satisfies ClientHandler, close: async () => {} }
    : options.viteOrigin
      ? undefined
      : await pageInProcess(pageDir);
  try {
    const running = await serveChapter(definition, {
      ...options,
      dir: exercise.chapter.dir,
      chapter: asChapter(exercise),
      withoutPage: false,
      ...(page ? { page: page.handler } : {}),
    });
    return {
      ...running,
      close: async () => {
        await running.close();
        await page?.close();
      },
    };
  } catch (error) {
    await page?.close();
    throw error;
  }
}

/**
 * An exercise variant in dev mode (`pnpm practice`): Vite serves its folder with
 * live reload; saving a `server.ts` (the variant's or the exercise's) or the
 * chapter's server code restarts its server.
 */
export function exerciseDevTarget(exercise: Exercise, variant: Variant): DevTarget {
  const isServer = (file: string) => /^server(\.ts$|[/\\])/.test(file);
  const repoPackages = join(exercise.chapter.dir, '..', '..', 'packages');
  return {
    title:
      terminal === 'ko' ? asChapter(exercise).course.ko.title : asChapter(exercise).course.title,
    cwd: exercise.dir,
    vite: {
      root: exercisePageDir(exercise, variant) ?? variantDir(exercise, variant),
      configFile: false,
    },
    serveArgs: ['serve-exercise', exercise.dir, variant],
    watch: [
      { root: variantDir(exercise, variant), restarts: isServer },
      // The exercise's own server.ts; its page/ is Vite's.
      { root: exercise.dir, restarts: (file) => file === 'server.ts' },
      { root: join(exercise.chapter.dir, 'server'), restarts: () => true },
      { root: join(repoPackages, 'kit', 'src'), restarts: () => true },
    ],
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Chapter, findRepoRoot, listChapters } from '@course/chapters';
import { progressFile } from '@course/chapters/exercises';
import { type ClientHandler, defineChapter, intVar } from '@course/kit';
import { isLang, type Lang, pickLang } from '@course/kit/i18n';
import express from 'express';
import { chapterPages, renderMissingPage } from './chapter-page.ts';
import { exerciseCards, lookupExercise, progressFeed } from './exercises.ts';
import { renderGlossaryPage } from './glossary.ts';
import { renderReadmePage } from './readme.ts';
import { type ChapterStatus, chapterStatus } from './status.ts';

export type { ExerciseCard } from './exercises.ts';
export type { ChapterStatus } from './status.ts';

/** What `createApp()` takes; every field has a default. */
export interface AppOptions {
  /** Serves the hub page (Vite or the built bundle). */
  client?: ClientHandler;
  /** The monorepo to read chapters from; the one this file lives in by default. */
  root?: string;
  /** Added to every chapter port: the e2e runs shift all chapters by 10000. */
  chapterPortOffset?: number;
  /** How often the live status stream re-checks the chapters. */
  statusIntervalMs?: number;
  /**
   * The learner's progress file: `COURSE_PROGRESS_FILE` or `<root>/.course/progress.json` by
   * default (see `progressFile()`). A relative path is read from the hub's working directory.
   */
  progressFile?: string;
  /** How often the exercises stream looks whether the progress file changed. */
  progressIntervalMs?: number;
}

/** What the page gets for each chapter. */
export interface ChapterCard {
  name: string;
  order: number;
  title: string;
  summary: string;
  /** The title and summary in Korean. */
  ko: { title: string; summary: string };
  ports: Record<string, number>;
  url: string;
  hasReadme: boolean;
}

/**
 * The language a README page is asked in: `?lang=ko`, else the browser's
 * `Accept-Language`, else English.
 */
function requestLang(req: express.Request): Lang {
  const asked = req.query.lang;
  if (isLang(asked)) return asked;
  return pickLang(req.acceptsLanguages());
}

/** `dir`'s lesson text in `lang`: README.ko.md for Korean when it exists, else README.md. */
function readmeIn(dir: string, lang: Lang): string {
  const korean = join(dir, 'README.ko.md');
  return lang === 'ko' && existsSync(korean) ? korean : join(dir, 'README.md');
}

/**
 * The hub's server: the chapter list, a live status stream, each README
 * as a page, and each chapter's own URL (the hub page); the exercises with the learner's progress,
 * live, each exercise's README and its own URL. Chapters and exercises are read from disk on every
 * request, so a new one shows up by existing. Returns an Express app that is not listening yet.
 */
export function createApp(options: AppOptions = {}): express.Express {
  const { client, chapterPortOffset = 0, statusIntervalMs = 2000 } = options;
  const root = options.root ?? findRepoRoot();
  const progress = resolve(options.progressFile ?? progressFile(root));
  // One look at the progress file a second, for every client of the exercises stream at once.
  const progressChanges = progressFeed(progress, options.progressIntervalMs ?? 1000);
  const app = express();
  app.disable('x-powered-by');

  /** The chapter's ports as they are running (metadata + offset). */
  const runningPorts = (chapter: Chapter) =>
    Object.fromEntries(
      Object.entries(chapter.course.ports).map(([name, port]) => [name, port + chapterPortOffset]),
    );

  /** Every chapter's status, by name: whether the chapter itself answers on its PORT. */
  const checkAll = async (): Promise<Record<string, ChapterStatus>> => {
    const states = await Promise.all(
      listChapters(root).map(async (chapter) => {
        const port = chapter.course.ports.PORT + chapterPortOffset;
        return [chapter.name, await chapterStatus(chapter, port)] as const;
      }),
    );
    return Object.fromEntries(states);
  };

  // The chapter list, in course order, with links on the host the learner used.
  app.get('/api/chapters', (req, res) => {
    const cards: ChapterCard[] = listChapters(root).map((chapter) => {
      const ports = runningPorts(chapter);
      return {
        name: chapter.name,
        order: chapter.course.order,
        title: chapter.course.title,
        summary: chapter.course.summary,
        ko: chapter.course.ko,
        ports,
        url: `http://${req.hostname}:${ports.PORT}/`,
        hasReadme: existsSync(join(chapter.dir, 'README.md')),
      };
    });
    res.json(cards);
  });

  // One status check of every chapter.
  app.get('/api/status', async (_req, res) => {
    res.json(await checkAll());
  });

  // Live status as Server-Sent Events: one `status` event now and after every interval.
  app.get('/api/status/stream', (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    res.write(`retry: ${statusIntervalMs}\n\n`);
    let timer: NodeJS.Timeout | undefined;
    let open = true;
    const push = async () => {
      const states = await checkAll();
      if (!open) return;
      res.write(`event: status\ndata: ${JSON.stringify(states)}\n\n`);
      timer = setTimeout(push, statusIntervalMs);
    };
    // The page went away: stop checking for it.
    req.on('close', () => {
      open = false;
      clearTimeout(timer);
    });
    void push();
  });

  // Every exercise of the course, in course order, with the learner's progress on it.
  app.get('/api/exercises', (_req, res) => {
    res.json(exerciseCards(root, progress));
  });

  // The exercises, live, as Server-Sent Events: one `exercises` event with the whole list now,
  // and another each time the progress file changes (a check passed, an exercise started).
  app.get('/api/exercises/stream', (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    const send = () => {
      res.write(`event: exercises\ndata: ${JSON.stringify(exerciseCards(root, progress))}\n\n`);
    };
    const unsubscribe = progressChanges.subscribe(send);
    // The page went away: the last one to leave stops the look at the file.
    req.on('close', unsubscribe);
    send();
  });

  // A chapter's README as a styled page, for the reader pane, in the learner's language.
  app.get('/readme/:name', (req, res) => {
    const lang = requestLang(req);
    const chapter = listChapters(root).find((c) => c.name === req.params.name);
    const file = chapter && readmeIn(chapter.dir, lang);
    if (!chapter || !file || !existsSync(file)) {
      res.status(404).json({ error: `no README for chapter "${req.params.name}"` });
      return;
    }
    const title = lang === 'ko' ? chapter.course.ko.title : chapter.course.title;
    const shown = file.endsWith('.ko.md') ? 'ko' : 'en';
    res
      .type('html')
      .send(renderReadmePage(title, readFileSync(file, 'utf8'), '/readme.css', shown));
  });

  // An exercise's README as a styled page, its hints folded away, for the exercise's URL.
  app.get('/readme/:name/exercises/:number', (req, res) => {
    const lang = requestLang(req);
    const found = lookupExercise(root, req.params.name, req.params.number);
    const file = 'exercise' in found ? readmeIn(found.exercise.dir, lang) : undefined;
    if (!('exercise' in found) || !file || !existsSync(file)) {
      const error =
        'missing' in found ? found.missing : `There is no README for ${found.exercise.id}.`;
      res.status(404).json({ error });
      return;
    }
    const shown = file.endsWith('.ko.md') ? 'ko' : 'en';
    const title = shown === 'ko' ? found.exercise.titleKo : found.exercise.title;
    res
      .type('html')
      .send(renderReadmePage(title, readFileSync(file, 'utf8'), '/readme.css', shown));
  });

  // The course glossary, one Korean term for each English one, in the learner's language.
  app.get('/glossary', (req, res) => {
    res.type('html').send(renderGlossaryPage(requestLang(req), '/readme.css'));
  });

  // The course stylesheet, for the README pages.
  const stylesheet = fileURLToPath(import.meta.resolve('@course/kit/page.css'));
  app.get('/readme.css', (_req, res) => {
    res.type('css').sendFile(stylesheet);
  });

  // The chapters' own URLs, /chapters/<name>[/<page>]: the hub page, which reads its path and shows
  // that chapter's lesson beside its running page. A name or page that does not exist is a 404
  // page that says so and links every chapter.
  app.get('/chapters', (_req, res) => {
    res.redirect('/');
  });
  app.get('/chapters/:name{/:page}', (req, res, next) => {
    const { name, page } = req.params as { name: string; page?: string };
    const chapters = listChapters(root);
    const chapter = chapters.find((c) => c.name === name);
    let missing: string | undefined;
    if (!chapter) missing = `There is no chapter named "${name}".`;
    else if (page !== undefined && !chapterPages(chapter).includes(page))
      missing = `${chapter.course.title} has no page named "${page}".`;
    if (missing !== undefined) {
      res
        .status(404)
        .type('html')
        .send(renderMissingPage(missing, chapters, '/readme.css'));
      return;
    }
    if (!client) return next();
    // The hub page is the one at /: the page handler serves it for this URL as it does for /.
    req.url = '/';
    client(req, res, next);
  });
  // An exercise's own URL, /chapters/<name>/exercises/<n>: the hub page again, or a 404 page that
  // says what there is.
  app.get('/chapters/:name/exercises/:number', (req, res, next) => {
    const found = lookupExercise(root, req.params.name, req.params.number);
    if ('missing' in found) {
      res
        .status(404)
        .type('html')
        .send(renderMissingPage(found.missing, listChapters(root), '/readme.css'));
      return;
    }
    if (!client) return next();
    req.url = '/';
    client(req, res, next);
  });

  if (client) app.use(client);
  app.use((req, res) => {
    res.status(404).json({ error: `no route for ${req.method} ${req.path}` });
  });
  return app;
}

/** The hub as a course workspace: `pnpm lesson` and `pnpm start` run it on PORT (1900). */
export default defineChapter({
  env: {
    /** Added to every chapter's port when the hub looks for it (the e2e runs shift them). */
    CHAPTER_PORT_OFFSET: intVar(0, 0, 50_000),
  },
  create: ({ client, env }) => ({
    PORT: createServer(createApp({ client, chapterPortOffset: env.CHAPTER_PORT_OFFSET })),
  }),
});

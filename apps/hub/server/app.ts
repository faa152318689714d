import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Chapter, findRepoRoot, listChapters } from '@course/chapters';
import { type ClientHandler, defineChapter, intVar } from '@course/kit';
import express from 'express';
import { chapterPages, renderMissingPage } from './chapter-page.ts';
import { renderReadmePage } from './readme.ts';
import { type ChapterStatus, chapterStatus } from './status.ts';

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
}

/** What the page gets for each chapter. */
export interface ChapterCard {
  name: string;
  order: number;
  title: string;
  summary: string;
  ports: Record<string, number>;
  url: string;
  hasReadme: boolean;
}

/**
 * The hub's server: the chapter list, a live status stream, each README
 * as a page, and each chapter's own URL (the hub page). Chapters are read from disk on every request, so a new chapter
 * shows up by existing. Returns an Express app that is not listening yet.
 */
export function createApp(options: AppOptions = {}): express.Express {
  const { client, chapterPortOffset = 0, statusIntervalMs = 2000 } = options;
  const root = options.root ?? findRepoRoot();
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

  // A chapter's README as a styled page, for the reader pane.
  app.get('/readme/:name', (req, res) => {
    const chapter = listChapters(root).find((c) => c.name === req.params.name);
    const file = chapter && join(chapter.dir, 'README.md');
    if (!chapter || !file || !existsSync(file)) {
      res.status(404).json({ error: `no README for chapter "${req.params.name}"` });
      return;
    }
    res
      .type('html')
      .send(renderReadmePage(chapter.course.title, readFileSync(file, 'utf8'), '/readme.css'));
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

// The handler a chapter mounts last: the kit's identity route, the page, a 404.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { type Chapter, findRepoRoot } from '@course/chapters';
import sirv from 'sirv';
import type { ClientHandler } from './chapter.ts';
import { OPEN_IN_EDITOR_PATH, openInEditor } from './open-in-editor.ts';

/** What `GET /__course` answers: the hub asks it to tell a chapter from a stranger on its port. */
export interface CourseIdentity {
  course: 'communication-api-course';
  name: string;
  title: string;
  order: number;
  dev: boolean;
}

/** The course's icon: browsers ask every page for /favicon.ico, and a 404 there is a console error. */
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#2563eb"/><path d="M3 6h8l-2-2M13 10H5l2 2" stroke="#fff" stroke-width="1.6" fill="none"/></svg>';

/** The path of the identity route every chapter answers. */
export const IDENTITY_PATH = '/__course';

/**
 * Serves the chapter's page: proxied to the dev host's Vite server under
 * `viteOrigin` (dev), by `handler` (an exercise's Vite in this process), or the
 * built `dist/client` (production). Before it,
 * `/__course` and the code panels' `/__open-in-editor`; after it, a plain 404 that names the path.
 */
export function pageHandler(
  chapter: Chapter,
  dev: { viteOrigin: string } | { handler: ClientHandler } | undefined,
): ClientHandler {
  const identity: CourseIdentity = {
    course: 'communication-api-course',
    name: chapter.name,
    title: chapter.course.title,
    order: chapter.course.order,
    dev: dev !== undefined,
  };
  const notFound: ClientHandler = (req, res) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`Not found: ${req.method} ${req.url}`);
  };
  let page: ClientHandler;
  if (dev && 'handler' in dev) {
    page = (req, res, next) => dev.handler(req, res, () => notFound(req, res, next));
  } else if (dev) {
    page = proxyTo(dev.viteOrigin);
  } else {
    const built = join(chapter.dir, 'dist', 'client');
    if (!existsSync(built))
      throw new Error(
        `${chapter.packageName}: no built page at ${built}. Run \`pnpm build\` first.`,
      );
    const serve = sirv(built, { extensions: ['html'], etag: true });
    page = (req, res, next) => serve(req, res, () => notFound(req, res, next));
  }
  const root = findRepoRoot(chapter.dir);
  return (req, res, next) => {
    if (req.url?.startsWith(`${OPEN_IN_EDITOR_PATH}?`)) return openInEditor(root, req, res);
    if (req.url === '/favicon.ico') {
      res.setHeader('Content-Type', 'image/svg+xml');
      res.setHeader('Cache-Control', 'max-age=86400');
      res.end(FAVICON);
      return;
    }
    if (req.url === IDENTITY_PATH) {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.end(JSON.stringify(identity));
      return;
    }
    page(req, res, next);
  };
}

/** Passes a request on to `origin` (the dev host's Vite) and streams the answer back. */
function proxyTo(origin: string): ClientHandler {
  const target = new URL(origin);
  return (req, res) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (res.headersSent) return void res.destroy();
      res.statusCode = 502;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`The page server (Vite) did not answer: ${error.message}`);
    });
    req.pipe(upstream);
  };
}

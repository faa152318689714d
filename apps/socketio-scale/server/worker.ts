// One cluster worker: an instance of the rooms chapter's server with the Redis
// adapter, fed its connections by the primary (@socket.io/sticky). Started by
// server/app.ts with cluster.fork(); never run by hand.
import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { type ClientHandler, defineChapter, serveChapter } from '@course/kit';
import { setupWorker } from '@socket.io/sticky';
import type { AdapterKind } from '../events.ts';
import { createInstance } from './instance.ts';

if (!cluster.isWorker)
  throw new Error('server/worker.ts runs in a cluster worker, started by server/app.ts');
// When the primary goes, so does this worker.
process.on('disconnect', () => process.exit(0));
// Ctrl-C reaches every process of the terminal: the primary stops the workers itself, in order.
process.on('SIGINT', () => {});

// Connections the primary hands over before this worker is ready are held, then replayed to sticky.
const early: [unknown, unknown][] = [];
const hold = (message: unknown, handle: unknown) => early.push([message, handle]);
process.on('message', hold);

const {
  INSTANCE = '?',
  REDIS_URL = '',
  ADAPTER = 'streams',
  COURSE_CHAPTER_DIR = '',
} = process.env;
const log = (line: string) => console.log(line);

// The kit's page handler (Vite in dev, the built page otherwise), taken from a page-only
// chapter: its own server listens on a port no one is told of, since every request
// reaches this worker through the primary.
let page: ClientHandler | undefined;
const pageOnly = await serveChapter(
  defineChapter({
    create: ({ client }) => {
      page = client;
      return { PORT: createServer((_req, res) => res.writeHead(404).end()) };
    },
  }),
  {
    dir: COURSE_CHAPTER_DIR,
    env: { ...process.env, PORT: '0' },
    ...(process.env.COURSE_VITE_ORIGIN ? { viteOrigin: process.env.COURSE_VITE_ORIGIN } : {}),
    log,
  },
);

try {
  const instance = await createInstance({
    redisUrl: REDIS_URL,
    adapter: ADAPTER as AdapterKind,
    instance: INSTANCE,
    ...(page ? { client: page } : {}),
    crashable: true,
    log,
  });
  // #region fixed:sticky-worker
  // fix: the primary hands each connection over, by session id; this worker never listens itself
  setupWorker(instance.io);
  // #endregion
  process.off('message', hold);
  for (const [message, handle] of early.splice(0))
    (process.emit as (event: string, ...args: unknown[]) => boolean)('message', message, handle);
  const stop = () =>
    void Promise.all([instance.close(), pageOnly.close()]).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.send?.({ type: 'ready', instance: INSTANCE });
} catch (error) {
  console.error(`instance ${INSTANCE}: ${(error as Error).message}`);
  process.exit(1);
}

// The chapter: the rooms chapter's server on WORKERS processes behind one port.
// The primary (this file) starts Redis when REDIS_URL is not set, forks the
// workers (server/worker.ts) and hands each connection to one of them with
// @socket.io/sticky, so that every request of a Socket.IO session reaches the
// worker that holds it. The workers share rooms through a Redis adapter.
import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { defineChapter, intVar } from '@course/kit';
import { setupMaster } from '@socket.io/sticky';
import * as v from 'valibot';
import { ADAPTER_KINDS, type AdapterKind } from '../events.ts';
import {
  INSTALL_REDIS,
  type RedisProcess,
  redisServerInstalled,
  startRedis,
  waitForRedis,
} from './redis.ts';

export { createInstance, type Instance, type InstanceOptions } from './instance.ts';

/** ADAPTER: `streams` (the default) or `pubsub`. */
const AdapterVar = v.optional(
  v.picklist(
    ADAPTER_KINDS,
    (issue) => `ADAPTER must be "streams" or "pubsub" (got ${String(issue.input)})`,
  ),
  'streams',
);
/** REDIS_URL: a redis:// URL; the chapter starts its own redis-server when it is not set. */
const RedisUrlVar = v.optional(
  v.pipe(v.string(), v.regex(/^rediss?:\/\/./, 'REDIS_URL must be a redis:// URL')),
);

/** IPC_SERIALIZATION: how the primary talks to its workers; `json` shows why sticky needs `advanced`. */
const SerializationVar = v.optional(
  v.picklist(
    ['advanced', 'json'] as const,
    (issue) => `IPC_SERIALIZATION must be "advanced" or "json" (got ${String(issue.input)})`,
  ),
  'advanced',
);

/** An instance's name: A, B, C… */
export const instanceName = (index: number): string => String.fromCharCode(65 + (index % 26));

/** How long a worker may take to connect to Redis and say it is ready. */
const READY_TIMEOUT_MS = 30_000;

export default defineChapter({
  env: {
    WORKERS: intVar(2, 1, 16),
    ADAPTER: AdapterVar,
    REDIS_URL: RedisUrlVar,
    REDIS_WAIT_MS: intVar(10_000, 0, 600_000),
    IPC_SERIALIZATION: SerializationVar,
  },
  create: async ({ env, log }) => {
    // Redis first: the one the learner named, or one of our own.
    let own: RedisProcess | undefined;
    let redisUrl = env.REDIS_URL;
    if (!redisUrl) {
      if (!redisServerInstalled()) throw new Error(`${INSTALL_REDIS} Then run this again.`);
      own = await startRedis();
      redisUrl = own.url;
      log(`  Started redis-server for this lesson: ${redisUrl} (stopped with the lesson)`);
    }
    try {
      await waitForRedis(redisUrl, env.REDIS_WAIT_MS, log);
    } catch (error) {
      await own?.stop();
      throw error;
    }

    // #region fixed:sticky-primary
    // fix: @socket.io/sticky sends the socket handle and a Buffer to the worker: that needs "advanced" serialization
    cluster.setupPrimary({
      exec: join(import.meta.dirname, 'worker.ts'),
      execArgv: ['--import', 'tsx'],
      serialization: env.IPC_SERIALIZATION, // 'advanced' unless the learner asks to see it fail
    });
    // #endregion
    let stopping = false;
    // Ctrl-C: the kit closes the servers; no worker that goes meanwhile is replaced.
    process.once('SIGINT', () => {
      stopping = true;
    });
    process.once('SIGTERM', () => {
      stopping = true;
    });
    const fork = (index: number): Promise<Worker> => {
      const worker = cluster.fork({
        INSTANCE: instanceName(index),
        REDIS_URL: redisUrl,
        ADAPTER: env.ADAPTER satisfies AdapterKind,
        COURSE_CHAPTER_DIR: join(import.meta.dirname, '..'),
      });
      // Least-connection picks the worker with the fewest clients: none until it is ready.
      (worker as Worker & { clientsCount?: number }).clientsCount = Number.POSITIVE_INFINITY;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `instance ${instanceName(index)} was not ready within ${READY_TIMEOUT_MS} ms`,
              ),
            ),
          READY_TIMEOUT_MS,
        );
        worker.on('message', (message: { type?: string }) => {
          if (message?.type !== 'ready') return;
          clearTimeout(timer);
          (worker as Worker & { clientsCount?: number }).clientsCount = 0;
          // A worker that dies is replaced under the same name; its clients reconnect to the others meanwhile.
          worker.once('exit', (code, signal) => {
            if (stopping) return;
            log(
              `  instance ${instanceName(index)} (pid ${worker.process.pid}) died (${signal ?? code}); starting a new one`,
            );
            fork(index).catch((error: Error) =>
              log(`  instance ${instanceName(index)}: ${error.message}`),
            );
          });
          resolve(worker);
        });
        worker.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`instance ${instanceName(index)} exited (${code}) before it was ready`));
        });
      });
    };

    const http = createServer();
    // The port opens only once every worker can take a handshake.
    const workers = await Promise.all(
      Array.from({ length: env.WORKERS }, (_, index) => fork(index)),
    ).catch(async (error) => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
      await own?.stop();
      throw error;
    });
    // #region fixed:sticky-master
    // fix: every request of a session goes to the worker that holds it (its sid), new ones to the least busy
    setupMaster(http, { loadBalancingMethod: 'least-connection' });
    // #endregion
    log(
      `  ${workers.length} instances (${env.ADAPTER} adapter): ${workers.map((worker, index) => `${instanceName(index)} pid ${worker.process.pid}`).join(', ')}`,
    );

    // Stopping the chapter stops its workers and the Redis it started.
    http.once('close', () => {
      stopping = true;
      const exits = Object.values(cluster.workers ?? {}).map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (!worker || worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      );
      void Promise.all(exits).then(() => own?.stop());
    });
    return { PORT: http };
  },
});

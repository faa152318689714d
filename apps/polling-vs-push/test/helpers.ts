import { type Listening, listening } from '@course/kit/test-server';
import { createFeedServer, type FeedServer, type FeedServerOptions } from '../server/app.ts';
import type { RunRequest, RunStats, Technique, TechniqueStats } from '../server/protocol.ts';

export interface TestServer extends Listening {
  server: FeedServer;
}

export async function startServer(options: FeedServerOptions = {}): Promise<TestServer> {
  const server = createFeedServer(options);
  return { ...(await listening(server)), server };
}

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Creates a run and returns its stats (id and all). */
export async function createRun(
  base: string,
  request: Partial<RunRequest> = {},
): Promise<RunStats> {
  const res = await postJson(`${base}/api/runs`, {
    messages: 5,
    rate: 50,
    pollIntervalMs: 50,
    ...request,
  });
  if (res.status !== 201) throw new Error(`create run: ${res.status} ${await res.text()}`);
  return (await res.json()) as RunStats;
}

export async function startRun(base: string, id: string): Promise<void> {
  const res = await postJson(`${base}/api/runs/${id}/start`, {});
  if (!res.ok) throw new Error(`start run: ${res.status} ${await res.text()}`);
}

export async function statsOf(
  base: string,
  id: string,
  technique: Technique,
): Promise<TechniqueStats> {
  const res = await fetch(`${base}/api/runs/${id}`);
  const stats = (await res.json()) as RunStats;
  const found = stats.techniques.find((t) => t.technique === technique);
  if (!found) throw new Error(`no ${technique} in run ${id}`);
  return found;
}

/** Polls `check` until it returns true or `ms` pass. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 10_000,
): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

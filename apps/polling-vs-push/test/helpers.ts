import { type Listening, listening } from '@course/kit/test-server';
import { createServers, type Servers, type ServersOptions } from '../server/app.ts';
import type { RunRequest, RunStats, Technique, TechniqueStats } from '../server/protocol.ts';
import { RunRegistry } from '../server/runs.ts';

/** A listening chapter server, with the runs it serves (the tests look inside). */
export interface TestServer extends Listening, Servers {
  runs: RunRegistry;
}

/** Starts the chapter's servers on a free port; `options.runs` is a fresh registry unless given. */
export async function start(options: ServersOptions = {}): Promise<TestServer> {
  const runs = options.runs ?? new RunRegistry();
  const servers = createServers({ ...options, runs });
  return { ...(await listening(servers.http)), ...servers, runs };
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

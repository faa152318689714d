/** The bridge's answer to GET /api/config: where the TCP servers listen and their limits. */
export interface Config {
  tcpPort: number;
  framedTcpPort: number;
  idleTimeoutMs: number;
  maxLineBytes: number;
}

/** Fetches JSON from the bridge; a non-2xx answer becomes an Error with the server's message. */
export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

export const getConfig = () => getJson<Config>('/api/config');

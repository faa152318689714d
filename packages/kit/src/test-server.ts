// For tests: a chapter's server (or any server) on a free loopback port.
import type { Server } from 'node:net';
import { type Listening, listen } from './listen.ts';

export type { Listening } from './listen.ts';

/**
 * Starts `server` on port 0 (or `port`) on 127.0.0.1 and resolves once it
 * listens. `close()` ends every open connection, WebSockets included, as the kit
 * does when a chapter stops.
 */
export function listening(server: Server, port = 0): Promise<Listening> {
  return listen(server, port);
}

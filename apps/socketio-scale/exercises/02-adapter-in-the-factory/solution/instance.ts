// One instance of the rooms chapter's server, sharing its rooms through Redis.
// See README.md beside this folder.
import { createServers, type Servers } from '@course/socketio-rooms';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { RedisClientType } from 'redis';

/** Builds one instance (not listening) whose rooms are shared with every instance on `redis`. */
export function createInstance(redis: RedisClientType): Servers {
  // The factory builds /chat, and its membership listeners, on the Redis adapter.
  return createServers({ adapter: createAdapter(redis) });
}

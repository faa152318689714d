import { listening } from '@course/kit/test-server';
import { createServers, type ServersOptions } from '../server/app.ts';

/** The chapter's three origins from `createServers(options)`, each listening on a free port. */
export async function start(options: ServersOptions = {}) {
  const servers = createServers(options);
  const parent = await listening(servers.http);
  const frame = await listening(servers.frame);
  const third = await listening(servers.third);
  return {
    /** The parent origin's base URL. */
    url: parent.url,
    parent,
    frame,
    third,
    /** Closes all three. */
    close: async () => {
      await Promise.all([parent.close(), frame.close(), third.close()]);
    },
  };
}

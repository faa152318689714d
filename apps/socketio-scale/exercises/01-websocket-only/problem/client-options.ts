// The options this chapter's clients connect with, behind a load balancer that
// has no sticky sessions. See README.md beside this folder.
import type { ManagerOptions, SocketOptions } from 'socket.io-client';

/** Passed to io(url, clientOptions) by every client of the check. */
export const clientOptions: Partial<ManagerOptions & SocketOptions> = {
  // TODO: the default starts with HTTP long-polling, one request after another,
  // and the balancer sends each one to the next instance.
};

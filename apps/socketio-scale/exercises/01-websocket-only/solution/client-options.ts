// The options this chapter's clients connect with, behind a load balancer that
// has no sticky sessions. See README.md beside this folder.
import type { ManagerOptions, SocketOptions } from 'socket.io-client';

/** Passed to io(url, clientOptions) by every client of the check. */
export const clientOptions: Partial<ManagerOptions & SocketOptions> = {
  // One WebSocket connection from the start: every frame stays on the instance it opened on.
  transports: ['websocket'],
};

// The benchmark's server, in a process of its own so clients and server do not
// share an event loop. Prints `listening <port>` once it is up; stops on SIGTERM.
import { createFeedServer } from '../server/app.ts';

const server = createFeedServer();
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address === 'object' && address) console.log(`listening ${address.port}`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

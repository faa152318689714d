// The benchmark's server, in a process of its own so clients and server do not
// share an event loop: the chapter as the kit runs it, on a free port, without
// the page. Prints `listening <port>` once it is up; stops on SIGTERM.
import { join } from 'node:path';
import { serveChapter } from '@course/kit';
import chapter from '../server/app.ts';

const running = await serveChapter(chapter, {
  dir: join(import.meta.dirname, '..'),
  anyPort: true,
  withoutPage: true,
});
console.log(`listening ${running.ports.PORT}`);
const stop = () => void running.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

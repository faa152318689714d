// @course/kit: the chapter contract (defineChapter) and what it runs on.
export {
  type ChapterContext,
  type ChapterDefinition,
  type ChapterServers,
  type ClientHandler,
  defineChapter,
  isChapterDefinition,
} from './chapter.ts';
export {
  type EnvOf,
  type EnvSpec,
  type EnvVar,
  intVar,
  listVar,
  parseEnv,
} from './env.ts';
export { loadChapter } from './load.ts';
export { MESSAGES_LOGGED_PER_SECOND, type MessageLog, messageLog } from './message-log.ts';
export { type CourseIdentity, IDENTITY_PATH } from './page.ts';
export { pageServer } from './page-server.ts';
export {
  chapterAt,
  PortInUseError,
  type RunningChapter,
  resolvePorts,
  type ServeOptions,
  serveChapter,
} from './serve.ts';
export { type Checked, check } from './validate.ts';

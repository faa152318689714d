// Starts the server of every chapter this run tests, all at once, each as its
// `start` script does (the built page), on its e2e ports; stops them after the run.
import { listWorkspaces } from '@course/chapters';
import { e2eEnv } from './ports.ts';
import { startChapterServer } from './server-process.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const names = new Set(process.env.E2E_CHAPTERS?.split(','));
  const chapters = listWorkspaces().filter((chapter) => names.has(chapter.name));
  const started = await Promise.allSettled(
    chapters.map((chapter) => startChapterServer(chapter.name, e2eEnv(chapter))),
  );
  const servers = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const stopAll = async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
  const failed = started.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  if (failed.length > 0) {
    await stopAll();
    throw new Error(`chapter servers did not start:\n${failed.join('\n')}`);
  }
  return stopAll;
}

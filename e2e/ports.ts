import { type Chapter, findChapter } from '@course/chapters';

/**
 * e2e servers listen on each chapter's default ports plus this offset, so a
 * test run never clashes with the chapters a learner has running (`pnpm start`).
 */
export const E2E_PORT_OFFSET = 10_000;

/** The chapter's ports during e2e runs, keyed by env var. */
export function e2ePorts(chapter: Chapter): Record<string, number> {
  return Object.fromEntries(
    Object.entries(chapter.course.ports).map(([name, port]) => [name, port + E2E_PORT_OFFSET]),
  );
}

/** `http://localhost:<PORT>` of the named chapter during e2e runs. */
export function e2eBaseUrl(name: string): string {
  return `http://localhost:${e2ePorts(findChapter(name)).PORT}`;
}

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

/**
 * A port for a server that a spec starts (and stops) itself: the chapter's e2e
 * PORT plus 50, plus the worker's parallel index, so that the same spec running
 * in two workers at once (`--repeat-each`) never asks for the same port.
 */
export function ownPort(name: string): number {
  return findChapter(name).course.ports.PORT + E2E_PORT_OFFSET + 50 + parallelIndex();
}

/**
 * The offset for a hub spec's own set of chapter ports: defaults + 20000, plus
 * 5000 per parallel worker (wider than the span of the chapters' defaults).
 */
export function ownChapterPortOffset(): number {
  return 20_000 + 5_000 * parallelIndex();
}

/** Playwright's index of this worker among those running at once (0 when unset). */
function parallelIndex(): number {
  return Number(process.env.TEST_PARALLEL_INDEX ?? 0);
}

/**
 * The env of a chapter's server in an e2e run: its ports (defaults + offset),
 * its `course.testEnv` (say, a shorter delay), and for the hub where to look for the chapters.
 * The code panels' "open in editor" runs `true`, a command that opens nothing and succeeds,
 * so a run never opens files in the developer's editor.
 */
export function e2eEnv(chapter: Chapter): Record<string, string> {
  const ports = Object.entries(e2ePorts(chapter)).map(([name, port]) => [name, String(port)]);
  const hub = chapter.course.kind === 'hub' ? { CHAPTER_PORT_OFFSET: String(E2E_PORT_OFFSET) } : {};
  return {
    LAUNCH_EDITOR: 'true',
    ...chapter.course.testEnv,
    ...hub,
    ...Object.fromEntries(ports),
  };
}

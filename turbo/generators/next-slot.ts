import type { Chapter } from '@course/chapters';

/** Where a new chapter goes: the next `order` and the next free hundred for its PORT. */
export interface ChapterSlot {
  order: number;
  port: number;
}

/**
 * The next order after the last chapter, and the lowest multiple of 100 above
 * every port in use (below 10000: e2e runs add 10000 to each port).
 */
export function nextChapterSlot(existing: Chapter[]): ChapterSlot {
  const orders = existing.map((chapter) => chapter.course.order);
  const used = new Set(existing.flatMap((chapter) => Object.values(chapter.course.ports)));
  const highest = Math.max(1900, ...[...used].filter((port) => port < 10_000));
  let port = (Math.floor(highest / 100) + 1) * 100;
  while (used.has(port)) port += 100;
  if (port >= 10_000) throw new Error('no free port below 10000: set "course.ports" by hand');
  return { order: Math.max(0, ...orders) + 1, port };
}

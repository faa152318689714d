// Whether a chapter is running. Something accepting connections on its PORT is
// not enough: another program may hold that port. The chapter's server answers
// GET /__course (the kit's identity route) with its name; a stranger does not.
import { type Chapter, isListening } from '@course/chapters';
import { type CourseIdentity, check, IDENTITY_PATH } from '@course/kit';
import * as v from 'valibot';

/** A chapter as the hub shows it: running, not running, or its port held by another program. */
export type ChapterStatus = 'up' | 'down' | 'taken';

/** The part of a `/__course` answer the hub reads. */
const Identity = v.object({
  course: v.literal('communication-api-course' satisfies CourseIdentity['course']),
  name: v.string(),
});

/**
 * `up` when `chapter` answers on `port` as itself, `down` when nothing accepts
 * connections there, `taken` when something else does (another program, another
 * chapter, or a server that does not answer `/__course` within `timeoutMs`).
 */
export async function chapterStatus(
  chapter: Chapter,
  port: number,
  timeoutMs = 1000,
): Promise<ChapterStatus> {
  if (!(await isListening(port))) return 'down';
  try {
    const res = await fetch(`http://127.0.0.1:${port}${IDENTITY_PATH}`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const identity = check(Identity, await res.json());
    return identity.ok && identity.value.name === chapter.name ? 'up' : 'taken';
  } catch {
    // Not HTTP, not JSON, or no answer in time: not a chapter of this course.
    return 'taken';
  }
}

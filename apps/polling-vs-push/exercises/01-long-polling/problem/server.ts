// Exercise: a long poll that waits. See README.md beside this folder.
import { defineChapter, intVar } from '@course/kit';
import type { RequestHandler } from 'express';
import { cursorOf, Feed, type FeedAnswer, feedServer } from '../feed.ts';

/**
 * `GET /feed/long-poll?after=<seq>`: answers `{ messages }`, the messages after the
 * client's cursor. The client asks again as soon as it has an answer.
 */
// biome-ignore lint/correctness/noUnusedFunctionParameters: the long poll you write uses it
function longPoll(feed: Feed, timeoutMs: number): RequestHandler {
  return (req, res) => {
    const after = cursorOf(feed, req.query.after);
    // TODO: this answers at once, even with nothing new: a short poll. When nothing is newer
    // than `after`, hold the request instead: answer when the feed emits 'message', or with
    // no messages after `timeoutMs`, whichever comes first, and only once. When the client
    // goes away first (res emits 'close'), let go of both.
    const answer: FeedAnswer = { messages: feed.after(after) };
    res.set('Cache-Control', 'no-store').json(answer);
  };
}

export default defineChapter({
  env: {
    /** How long a long poll waits for news before it answers empty. */
    LONG_POLL_TIMEOUT_MS: intVar(20_000, 100, 120_000),
  },
  create: ({ client, env }) => {
    const feed = new Feed();
    return { PORT: feedServer(feed, longPoll(feed, env.LONG_POLL_TIMEOUT_MS), client) };
  },
});

// Exercise: a long poll that waits. One solution.
import { defineChapter, intVar } from '@course/kit';
import type { RequestHandler } from 'express';
import { cursorOf, Feed, type FeedAnswer, feedServer } from '../feed.ts';

/**
 * `GET /feed/long-poll?after=<seq>`: answers `{ messages }`, the messages after the
 * client's cursor. The client asks again as soon as it has an answer.
 */
function longPoll(feed: Feed, timeoutMs: number): RequestHandler {
  return (req, res) => {
    const after = cursorOf(feed, req.query.after);
    let timer: NodeJS.Timeout | undefined;
    // Frees this waiter: its listener and its timer. Safe to call twice.
    const letGo = () => {
      clearTimeout(timer);
      feed.off('message', answer);
    };
    // Answers once: whatever comes first lets go of the other.
    const answer = () => {
      letGo();
      const body: FeedAnswer = { messages: feed.after(after) };
      res.set('Cache-Control', 'no-store').json(body);
    };
    // News the client has not seen yet: no reason to wait.
    if (feed.after(after).length > 0) return answer();
    // Hold the request: the next message answers it, or the timeout, with nothing.
    feed.on('message', answer);
    timer = setTimeout(answer, timeoutMs);
    // The client went away (or the server is closing): nobody is left to answer.
    res.on('close', letGo);
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

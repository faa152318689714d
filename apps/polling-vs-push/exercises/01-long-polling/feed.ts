// The feed this exercise serves, in both variants: messages published on demand
// (POST /feed), kept in a log, and the routes around the long poll. Not part of
// the exercise: the long poll itself is in server.ts.
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { ClientHandler } from '@course/kit';
import express, { type RequestHandler } from 'express';
import * as v from 'valibot';
import { answerErrors, fail, valid } from '../../server/hardening.ts';
import { type FeedMessage, preciseNow } from '../../server/protocol.ts';

/** What `GET /feed/long-poll` answers: the messages after the client's cursor, maybe none. */
export interface FeedAnswer {
  messages: FeedMessage[];
}

/** What `GET /feed/stats` answers. */
export interface FeedStats {
  /** Messages published so far. */
  published: number;
  /** Long polls waiting right now: one `message` listener each. */
  waiting: number;
}

/** A feed of messages numbered from 1. Emits `message` with each one it publishes. */
export class Feed extends EventEmitter<{ message: [FeedMessage] }> {
  readonly log: FeedMessage[] = [];

  constructor() {
    super();
    // Every waiting long poll is one listener: far more than the default warning at 10.
    this.setMaxListeners(1000);
  }

  /** Adds a message to the log and tells every listener. */
  publish(text: string): FeedMessage {
    const message: FeedMessage = { seq: this.log.length + 1, publishedAt: preciseNow(), text };
    this.log.push(message);
    this.emit('message', message);
    return message;
  }

  /** The messages after `seq`, oldest first. */
  after(seq: number): FeedMessage[] {
    return this.log.slice(seq);
  }
}

/** `?after=`: the last seq the client has, from 0 (none yet) to the newest; 0 when unset. */
export function cursorOf(feed: Feed, input: unknown): number {
  const message = `"after" must be an integer from 0 to ${feed.log.length}`;
  const schema = v.optional(
    v.pipe(
      v.string(message),
      v.regex(/^\d+$/, message),
      v.transform(Number),
      v.maxValue(feed.log.length, message),
    ),
    '0',
  );
  return valid(schema, input) as number;
}

/** `POST /feed`'s body: one message's text. */
const PublishSchema = v.object(
  {
    text: v.pipe(
      v.string('"text" must be a string'),
      v.nonEmpty('"text" is required'),
      v.maxLength(200, '"text" must be at most 200 characters'),
    ),
  },
  'body must be a JSON object with "text"',
);

/** The exercise's HTTP server: publishing, the long poll given, the stats, the page, a 404. */
export function feedServer(feed: Feed, longPoll: RequestHandler, client?: ClientHandler): Server {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  // Publishes one message: what makes news (the check, or you with curl).
  app.post('/feed', express.json({ limit: '4kb' }), (req, res) => {
    const { text } = valid(PublishSchema, req.body ?? null);
    res.status(201).json(feed.publish(text));
  });

  // The long poll: server.ts.
  app.get('/feed/long-poll', longPoll);

  // How many long polls are waiting now, counted as the feed's `message` listeners.
  app.get('/feed/stats', (_req, res) => {
    const stats: FeedStats = {
      published: feed.log.length,
      waiting: feed.listenerCount('message'),
    };
    res.set('Cache-Control', 'no-store').json(stats);
  });

  if (client) app.use(client);
  app.use((req, res) => fail(res, 404, `no route for ${req.method} ${req.path}`));
  app.use(answerErrors);
  return createServer(app);
}

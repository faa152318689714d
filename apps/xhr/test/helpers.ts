import { createServer } from 'node:http';
import { type Listening, listening } from '@course/kit/test-server';
import { type AppOptions, createApp } from '../server/app.ts';

/** Starts the chapter's app on a free port with `options`: its `url` and `close()`. */
export function start(options: AppOptions = {}): Promise<Listening> {
  return listening(createServer(createApp(options)));
}

// `GET /__open-in-editor?file=apps/<chapter>/server/app.ts:12`: the code panels'
// source links. Opens the file in the learner's editor (LAUNCH_EDITOR, VISUAL or
// EDITOR, or one found running, as Vite's error overlay does); without one, says so.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute, relative, resolve } from 'node:path';
import launchEditor from 'launch-editor';

/** The path the code panels' source links call. */
export const OPEN_IN_EDITOR_PATH = '/__open-in-editor';

/** A file of the course (not a dependency) with an optional `:line`, or an error. */
export function courseFile(
  root: string,
  spec: string | null,
): { path: string; line?: string } | { error: string } {
  const match = /^([^:]+)(?::(\d+))?$/.exec(spec ?? '');
  if (!match) return { error: '"file" must be a path like apps/xhr/server/app.ts:12' };
  const [, name = '', line] = match;
  const path = resolve(root, name);
  const inside = relative(root, path);
  if (
    inside.startsWith('..') ||
    isAbsolute(inside) ||
    inside.split(/[\\/]/).includes('node_modules')
  )
    return { error: `${name} is not a file of the course` };
  if (!existsSync(path)) return { error: `${name} does not exist` };
  return { path, line };
}

/** Opens `file` (`path:line`) in an editor; calls `onError(file, null)` at once when there is none. */
export type OpenFile = (
  file: string,
  onError: (file: string, message: string | null) => void,
) => void;

/** Handles the editor route under `root` (the repository); `open` launches the editor. */
export function openInEditor(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  open: OpenFile = launchEditor,
): void {
  const reply = (status: number, text: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
  };
  // Only the chapter's own page may ask: another site must not open files on this machine.
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin')
    return void reply(403, 'Only the course page may open files.');
  const file = courseFile(root, new URL(req.url ?? '', 'http://x').searchParams.get('file'));
  if ('error' in file) return void reply(400, file.error);
  // launch-editor reports "no editor" synchronously; a failure later only reaches the log.
  let noEditor = false;
  open(file.line ? `${file.path}:${file.line}` : file.path, (_name, message) => {
    if (message) console.error(`Could not open ${file.path} in your editor: ${message}`);
    else noEditor = true;
  });
  // Both answers are 200, so a learner without an editor gets no console error: the body says which.
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(
    JSON.stringify(
      noEditor
        ? {
            opened: false,
            message: `No editor set up: open ${relative(root, file.path)} yourself, or set EDITOR.`,
          }
        : { opened: true },
    ),
  );
}

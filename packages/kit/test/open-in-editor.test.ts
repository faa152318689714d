import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { courseFile, openInEditor } from '../src/open-in-editor.ts';
import { type Listening, listening } from '../src/test-server.ts';

// The code panels' source links, against this repository's own files.
const root = join(import.meta.dirname, '..', '..', '..');

describe('courseFile', () => {
  it('takes a course file with a line', () => {
    expect(courseFile(root, 'packages/kit/package.json:3')).toEqual({
      path: join(root, 'packages/kit/package.json'),
      line: '3',
    });
  });

  it('refuses paths outside the course, dependencies, missing files and garbage', () => {
    expect(courseFile(root, '../../etc/passwd')).toEqual({
      error: '../../etc/passwd is not a file of the course',
    });
    expect(courseFile(root, 'node_modules/.modules.yaml')).toEqual({
      error: 'node_modules/.modules.yaml is not a file of the course',
    });
    expect(courseFile(root, 'apps/nope.ts')).toEqual({ error: 'apps/nope.ts does not exist' });
    expect(courseFile(root, null)).toEqual({
      error: '"file" must be a path like apps/xhr/server/app.ts:12',
    });
  });
});

describe('GET /__open-in-editor', () => {
  let server: Listening | undefined;
  afterEach(() => server?.close());

  /** A server whose editor is `editor`: it records what it opened, or has none. */
  async function serve(editor: 'none' | string[]): Promise<string> {
    const http: Server = createServer((req, res) =>
      openInEditor(root, req, res, (file, onError) => {
        if (editor === 'none') onError(file, null);
        else editor.push(file);
      }),
    );
    server = await listening(http);
    return `${server.url}/__open-in-editor?file=`;
  }

  it('opens the file at its line in the editor, and says so', async () => {
    const opened: string[] = [];
    const res = await fetch(`${await serve(opened)}packages/kit/package.json:3`);
    expect([res.status, await res.json()]).toEqual([200, { opened: true }]);
    expect(opened).toEqual([`${join(root, 'packages/kit/package.json')}:3`]);
  });

  it('without an editor, answers (200, no console error) with the path to open by hand', async () => {
    const res = await fetch(`${await serve('none')}packages/kit/package.json:3`);
    expect([res.status, await res.json()]).toEqual([
      200,
      {
        opened: false,
        message: 'No editor set up: open packages/kit/package.json yourself, or set EDITOR.',
      },
    ]);
  });

  it('refuses another site (Sec-Fetch-Site) and a path outside the course', async () => {
    const opened: string[] = [];
    const base = await serve(opened);
    const foreign = await fetch(`${base}packages/kit/package.json`, {
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(foreign.status).toBe(403);
    const outside = await fetch(`${base}..%2F..%2Fetc%2Fpasswd`);
    expect(outside.status).toBe(400);
    expect(opened).toEqual([]);
  });
});

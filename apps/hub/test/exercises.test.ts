import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { listExercises, recordProgress } from '@course/chapters/exercises';
import type { ClientHandler } from '@course/kit';
import type { Listening } from '@course/kit/test-server';
import { EventSource } from 'eventsource';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExerciseCard } from '../server/app.ts';
import { progressFeed } from '../server/exercises.ts';
import { fakeExercise, fakeRepo, freePort, start } from './helpers.ts';

const HINTED = `# Two steps

Do the two steps.

Inline <b>raw</b> HTML, and a block of it:

<script>alert(1)</script>

## Hints

<details><summary>Hint 1</summary>

Look **here**.

</details>

<details><summary>Hint 2</summary>

\`\`\`ts
const answer = 42;
\`\`\`

</details>
`;

// Stands in for the kit's page handler: says which path it was asked for.
const hubPage: ClientHandler = (req, res) => {
  res.setHeader('Content-Type', 'text/html');
  res.end(`<title>hub page</title> asked for ${req.url}`);
};

let root: string;
let progress: string;
let hub: Listening;

beforeAll(async () => {
  root = fakeRepo([
    ['second', 2, await freePort()],
    ['first', 1, await freePort()],
    ['none', 3, await freePort()],
  ]);
  fakeExercise(root, 'first', '02-two-steps', HINTED);
  fakeExercise(root, 'first', '01-one', '# The first one\n\nDo it.\n\n## Hints\n');
  fakeExercise(root, 'second', '01-no-readme-yet');
  progress = join(mkdtempSync(join(tmpdir(), 'hub-progress-')), 'progress.json');
  hub = await start({ root, progressFile: progress, progressIntervalMs: 50, client: hubPage });
});
afterEach(() => {
  rmSync(progress, { force: true });
});
afterAll(async () => {
  await hub.close();
});

const exercises = async (url = hub.url) =>
  (await (await fetch(`${url}/api/exercises`)).json()) as ExerciseCard[];
const statuses = async () =>
  Object.fromEntries((await exercises()).map(({ id, status }) => [id, status]));
const writeProgress = (value: unknown) =>
  writeFileSync(progress, typeof value === 'string' ? value : JSON.stringify(value));

describe('the exercise list', () => {
  it('lists every exercise in course order, each with its command and README, not started without a progress file', async () => {
    const list = await exercises();
    expect(list.map((exercise) => exercise.id)).toEqual([
      'first/01-one',
      'first/02-two-steps',
      'second/01-no-readme-yet',
    ]);
    expect(list[1]).toEqual({
      id: 'first/02-two-steps',
      chapter: 'first',
      number: 2,
      slug: 'two-steps',
      title: 'Two steps',
      titleKo: 'Two steps',
      status: 'not started',
      command: 'pnpm practice first 2',
      readme: 'apps/first/exercises/02-two-steps/README.md',
    });
    // No README yet: the slug stands in for its title.
    expect(list[2]).toMatchObject({ title: 'no-readme-yet', status: 'not started' });
  });

  it('gives each exercise the status in the progress file, with its steps when the check counted them', async () => {
    writeProgress({
      'first/01-one': {
        status: 'passed',
        at: '2025-01-01T00:00:00Z',
        passedSteps: 3,
        totalSteps: 3,
      },
      'first/02-two-steps': {
        status: 'in progress',
        at: '2025-01-01T00:00:00Z',
        passedSteps: 1,
        totalSteps: 3,
      },
      'gone/01-old': { status: 'passed', at: '2025-01-01T00:00:00Z' },
    });
    const [one, two, three] = await exercises();
    expect(one).toMatchObject({ status: 'passed', passedSteps: 3, totalSteps: 3 });
    expect(two).toMatchObject({ status: 'in progress', passedSteps: 1, totalSteps: 3 });
    expect(three?.status).toBe('not started');
    expect(three).not.toHaveProperty('passedSteps');

    // Started, not checked yet: in progress, no steps.
    writeProgress({ 'first/01-one': { status: 'in progress', at: '2025-01-01T00:00:00Z' } });
    const [started] = await exercises();
    expect(started?.status).toBe('in progress');
    expect(started).not.toHaveProperty('totalSteps');
  });

  it('reads the entries it can: a strange status is not started, strange steps are left out', async () => {
    writeProgress({
      'first/01-one': { status: 'done', passedSteps: 1, totalSteps: 1 },
      'first/02-two-steps': { status: 'in progress', passedSteps: 4, totalSteps: 3 },
      'second/01-no-readme-yet': 'passed',
    });
    const [one, two, three] = await exercises();
    expect(one).toMatchObject({ status: 'not started' });
    expect(one).not.toHaveProperty('passedSteps');
    expect(two).toMatchObject({ status: 'in progress' });
    expect(two).not.toHaveProperty('passedSteps');
    expect(three?.status).toBe('not started');
  });

  it('counts a broken progress file as not started everywhere', async () => {
    for (const broken of ['{"first/01-one": {"status": "pass', '[1, 2]', 'null', '']) {
      writeProgress(broken);
      expect(Object.values(await statuses()), broken).toEqual([
        'not started',
        'not started',
        'not started',
      ]);
    }
  });

  it('picks up an exercise that appears later, without a restart', async () => {
    fakeExercise(root, 'none', '01-late', '# Late\n');
    try {
      expect((await exercises()).map((exercise) => exercise.id)).toContain('none/01-late');
    } finally {
      rmSync(join(root, 'apps', 'none', 'exercises'), { recursive: true });
    }
  });

  it('reads COURSE_PROGRESS_FILE by default, a relative path from its working directory', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hub-env-')), 'progress.json');
    writeFileSync(file, JSON.stringify({ 'first/01-one': { status: 'passed', at: '' } }));
    vi.stubEnv('COURSE_PROGRESS_FILE', relative(process.cwd(), file));
    const fromEnv = await start({ root });
    try {
      const [one] = await exercises(fromEnv.url);
      expect(one?.status).toBe('passed');
    } finally {
      vi.unstubAllEnvs();
      await fromEnv.close();
    }
  });

  it('reads <root>/.course/progress.json when COURSE_PROGRESS_FILE is not set', async () => {
    vi.stubEnv('COURSE_PROGRESS_FILE', '');
    const atRoot = await start({ root });
    try {
      recordProgress(
        'second/01-no-readme-yet',
        { status: 'in progress', at: '' },
        join(root, '.course', 'progress.json'),
      );
      const [, , three] = await exercises(atRoot.url);
      expect(three?.status).toBe('in progress');
    } finally {
      vi.unstubAllEnvs();
      await atRoot.close();
    }
  });

  it('lists the real course exercises, xhr/01-loading-state among them', async () => {
    const real = await start({ progressFile: progress });
    try {
      const list = await exercises(real.url);
      expect(list.map((exercise) => exercise.id)).toEqual(listExercises().map((e) => e.id));
      expect(list.find((exercise) => exercise.id === 'xhr/01-loading-state')).toMatchObject({
        chapter: 'xhr',
        number: 1,
        command: 'pnpm practice xhr 1',
        readme: 'apps/xhr/exercises/01-loading-state/README.md',
      });
    } finally {
      await real.close();
    }
  });
});

describe('an exercise README', () => {
  it('renders as a styled HTML page, its hints folded in <details>', async () => {
    const res = await fetch(`${hub.url}/readme/first/exercises/2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<h1>Two steps</h1>');
    expect(html).toContain('<h2>Hints</h2>');
    expect(html).toContain('href="/readme.css"');
    expect(html).toContain('<details><summary>Hint 1</summary>');
    expect(html).toContain('<p>Look <strong>here</strong>.</p>\n</details>');
    expect(html).toContain('<details><summary>Hint 2</summary><pre><code class="language-ts">');
    expect(html).not.toMatch(/<details[^>]/);
  });

  it('still shows any other raw HTML as text', async () => {
    const html = await (await fetch(`${hub.url}/readme/first/exercises/2`)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Inline &#60;b&#62;raw&#60;/b&#62; HTML');
  });

  it('answers 404 with what there is for an unknown chapter, exercise or a missing README', async () => {
    const cases = {
      '/readme/nope/exercises/1': 'There is no chapter named "nope".',
      '/readme/first/exercises/9':
        'first title has no exercise "9". Its exercises: 1 (The first one), 2 (Two steps).',
      '/readme/first/exercises/two':
        'first title has no exercise "two". Its exercises: 1 (The first one), 2 (Two steps).',
      '/readme/none/exercises/1': 'none title has no exercise "1". It has no exercises yet.',
      '/readme/second/exercises/1': 'There is no README for second/01-no-readme-yet.',
    };
    for (const [path, error] of Object.entries(cases)) {
      const res = await fetch(`${hub.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json(), path).toEqual({ error });
    }
  });
});

describe('exercise URLs', () => {
  it('answers /chapters/<name>/exercises/<n> with the hub page', async () => {
    for (const path of ['/chapters/first/exercises/1', '/chapters/first/exercises/02']) {
      const res = await fetch(`${hub.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe('<title>hub page</title> asked for /');
    }
  });

  it('answers an unknown chapter or exercise with a 404 page that says so', async () => {
    const cases = {
      '/chapters/nope/exercises/1': 'There is no chapter named &#34;nope&#34;.',
      '/chapters/first/exercises/3': 'first title has no exercise &#34;3&#34;.',
      '/chapters/first/exercises/%3Cb%3E': 'first title has no exercise &#34;&#60;b&#62;&#34;.',
    };
    for (const [path, message] of Object.entries(cases)) {
      const res = await fetch(`${hub.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html, path).toContain(message);
      expect(html).toContain('<a href="/chapters/first">first title</a>');
      expect(html).not.toContain('hub page');
    }
  });
});

describe('the live exercises stream', () => {
  // A hub of its own for each test, with a progress file of its own: no stream of another test
  // still open, no file of another test just removed.
  let file: string;
  let own: Listening;
  beforeEach(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'hub-stream-')), 'progress.json');
    own = await start({ root, progressFile: file, progressIntervalMs: 50 });
  });
  afterEach(async () => {
    await own.close();
  });
  const write = (value: unknown) => writeFileSync(file, JSON.stringify(value));

  /** Opens the stream and collects its `exercises` events. */
  const listen = () => {
    const source = new EventSource(`${own.url}/api/exercises/stream`);
    const events: ExerciseCard[][] = [];
    source.addEventListener('exercises', (event) => events.push(JSON.parse(event.data)));
    return { source, events };
  };
  const statusOf = (list: ExerciseCard[] | undefined, id: string) =>
    list?.find((exercise) => exercise.id === id)?.status;

  it('sends the list at once, then again when the progress file is written', async () => {
    const { source, events } = listen();
    try {
      await vi.waitFor(() => expect(events).toHaveLength(1));
      expect(statusOf(events[0], 'first/01-one')).toBe('not started');

      // As `pnpm practice` writes it: a new file renamed over the old one.
      recordProgress(
        'first/01-one',
        { status: 'in progress', at: '', passedSteps: 1, totalSteps: 2 },
        file,
      );
      await vi.waitFor(() => expect(events).toHaveLength(2));
      expect(events[1]?.[0]).toMatchObject({
        status: 'in progress',
        passedSteps: 1,
        totalSteps: 2,
      });

      // Written in place, and then removed.
      write({ 'first/01-one': { status: 'passed', at: '' } });
      await vi.waitFor(() => expect(statusOf(events.at(-1), 'first/01-one')).toBe('passed'));
      rmSync(file);
      await vi.waitFor(() => expect(statusOf(events.at(-1), 'first/01-one')).toBe('not started'));
    } finally {
      source.close();
    }
  });

  it('sends nothing while the file stays as it is', async () => {
    write({ 'first/01-one': { status: 'passed', at: '' } });
    const { source, events } = listen();
    try {
      await vi.waitFor(() => expect(events).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(events).toHaveLength(1);
    } finally {
      source.close();
    }
  });

  it('tells every client, and starts again for a client that comes after the last one left', async () => {
    const first = listen();
    const second = listen();
    await vi.waitFor(() => {
      expect(first.events).toHaveLength(1);
      expect(second.events).toHaveLength(1);
    });
    write({ 'first/02-two-steps': { status: 'passed', at: '' } });
    await vi.waitFor(() => {
      expect(statusOf(first.events.at(-1), 'first/02-two-steps')).toBe('passed');
      expect(statusOf(second.events.at(-1), 'first/02-two-steps')).toBe('passed');
    });
    first.source.close();
    second.source.close();
    // Give the server a moment to see both go.
    await new Promise((resolve) => setTimeout(resolve, 100));

    const later = listen();
    try {
      await vi.waitFor(() => expect(later.events).toHaveLength(1));
      write({ 'first/02-two-steps': { status: 'in progress', at: '' } });
      await vi.waitFor(() =>
        expect(statusOf(later.events.at(-1), 'first/02-two-steps')).toBe('in progress'),
      );
    } finally {
      later.source.close();
    }
  });
});

describe('the progress feed', () => {
  it('looks at the file with one timer for every subscriber, and only while someone listens', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hub-feed-')), 'progress.json');
    const feed = progressFeed(file, 20);
    expect(feed.watching).toBe(false);
    const a = vi.fn();
    const b = vi.fn();
    const stopA = feed.subscribe(a);
    const stopB = feed.subscribe(b);
    expect(feed.watching).toBe(true);

    writeFileSync(file, '{}');
    await vi.waitFor(() => {
      expect(a).toHaveBeenCalledTimes(1);
      expect(b).toHaveBeenCalledTimes(1);
    });
    stopA();
    expect(feed.watching).toBe(true);
    writeFileSync(file, '{"x": 1}');
    await vi.waitFor(() => expect(b).toHaveBeenCalledTimes(2));
    expect(a).toHaveBeenCalledTimes(1);

    stopB();
    expect(feed.watching).toBe(false);
    writeFileSync(file, '{"x": 2}');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(b).toHaveBeenCalledTimes(2);
  });
});

import { checkFixedPanel } from '@course/e2e/code-panel';
import { expect, type Page, test } from '@playwright/test';

// Each demo's "Show the code" panel. The lecture has no code of its own for the six
// techniques, so every panel shows the fixed code only, read from the chapter's
// source at build time: a line of it, a note beside it, and the file it came from.

interface FixedPanel {
  id: string;
  /** The section of the page the panel belongs to. */
  section: string;
  /** The source file, from the repository root. */
  file: string;
  /** A line the code must show. */
  line: string;
  /** A note shown beside the code, not in it. */
  note?: string;
}

// A busy machine can take 20 s to open a page: room for that, never a retry.
test.describe.configure({ timeout: 90_000 });

const app = 'apps/polling-vs-push';

const PANELS: FixedPanel[] = [
  {
    id: 'start-when-connected',
    section: '#controls',
    file: `${app}/client/src/compare.ts`,
    line: 'await within(Promise.all(lanes.map((lane) => lane.delivery?.ready)), 15_000, t.connectTimedOut);',
    note: 'publishing starts only once every client is connected',
  },
  {
    id: 'run-request',
    section: '#controls',
    file: `${app}/server/hardening.ts`,
    line: "messages: integer('messages', LIMITS.messages.min, LIMITS.messages.max),",
  },
  {
    id: 'run-api',
    section: '#controls',
    file: `${app}/server/run-api.ts`,
    line: "router.post('/api/runs/:id/start', (req, res) => {",
  },
  {
    id: 'publish',
    section: '#controls',
    file: `${app}/server/runs.ts`,
    line: 'const due = startedAt + seq * gapMs;',
    note: 'late timers do not add up',
  },
  {
    id: 'short-poll-feed',
    section: '#lanes-section',
    file: `${app}/server/feeds.ts`,
    line: "res.set('Cache-Control', 'no-store').json(answer);",
    note: 'a cached empty answer would hide new messages',
  },
  {
    id: 'poll-loop',
    section: '#lanes-section',
    file: `${app}/client/src/deliver.ts`,
    line: 'else timer = setTimeout(next, gapMs);',
    note: 'so two polls never overlap',
  },
  {
    id: 'long-poll-feed',
    section: '#lanes-section',
    file: `${app}/server/feeds.ts`,
    line: 'timer = setTimeout(answer, timeoutMs);',
    note: 'never held forever',
  },
  {
    id: 'follow',
    section: '#lanes-section',
    file: `${app}/server/feeds.ts`,
    line: 'for (const message of run.after(last)) {',
  },
  {
    id: 'stream-feed',
    section: '#lanes-section',
    file: `${app}/server/feeds.ts`,
    line: "'Content-Type': 'application/x-ndjson; charset=utf-8',",
  },
  {
    id: 'stream-reader',
    section: '#lanes-section',
    file: `${app}/client/src/deliver.ts`,
    line: "buffered = lines.pop() ?? '';",
    note: 'a chunk is not a message',
  },
  {
    id: 'sse-feed',
    section: '#lanes-section',
    file: `${app}/server/feeds.ts`,
    line: "res.write('event: end\\ndata: {}\\n\\n');",
  },
  {
    id: 'sse-client',
    section: '#lanes-section',
    file: `${app}/client/src/deliver.ts`,
    line: "source.addEventListener('end', () => {",
  },
  {
    id: 'upgrade-routing',
    section: '#lanes-section',
    file: `${app}/server/app.ts`,
    line: "if (pathname === '/feed/ws') return webSocket(req, socket, head);",
    note: 'answers every upgrade at once',
  },
  {
    id: 'websocket-feed',
    section: '#lanes-section',
    file: `${app}/server/feeds.ts`,
    line: "() => ws.close(1000, 'feed complete'),",
  },
  {
    id: 'websocket-client',
    section: '#lanes-section',
    file: `${app}/client/src/deliver.ts`,
    line: 'if (event.code === 1000) done.resolve();',
    note: 'any other code is an error',
  },
  {
    id: 'socket-io-feed',
    section: '#lanes-section',
    file: `${app}/server/feeds.ts`,
    line: "(message) => socket.emit('feed', message),",
  },
  {
    id: 'socket-io-client',
    section: '#lanes-section',
    file: `${app}/client/src/deliver.ts`,
    line: 'env.io(env.baseUrl, { query: { run: run.id }, forceNew: true });',
  },
  {
    id: 'wire-meter',
    section: '#charts',
    file: `${app}/server/wire-meter.ts`,
    line: 'tally.bytesUp += read - seen.read;',
    note: 'remember how far it was counted',
  },
  {
    id: 'meter-requests',
    section: '#charts',
    file: `${app}/server/wire-meter.ts`,
    line: "res.once('finish', end);",
  },
  {
    id: 'report-chain',
    section: '#charts',
    file: `${app}/client/src/compare.ts`,
    line: 'await previous;',
  },
  {
    id: 'receipts',
    section: '#charts',
    file: `${app}/server/runs.ts`,
    line: 'receipts.latencies.push(at - published.publishedAt);',
    note: 'latency on one clock',
  },
];

/** Opens the fixed-only panel in its section and checks what a learner reads in it. */
async function checkFixedOnly(page: Page, want: FixedPanel) {
  await expect(page.locator(`${want.section} [data-code-panel="${want.id}"]`)).toHaveCount(1);
  await checkFixedPanel(page, want.id, { fixed: want.line, file: want.file, note: want.note });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('every demo has its panels: the run, the six lanes, the measurements', async ({ page }) => {
  for (const section of ['#controls', '#lanes-section', '#charts'])
    await expect(page.locator(`${section} details.code-panel`)).toHaveCount(
      PANELS.filter((panel) => panel.section === section).length,
    );
  // A panel per lane, under a heading that names its technique.
  await expect(page.locator('.lane-code h3')).toHaveText([
    'Short polling',
    'Long polling',
    'HTTP streaming',
    'SSE',
    'WebSocket',
    'Socket.IO',
  ]);
  // The lanes themselves are untouched: six of them, built by the page.
  await expect(page.locator('.lane h3')).toHaveCount(6);
});

const SECTIONS = {
  '#controls': 'the run: connect all six, check the numbers, start, publish',
  '#lanes-section': 'each lane: its feed handler and its client',
  '#charts': 'the measurements: bytes off the sockets, receipts',
};

for (const [section, what] of Object.entries(SECTIONS))
  test(`${section} shows the code of ${what}`, async ({ page }) => {
    // A dozen panels on a busy machine: more room than one check needs.
    test.setTimeout(120_000);
    for (const want of PANELS.filter((panel) => panel.section === section))
      await test.step(want.id, () => checkFixedOnly(page, want));
  });

test('a source link asks the server to open the file in the editor', async ({ page }) => {
  const panel = page.locator('details.code-panel[data-code-panel="long-poll-feed"]');
  await panel.locator('summary').click();
  await panel.locator('a.source-link').click();
  await expect(panel.locator('.source-status')).toHaveText('Opened in your editor.');
});

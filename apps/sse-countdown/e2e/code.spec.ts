import { checkCodePanel, checkFixedPanel, checkPanelsPlaced } from '@course/e2e/code-panel';
import { expect, type Page, test } from '@playwright/test';

// Each demo's "Show the code" panel, read from the chapter's source at build time:
// the lecture's client and stream beside the fixed ones (the page's listeners,
// its eventPhase check, the headers, the events, where a connection starts),
// and the fixed code alone for what the lecture has no version of.

/** The panels each page shows, by the section of the demo they explain. */
const PANELS: Record<string, Record<string, string[]>> = {
  '/lecture': {
    'as-written': ['countdown-client'],
    loop: ['stream-open', 'countdown-events', 'countdown-route'],
    drop: ['error-handler', 'countdown-play'],
  },
  '/fixed': {
    fixed: [
      'countdown-client',
      'error-handler',
      'stream-open',
      'countdown-events',
      'countdown-route',
    ],
    stats: ['stream-cleanup'],
  },
  '/beyond': {
    named: ['named-events', 'named-client'],
    raw: ['raw-reader', 'resume-index', 'encode-event'],
    limits: ['stream-open', 'stream-quota'],
  },
  '/limit': {
    limit: ['limit-slot', 'limit-stream', 'limit-unload'],
  },
};

/** The two-view panels, as checkCodePanel reads them. */
const COUNTDOWN_CLIENT = {
  lecture: "source.addEventListener('message', (e) => {",
  fixed: "source.addEventListener('end', () => {",
  note: "fix: close() on the server's end event, or the browser reconnects once the response ends",
};
const ERROR_HANDLER = {
  lecture: 'if (eventPhaseCheck && e.eventPhase === EventSource.CLOSED) {',
  fixed: 'if (source.readyState === EventSource.CONNECTING) {',
  note: 'pitfall: eventPhase is the DOM phase, AT_TARGET (2) here, and EventSource.CLOSED is 2 too: every error closes',
};
const STREAM_OPEN = {
  lecture: "'Content-Type': 'text/event-stream',",
  fixed: 'stream.retry(retryMs);',
  note: 'pitfall: no retry:, so after the end the browser waits its own delay (about 3 s) and reconnects',
};
const COUNTDOWN_EVENTS = {
  lecture: 'events.push({ data: countData(cnt) });',
  fixed: "events.push({ id: END_ID, event: 'end',",
  note: 'fix: each number is its own id:, which the browser sends back as Last-Event-ID',
};
const COUNTDOWN_ROUTE = {
  lecture: "const stream = openStream(req, res, 'lecture');",
  fixed: "if (from === 'done') return void res.status(204).end();",
  note: 'pitfall: every connection starts at 10, a reconnect too: the server cannot tell them apart',
};

/** The fixed-only panel `id`: a line of its code, its file under apps/sse-countdown/, maybe a note. */
const checkFixedOnly = (page: Page, id: string, line: string, file: string, note?: string) =>
  checkFixedPanel(page, id, { fixed: line, file: `apps/sse-countdown/${file}`, note });

for (const [path, sections] of Object.entries(PANELS)) {
  test(`${path}: each demo has its code panel, closed until asked`, async ({ page }) => {
    await page.goto(path);
    await checkPanelsPlaced(page, sections);
  });
}

test("/lecture: the lecture's client and its eventPhase check, each beside the fixed client", async ({
  page,
}) => {
  await page.goto('/lecture');
  await checkCodePanel(page, 'countdown-client', COUNTDOWN_CLIENT);
  await checkCodePanel(page, 'error-handler', ERROR_HANDLER);
  // The lecture's view links the lecture page's own client; the fixed one, the fixed client.
  const handler = page.locator('[data-code-panel="error-handler"]');
  await expect(handler.locator('[data-view="lecture"] a.source-link')).toContainText(
    'apps/sse-countdown/client/src/lecture.ts',
  );
  await expect(handler.locator('[data-view="fixed"] a.source-link')).toContainText(
    'apps/sse-countdown/client/src/fixed-client.ts',
  );
  // A note stays beside the code, not in it.
  await expect(handler.locator('[data-view="lecture"] pre')).not.toContainText('pitfall:');
  // The demo still runs as written with the panels open.
  await expect(page.locator('#lecture-state')).toHaveText('Disconnected', { timeout: 15_000 });
});

test("/lecture: the lecture's stream beside the fixed stream; how the server cuts a connection", async ({
  page,
}) => {
  await page.goto('/lecture');
  await checkCodePanel(page, 'stream-open', STREAM_OPEN);
  await checkCodePanel(page, 'countdown-events', COUNTDOWN_EVENTS);
  await checkCodePanel(page, 'countdown-route', COUNTDOWN_ROUTE);
  await checkFixedOnly(
    page,
    'countdown-play',
    'cutNext = drop !== undefined && event.data === drop;',
    'server/app.ts',
  );
});

test("/fixed: the fixed client and its readyState check, each beside the lecture's", async ({
  page,
}) => {
  await page.goto('/fixed');
  await checkCodePanel(page, 'countdown-client', COUNTDOWN_CLIENT);
  await checkCodePanel(page, 'error-handler', {
    ...ERROR_HANDLER,
    note: 'fix: CONNECTING means the browser is already reconnecting: leave it to it',
  });
  await expect(page.locator('#counts')).toHaveText('10 9 8 7 6 5 4 3 2 1 0', { timeout: 15_000 });
});

test("/fixed: the fixed stream beside the lecture's; the cleanup alone", async ({ page }) => {
  await page.goto('/fixed');
  await checkCodePanel(page, 'stream-open', {
    ...STREAM_OPEN,
    note: 'fix: nginx (and proxies that copy it) would otherwise buffer the stream',
  });
  await checkCodePanel(page, 'countdown-events', {
    ...COUNTDOWN_EVENTS,
    note: 'fix: 0 is not the end of the protocol: a named end event tells the page to close()',
  });
  await checkCodePanel(page, 'countdown-route', {
    ...COUNTDOWN_ROUTE,
    note: 'fix: the client already saw the end: 204 tells EventSource to stop for good',
  });
  await checkFixedOnly(
    page,
    'stream-cleanup',
    'for (const timer of this.timers) clearInterval(timer);',
    'server/stream.ts',
    'whichever side closed the response, every timer of this stream stops with it',
  );
});

test('/beyond: named events, the raw reader, resuming, the wire format, heartbeat and the bound', async ({
  page,
}) => {
  await page.goto('/beyond');
  await checkFixedOnly(
    page,
    'named-events',
    "{ id: '4', event: 'poem', data: 'Streams arrive\\nline by line,\\njoined with newlines.' },",
    'server/app.ts',
  );
  await checkFixedOnly(
    page,
    'named-client',
    "source.addEventListener('greeting', (e) => {",
    'client/src/beyond.ts',
  );
  await checkFixedOnly(
    page,
    'raw-reader',
    "if (lastId !== '') headers['Last-Event-ID'] = lastId;",
    'client/src/beyond.ts',
  );
  await checkFixedOnly(
    page,
    'resume-index',
    'const seen = script.findIndex((event) => event.id === lastEventId);',
    'server/app.ts',
  );
  await checkFixedOnly(
    page,
    'encode-event',
    "for (const line of data.split('\\n'))",
    'server/stream.ts',
  );
  // Shown alone here: the fixed stream's headers, retry: and heartbeat, with their notes.
  await checkFixedOnly(
    page,
    'stream-open',
    "stream.every(heartbeatMs, () => stream.comment('heartbeat'));",
    'server/app.ts',
    'a comment now and then is traffic to proxies that close a quiet connection',
  );
  await checkFixedOnly(
    page,
    'stream-quota',
    'fail(res, 429, quota.refusal(address));',
    'server/app.ts',
    'one more gets 429, which EventSource never retries',
  );
});

test('/limit: the seven streams, the stream the server keeps open, and beforeunload', async ({
  page,
}) => {
  await page.goto('/limit');
  await checkFixedOnly(
    page,
    'limit-slot',
    'source: new EventSource(`/limit-stream?slot=',
    'client/src/limit.ts',
  );
  await checkFixedOnly(
    page,
    'limit-stream',
    "stream.send({ id: String(ticks), event: 'tick', data: String(ticks) });",
    'server/app.ts',
  );
  await checkFixedOnly(
    page,
    'limit-unload',
    "window.addEventListener('beforeunload', () => {",
    'client/src/limit.ts',
  );
});

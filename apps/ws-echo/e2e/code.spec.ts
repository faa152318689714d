import { checkCodePanel, checkFixedPanel, checkPanelsPlaced } from '@course/e2e/code-panel';
import { expect, type Page, test } from '@playwright/test';

// Each demo's "Show the code" panel, read from the chapter's source at build time:
// the naive echo beside the fixed one, the lecture page's close and pageshow
// handling beside the reconnecting page's, and the fixed code alone for what
// the lecture has no version of (the Origin check, the size limit, the API demos).

/** The panels each page shows, by the section of the demo they explain. */
const PANELS: Record<string, Record<string, string[]>> = {
  '/lecture': {
    lecture: ['on-connection', 'echo-reply', 'close-handling'],
    'back-forward': ['page-lifecycle'],
  },
  '/api': {
    connection: ['api-connect', 'server-options'],
    send: ['api-send', 'echo-reply'],
    buffered: ['bulk-send'],
    close: ['close-form'],
  },
  '/reconnect': {
    reconnect: ['close-handling', 'backoff', 'heartbeat'],
    bfcache: ['page-lifecycle'],
  },
  '/pitfalls': {
    naive: ['echo-reply'],
    'too-big': ['server-options'],
    utf8: ['connection-error'],
    origin: ['origin-check', 'origin-allowed'],
  },
};

/** The two-view panels, as checkCodePanel reads them. */
const ECHO_REPLY = {
  lecture: "onConnection('naive', (ws, data) => ws.send(data)),",
  fixed: "onConnection('echo', (ws, data, isBinary) => ws.send(data, { binary: isBinary })),",
  note: 'pitfall: data is a Buffer even for a text message, and ws sends a Buffer as a binary frame',
};
const CLOSE_HANDLING = {
  lecture: 'ws.onclose = (event) => {',
  fixed: 'retryTimer = setTimeout(connect, delay);',
  note: 'fix: a close the page asked for (Close, pagehide) is not a reason to retry',
};
const PAGE_LIFECYCLE = {
  lecture: "addEventListener('pageshow', (event) => {",
  fixed: "stop('page hidden');",
  note: 'fix: restored from the cache with its socket closed, so open a new one',
};

/** The fixed-only panel `id`: a line of its code, and its file under apps/ws-echo/. */
const checkFixedOnly = (page: Page, id: string, line: string, file: string) =>
  checkFixedPanel(page, id, { fixed: line, file: `apps/ws-echo/${file}` });

for (const [path, sections] of Object.entries(PANELS)) {
  test(`${path}: each demo has its code panel, closed until asked`, async ({ page }) => {
    await page.goto(path);
    await checkPanelsPlaced(page, sections);
  });
}

test('/lecture: the echo, the close handler and pageshow, each beside its fix', async ({
  page,
}) => {
  await page.goto('/lecture');
  await checkFixedOnly(page, 'on-connection', 'ws.send(GREETING);', 'server/app.ts');
  await checkCodePanel(page, 'echo-reply', ECHO_REPLY);
  await checkCodePanel(page, 'close-handling', CLOSE_HANDLING);
  await checkCodePanel(page, 'page-lifecycle', PAGE_LIFECYCLE);
  // The lecture's view links the lecture page's own code; the fixed one, the reconnecting page's.
  const lifecycle = page.locator('[data-code-panel="page-lifecycle"]');
  await expect(lifecycle.locator('[data-view="lecture"] a.source-link')).toContainText(
    'apps/ws-echo/client/src/lecture.ts',
  );
  await expect(lifecycle.locator('[data-view="fixed"] a.source-link')).toContainText(
    'apps/ws-echo/client/src/reconnect.ts',
  );
  // A note stays beside the code, not in it.
  await expect(lifecycle.locator('[data-view="fixed"] pre')).not.toContainText('fix:');
});

test('/api: each demo shows the code it runs, and the echo that keeps text as text', async ({
  page,
}) => {
  await page.goto('/api');
  await checkFixedOnly(
    page,
    'api-connect',
    "const socket = new WebSocket(wsUrl('/'), offered);",
    'client/src/api.ts',
  );
  await checkFixedOnly(
    page,
    'server-options',
    'SUBPROTOCOLS.find((p) => offered.has(p)) ?? false',
    'server/app.ts',
  );
  await checkFixedOnly(page, 'api-send', 'const blob = new Blob([text()]);', 'client/src/api.ts');
  await checkCodePanel(page, 'echo-reply', ECHO_REPLY);
  await checkFixedOnly(
    page,
    'bulk-send',
    'const peak = socket.bufferedAmount;',
    'client/src/api.ts',
  );
  await checkFixedOnly(
    page,
    'close-form',
    'else ws.close(Number(rawCode), reason);',
    'client/src/api.ts',
  );
});

test('/reconnect: the retrying close listener and pagehide/pageshow beside the lecture page', async ({
  page,
}) => {
  await page.goto('/reconnect');
  await checkCodePanel(page, 'close-handling', CLOSE_HANDLING);
  await checkFixedOnly(
    page,
    'backoff',
    'const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** (n - 1));',
    'client/src/backoff.ts',
  );
  await checkFixedOnly(page, 'heartbeat', 'ws.terminate();', 'server/app.ts');
  await checkCodePanel(page, 'page-lifecycle', PAGE_LIFECYCLE);
});

test('/pitfalls: the naive echo beside the fix; the limit, the error listener and the Origin check', async ({
  page,
}) => {
  await page.goto('/pitfalls');
  await checkCodePanel(page, 'echo-reply', {
    ...ECHO_REPLY,
    note: 'fix: send back the kind of frame that came in: text stays text, binary stays binary',
  });
  await checkFixedOnly(page, 'server-options', 'maxPayload,', 'server/app.ts');
  const limit = page.locator('[data-code-panel="server-options"] .line.note');
  await expect(limit.first()).toContainText('closes its connection with 1009');
  await checkFixedOnly(page, 'connection-error', "ws.on('error',", 'server/app.ts');
  await checkFixedOnly(
    page,
    'origin-check',
    'if (!originAllowed(origin, req.headers.host, allowedOrigins)) {',
    'server/app.ts',
  );
  await checkFixedOnly(page, 'origin-allowed', 'url.host === host', 'server/hardening.ts');
});

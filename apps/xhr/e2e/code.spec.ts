import { checkCodePanel, checkFixedPanel, checkPanelsPlaced } from '@course/e2e/code-panel';
import { expect, type Page, test } from '@playwright/test';

// Each demo's "Show the code" panel, read from the chapter's source at build time:
// the lecture's readyState switch beside the fixed one, its shared XHR, its
// loading handler, its header order, its JSON and its innerHTML, each beside
// the fix; the fixed code alone for what the lecture has no version of.

/** The panels each page shows, by the section of the demo they explain. */
const PANELS: Record<string, Record<string, string[]>> = {
  '/readystate': { lecture: ['ready-state', 'send-request'] },
  '/ajax1': { lecture: ['ajax1-request', 'inner-html'] },
  '/ajax2': { lecture: ['one-xhr', 'ajax2-routes'] },
  '/ajax3': { lecture: ['loading-state', 'ajax3-route'] },
  '/ajax4': { lecture: ['ajax4-submit', 'ajax4-route', 'header-order', 'inner-html'] },
  '/api': {
    timeout: ['timeout'],
    abort: ['abort', 'slow-route'],
    download: ['download-progress', 'download-route'],
    upload: ['upload-progress', 'upload-route'],
    headers: ['response-headers'],
    mime: ['override-mime'],
    'response-type': ['response-type'],
    fetch: ['fetch-api'],
  },
  '/pitfalls': {
    'header-order': ['header-order'],
    malformed: ['malformed-json'],
    xss: ['inner-html'],
  },
};

/** The two-view panels shown on more than one page, as checkCodePanel reads them. */
const INNER_HTML = {
  lecture: 'inert.body.innerHTML = content;',
  fixed: "byId('xss-safe').textContent = content;",
  note: 'fix: textContent adds the content as text: no element is built, so nothing can run',
};
const HEADER_ORDER = {
  lecture: 'if (xhr.readyState === XMLHttpRequest.OPENED)',
  fixed: "xhr.setRequestHeader('Content-Type', 'application/json');",
  note: 'fix: the header goes between open() and send(), whenever the handlers are attached',
};

/** The fixed-only panel `id`: a line of its code, and its file under apps/xhr/. */
const checkFixedOnly = (page: Page, id: string, line: string, file: string, note?: string) =>
  checkFixedPanel(page, id, { fixed: line, file: `apps/xhr/${file}`, ...(note ? { note } : {}) });

for (const [path, sections] of Object.entries(PANELS)) {
  test(`${path}: each demo has its code panel, closed until asked`, async ({ page }) => {
    await page.goto(path);
    await checkPanelsPlaced(page, sections);
  });
}

test("/readystate: the lecture's switch without break beside the one with a break per case", async ({
  page,
}) => {
  await page.goto('/readystate');
  await checkCodePanel(page, 'ready-state', {
    lecture: "say('HEADERS_RECEIVED');",
    fixed: 'break;',
    note: 'fix: break ends the case, so OPENED logs OPENED and nothing more',
  });
  const panel = page.locator('[data-code-panel="ready-state"]');
  // The lecture's way has one break, at the end; the fixed switch one per case.
  await expect(panel.locator('[data-view="lecture"] pre .line', { hasText: 'break;' })).toHaveCount(
    1,
  );
  await expect(panel.locator('[data-view="fixed"] pre .line', { hasText: 'break;' })).toHaveCount(
    4,
  );
  await expect(panel.locator('[data-view="diff"] .line.add')).toHaveCount(3);
  await expect(panel.locator('[data-view="diff"] .line.note').first()).toContainText(
    'pitfall: no break, so OPENED runs on into every case below it',
  );
  // The lecture's switch lives in JavaScript, which TypeScript would refuse; the fixed one in TypeScript.
  await expect(panel.locator('[data-view="lecture"] a.source-link')).toContainText(
    'apps/xhr/client/src/fall-through.js',
  );
  await expect(panel.locator('[data-view="fixed"] a.source-link')).toContainText(
    'apps/xhr/client/src/ready-state.ts',
  );
  await checkFixedOnly(
    page,
    'send-request',
    "xhr.addEventListener('readystatechange', () => {",
    'client/src/ready-state.ts',
    "textContent, so the file's text is shown as text and never parsed as HTML",
  );
});

test('/ajax1: the request, and innerHTML beside textContent', async ({ page }) => {
  await page.goto('/ajax1');
  await checkFixedOnly(
    page,
    'ajax1-request',
    'demo.textContent = xhr.responseText;',
    'client/src/ajax1.ts',
    'textContent where the lecture writes innerHTML: the answer stays text, never markup',
  );
  await checkCodePanel(page, 'inner-html', INNER_HTML);
});

test("/ajax2: the lecture's one shared XHR beside a new one per request; the routes", async ({
  page,
}) => {
  await page.goto('/ajax2');
  await checkCodePanel(page, 'one-xhr', {
    lecture: 'const shared = new XMLHttpRequest();',
    fixed: 'const xhr = new XMLHttpRequest();',
    note: 'pitfall: open() on an XHR still in flight cancels that request, with no abort event',
  });
  await checkFixedOnly(
    page,
    'ajax2-routes',
    'for (const method of AJAX2_METHODS) {',
    'server/app.ts',
  );
});

test("/ajax3: the lecture's loading handler beside the one that ends in 로딩완료; the route", async ({
  page,
}) => {
  await page.goto('/ajax3');
  await checkCodePanel(page, 'loading-state', {
    lecture: '(xhr.status === 200 || xhr.status === 201)',
    fixed: "stateOut.textContent = '로딩완료';",
    note: 'fix: the data is here, and the state line says so',
  });
  await checkFixedOnly(
    page,
    'ajax3-route',
    "res.on('close', () => clearTimeout(timer));",
    'server/app.ts',
    'the client gave up (abort, closed tab): drop the pending answer, which the lecture keeps',
  );
});

test('/ajax4: the submit handler, the checking route, the header order and innerHTML', async ({
  page,
}) => {
  await page.goto('/ajax4');
  await checkFixedOnly(
    page,
    'ajax4-submit',
    'xhr.send(JSON.stringify(body));',
    'client/src/ajax4.ts',
  );
  await checkFixedOnly(
    page,
    'ajax4-route',
    'const body = check(EchoBody, req.body);',
    'server/app.ts',
  );
  await checkCodePanel(page, 'header-order', HEADER_ORDER);
  await checkCodePanel(page, 'inner-html', INNER_HTML);
});

test('/api: each demo shows the code it runs, and the server routes behind them', async ({
  page,
}) => {
  await page.goto('/api');
  await checkFixedOnly(
    page,
    'timeout',
    'xhr.timeout = Number(',
    'client/src/api.ts',
    'give up after this many ms: the timeout event fires, then loadend, never load or error',
  );
  await checkFixedOnly(page, 'abort', '() => pending?.abort()', 'client/src/api.ts');
  await checkFixedOnly(page, 'slow-route', "app.get('/slow', (req, res) => {", 'server/app.ts');
  await checkFixedOnly(
    page,
    'download-progress',
    "xhr.addEventListener('progress', (event) =>",
    'client/src/api.ts',
  );
  await checkFixedOnly(page, 'download-route', "'Content-Length': String(bytes),", 'server/app.ts');
  await checkFixedOnly(
    page,
    'upload-progress',
    "xhr.upload.addEventListener('progress'",
    'client/src/api.ts',
  );
  await checkFixedOnly(
    page,
    'upload-route',
    "req.on('data', (piece: Buffer) => {",
    'server/app.ts',
  );
  await checkFixedOnly(
    page,
    'response-headers',
    'xhr.getAllResponseHeaders()',
    'client/src/api.ts',
  );
  await checkFixedOnly(
    page,
    'override-mime',
    "xhr.overrideMimeType('text/plain; charset=euc-kr')",
    'client/src/api.ts',
  );
  await checkFixedOnly(page, 'response-type', 'xhr.responseType = type;', 'client/src/api.ts');
  await checkFixedOnly(
    page,
    'fetch-api',
    'AbortSignal.timeout(1000)',
    'client/src/api.ts',
    'fetch() resolves on any HTTP status, a 404 or a 500 too: check response.ok',
  );
});

test("/pitfalls: each mistake run the lecture's way, beside its fix", async ({ page }) => {
  await page.goto('/pitfalls');
  await checkCodePanel(page, 'header-order', HEADER_ORDER);
  await checkCodePanel(page, 'malformed-json', {
    lecture: "xhr.responseType = 'json';",
    fixed: 'JSON.parse(xhr.responseText);',
    note: 'pitfall: data is null, so reading data.method throws a TypeError',
  });
  await checkCodePanel(page, 'inner-html', {
    ...INNER_HTML,
    note: 'pitfall: in the page, innerHTML builds the markup and runs its handlers (here: an inert document)',
  });
  // A note stays beside the code, not in it.
  await expect(
    page.locator('[data-code-panel="inner-html"] [data-view="fixed"] pre'),
  ).not.toContainText('fix:');
});

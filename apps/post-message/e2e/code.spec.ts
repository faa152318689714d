import { checkCodePanel, checkFixedPanel } from '@course/e2e/code-panel';
import { expect, type Page, test } from '@playwright/test';

// Each demo's "Show the code" panel, read from the chapter's client code at build time:
// the naive way beside the fixed code where the pages run both, the fixed code alone elsewhere.

/** The fixed-only panel `id` in section `section`: a line of its code, a note, and its file in client/src/. */
async function checkFixedOnly(
  page: Page,
  section: string,
  id: string,
  want: { line: string; note: string; file: string },
) {
  await expect(page.locator(`#${section} [data-code-panel="${id}"]`)).toHaveCount(1);
  await checkFixedPanel(page, id, {
    fixed: want.line,
    note: want.note,
    file: `apps/post-message/client/src/${want.file}`,
  });
}

test('/: the origins panel shows where the allow-lists come from', async ({ page }) => {
  await page.goto('/');
  await checkFixedOnly(page, 'origins', 'origins', {
    line: "const res = await fetch('/origins', { cache: 'no-store' });",
    note: 'the allow-lists never come from the URL',
    file: 'origins.ts',
  });
});

test.describe('/messaging', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/messaging');
  });

  test('the origin check: a listener that checks nothing against the frame allow-list', async ({
    page,
  }) => {
    await expect(
      page.locator('#origin-check details.code-panel[data-code-panel="origin-check"]'),
    ).toHaveCount(1);
    await checkCodePanel(page, 'origin-check', {
      lecture: "if (kindOf(event.data) === 'secret') {",
      fixed: 'if (!ALLOWED.has(event.origin)) {',
      note: 'pitfall: no event.origin check: a message from any window is read and acted on',
    });
    const diff = page.locator(
      '[data-code-panel="origin-check"] .code-view[data-view="diff"] .line.note',
    );
    await expect(
      diff.filter({ hasText: 'fix: the first line compares event.origin with an allow-list' }),
    ).toHaveCount(1);
  });

  test("the exchange: the parent's listener and the frame's reply", async ({ page }) => {
    await checkFixedOnly(page, 'exchange', 'parent-listener', {
      line: "if (!allowed.has(event.origin)) return handlers.ignored?.(event, 'not in the allow-list');",
      note: 'the listener is already installed',
      file: 'parent.ts',
    });
    await checkFixedOnly(page, 'exchange', 'frame-reply', {
      line: 'source.postMessage(message, { targetOrigin: event.origin, transfer });',
      note: 'event.origin the only origin that may read the answer',
      file: 'frame.ts',
    });
    await checkFixedOnly(page, 'exchange', 'frame-height', {
      line: "window.parent.postMessage({ kind: 'height', px }, origins.parent);",
      note: 'sent to the parent origin only',
      file: 'frame.ts',
    });
  });
});

test("/target-origin: '*' against the frame origin, spelled out", async ({ page }) => {
  await page.goto('/target-origin');
  await expect(
    page.locator('#target details.code-panel[data-code-panel="target-origin"]'),
  ).toHaveCount(1);
  await checkCodePanel(page, 'target-origin', {
    lecture: "link.frame.postMessage({ kind: 'secret', secret: SECRET }, '*');",
    fixed: "link.frame.postMessage({ kind: 'secret', secret: SECRET }, link.origins.frame);",
    note: 'pitfall: no origin check at delivery: a frame navigated elsewhere gets the secret',
  });
});

test('/channel: the handoff, the frame end, and start()', async ({ page }) => {
  await page.goto('/channel');
  await checkFixedOnly(page, 'channel', 'channel-open', {
    line: "link.send({ kind: 'port', label: 'channel' }, [channel.port2]);",
    note: 'port2 in the transfer list',
    file: 'channel.ts',
  });
  await checkFixedOnly(page, 'channel', 'port-accept', {
    line: 'received.onmessage = (event: MessageEvent) => {',
    note: 'port messages need no origin check',
    file: 'frame.ts',
  });
  await checkFixedOnly(page, 'unstarted', 'port-start', {
    line: 'unstarted?.start();',
    note: "start() delivers the messages that waited in the port's queue",
    file: 'channel.ts',
  });
});

test('/clone: the sample, what the frame finds lost, and what throws', async ({ page }) => {
  await page.goto('/clone');
  await checkFixedOnly(page, 'clone', 'clone-sample', {
    line: 'sample.self = sample;',
    note: 'a cycle is fine',
    file: 'clone-cases.ts',
  });
  await checkFixedOnly(page, 'clone', 'clone-lost', {
    line: 'Object.getPrototypeOf(point) === Object.prototype',
    note: 'a class instance arrives as a plain Object',
    file: 'clone-cases.ts',
  });
  await checkFixedOnly(page, 'throws', 'clone-refused', {
    line: "['a DOM node', () => ({ kind: 'clone-probe', value: document.body })],",
    note: 'postMessage throws DataCloneError here, in the sender',
    file: 'clone.ts',
  });
});

test('/transfer: copy, transfer, transfer again, and the way back', async ({ page }) => {
  await page.goto('/transfer');
  await checkFixedOnly(page, 'transfer', 'transfer', {
    line: "const took = timed(() => link.send({ kind: 'transfer', buffer }, [buffer]));",
    note: 'in the transfer list, the buffer moves',
    file: 'transfer.ts',
  });
  await checkFixedOnly(page, 'transfer', 'send-back', {
    line: "reply({ kind: 'returned', buffer }, [buffer]);",
    note: 'the buffer moves back instead of being copied',
    file: 'frame.ts',
  });
});

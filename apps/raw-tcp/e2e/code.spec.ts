import { checkCodePanel, checkFixedPanel, checkPanelsPlaced } from '@course/e2e/code-panel';
import { expect, type Page, test } from '@playwright/test';

// Each demo's "Show the code" panel: the chapter's code that reads a data event
// as a message, beside the framed code that reads lines, read from the source at
// build time. Demos beyond the lecture show the fixed code alone.

/** The panels each page shows, by the section of the demo they explain. */
const PANELS: Record<string, Record<string, string[]>> = {
  '/exchange': { lecture: ['client-data', 'server-data'], cli: ['cli-client'] },
  '/direct': { direct: ['direct-fetch'] },
  '/framing': {
    merged: ['delimit-writes'],
    split: ['server-data'],
    utf8: ['decode-utf8'],
    framed: ['client-data', 'line-splitter'],
  },
  '/bad-input': { oversize: ['refuse'], idle: ['idle-timeout'], abrupt: ['socket-error'] },
};

/** The fixed-only panel `id`: a line of its code, and its file under apps/raw-tcp/. */
const checkFixedOnly = (page: Page, id: string, line: string, file: string) =>
  checkFixedPanel(page, id, { fixed: line, file: `apps/raw-tcp/${file}` });

for (const [path, sections] of Object.entries(PANELS)) {
  test(`${path}: each demo has its code panel, closed until asked`, async ({ page }) => {
    await page.goto(path);
    await checkPanelsPlaced(page, sections);
  });
}

test('/exchange: both ends read a data event as a message; the fix reads lines', async ({
  page,
}) => {
  await page.goto('/exchange');
  await checkCodePanel(page, 'client-data', {
    lecture: "text: chunk.toString('utf8'),",
    fixed: 'for (const line of splitter.push(chunk)) lines.push(decoder.decode(line));',
    note: 'pitfall: each data event is decoded and shown on its own',
  });
  await checkCodePanel(page, 'server-data', {
    lecture: "tap.emit('data', connection, chunk);",
    fixed: 'lines = splitter.push(chunk);',
    note: 'fix: one message per line, however the bytes were cut into data events',
  });
  await checkFixedOnly(page, 'cli-client', 'process.exitCode = failed ? 1 : 0;', 'cli/client.ts');
});

test('/direct: the fetch of the TCP port, and where the page learns what happened', async ({
  page,
}) => {
  await page.goto('/direct');
  await checkFixedOnly(
    page,
    'direct-fetch',
    "const res = await fetch(url, { cache: 'no-store' });",
    'client/src/direct.ts',
  );
  // A note stays beside the code, not in it.
  const notes = page.locator('[data-code-panel="direct-fetch"] .line.note');
  await expect(notes).toContainText(['it can only speak HTTP to it']);
  await expect(page.locator('[data-code-panel="direct-fetch"] pre')).not.toContainText('fix:');
});

test('/framing: each experiment shows the unframed code and the framed fix', async ({ page }) => {
  await page.goto('/framing');
  await checkCodePanel(page, 'delimit-writes', {
    lecture: 'for (const bytes of burst) socket.write(bytes);',
    fixed: '[...burst.flatMap((bytes) => [bytes, newline]), head],',
    note: 'fix: a newline after each message marks where it ends',
  });
  await checkCodePanel(page, 'server-data', {
    lecture: 'record(chunk);',
    fixed: 'if (err instanceof LineTooLongError) return refuse(err.message);',
    note: 'pitfall: one data event is logged as one message',
  });
  await checkCodePanel(page, 'decode-utf8', {
    lecture: "text: Buffer.from(bytes).toString('utf8'),",
    fixed: 'lines.push(decoder.decode(line));',
    note: 'pitfall: a chunk decoded on its own: a character cut at the chunk',
  });
  await checkCodePanel(page, 'client-data', {
    lecture: 'dataEvents += 1;',
    fixed: 'dataEvents.push(chunk.length);',
    note: 'fix: the splitter joins each line',
  });
  await checkFixedOnly(
    page,
    'line-splitter',
    'this.parts.push(rest.slice());',
    'shared/line-splitter.ts',
  );
});

test('/bad-input: the framed server refuses, times out and survives a reset', async ({ page }) => {
  await page.goto('/bad-input');
  await checkFixedOnly(
    page,
    'refuse',
    'grace = setTimeout(() => socket.destroy(), closeGraceMs);',
    'server/framed-server.ts',
  );
  await checkFixedOnly(
    page,
    'idle-timeout',
    'socket.setTimeout(idleTimeoutMs);',
    'server/framed-server.ts',
  );
  await checkFixedOnly(
    page,
    'socket-error',
    "socket.on('error', (err) =>",
    'server/framed-server.ts',
  );
});

import { expect, type Page, test } from '@playwright/test';

// Named events, multi-line data, and the raw stream with bad input.

test('named events reach their own listeners; multi-line data arrives joined', async ({ page }) => {
  await page.goto('/beyond');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('#named-end')).toHaveText('That was every event.', {
    timeout: 10_000,
  });
  await expect(page.locator('#named-greeting')).toHaveText(
    'Hello! This event is named "greeting".',
  );
  await expect(page.locator('#named-message')).toHaveText(
    'A plain event: it has no event: field, so it arrives as "message".',
  );
  await expect(page.locator('#named-status')).toHaveText(
    '{"chapter":"sse-countdown","lines":"one data: line each"}',
  );
  expect(await page.locator('#named-poem').textContent()).toBe(
    'Streams arrive\nline by line,\njoined with newlines.',
  );
  await expect(page.locator('#named-log li')).toHaveText([
    'greeting (id 1)',
    'message (id 2)',
    'status (id 3, 4 lines)',
    'poem (id 4, 3 lines)',
    'end → close()',
  ]);
});

/** Reads /countdown on the page with `lastEventId` and returns the status line and the raw text. */
async function readRaw(page: Page, lastEventId: string, accept = true) {
  await page.locator('#raw-last-id').fill(lastEventId);
  await page.locator('#raw-accept').setChecked(accept);
  await page.getByRole('button', { name: 'Read /countdown' }).click();
  await expect(page.locator('#raw-status')).toContainText('stream ended', { timeout: 10_000 });
  return {
    status: await page.locator('#raw-status').textContent(),
    text: (await page.locator('#raw-text').textContent()) ?? '',
  };
}

test('raw stream: retry and ids on the wire; Last-Event-ID 4 resumes at 3', async ({ page }) => {
  await page.goto('/beyond');
  const full = await readRaw(page, '');
  expect(full.status).toBe('200 OK · text/event-stream · stream ended');
  expect(full.text.startsWith('retry: 1000\n\nid: 10\ndata: {"id":"kgh","cnt":10}\n\n')).toBe(true);
  expect(full.text.endsWith('event: end\nid: end\ndata: {"id":"kgh","done":true}\n\n')).toBe(true);
  const resumed = await readRaw(page, '4');
  expect(resumed.text.startsWith('retry: 1000\n\nid: 3\ndata: {"id":"kgh","cnt":3}\n\n')).toBe(
    true,
  );
});

test('bad input: an unknown Last-Event-ID starts at 10, no Accept still streams, end gets 204', async ({
  page,
}) => {
  await page.goto('/beyond');
  for (const bad of ['banana', '42', '-1']) {
    const read = await readRaw(page, bad);
    expect(read.text).toContain('id: 10\ndata: {"id":"kgh","cnt":10}');
  }
  const noAccept = await readRaw(page, '', false);
  expect(noAccept.status).toBe('200 OK · text/event-stream · stream ended');
  expect(noAccept.text).toContain('id: 0\ndata: {"id":"kgh","cnt":0}');
  const after = await readRaw(page, 'end');
  expect(after.status).toMatch(/^204 .* · no content type · stream ended$/);
  expect(after.text).toBe('');
});

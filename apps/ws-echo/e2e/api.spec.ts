import { expect, type Page, test } from '@playwright/test';

// The lecture's API tables, live on /api.

/** Waits for the page's own connection to be open. */
async function opened(page: Page): Promise<void> {
  await expect(page.locator('#p-ready')).toHaveText('1 OPEN');
}

test.beforeEach(async ({ page }) => {
  await page.goto('/api');
  await opened(page);
});

test('readyState is shown by name as it changes, through a close', async ({ page }) => {
  const log = page.locator('#state-log li');
  await expect(log.nth(1)).toHaveText('0 CONNECTING (after new WebSocket())');
  await expect(log.nth(2)).toHaveText('1 OPEN (open event)');
  await page.getByRole('button', { name: 'close(code, reason)' }).click();
  await expect(log.nth(4)).toHaveText('2 CLOSING (after close())');
  await expect(log.nth(5)).toHaveText(
    "3 CLOSED (close event: code 4000, reason 'bye', wasClean true)",
  );
  await expect(page.locator('#p-ready')).toHaveText('3 CLOSED');
});

test('the server picks echo.v2 of the offered protocols, and deflate is negotiated', async ({
  page,
}) => {
  await expect(page.locator('#state-log li').first()).toHaveText(
    'offering protocols [echo.v1, echo.v2]',
  );
  await expect(page.locator('#p-protocol')).toHaveText("'echo.v2'");
  await expect(page.locator('#p-extensions')).toContainText('permessage-deflate');
  // Offer only echo.v1: the server takes it.
  await page.getByLabel('echo.v2').uncheck();
  await page.getByRole('button', { name: 'Connect' }).click();
  await opened(page);
  await expect(page.locator('#p-protocol')).toHaveText("'echo.v1'");
});

test('offering only an unknown protocol fails the handshake', async ({ page }) => {
  await page.getByLabel('echo.v1').uncheck();
  await page.getByLabel('echo.v2').uncheck();
  await page.getByLabel('chat.v9').check();
  await page.getByRole('button', { name: 'Connect' }).click();
  const log = page.locator('#state-log li');
  await expect(log.nth(2)).toHaveText('3 CLOSED (error event)');
  await expect(log.nth(3)).toHaveText(
    "3 CLOSED (close event: code 1006, reason '', wasClean false)",
  );
});

test('text comes back as a string, binary as a Blob or an ArrayBuffer', async ({ page }) => {
  const messages = page.locator('#messages li');
  await expect(messages.first()).toHaveText("← string 'Hi this is WebSocket server!'");
  await page.getByRole('button', { name: 'Send text' }).click();
  await page.getByRole('button', { name: 'Send Blob' }).click();
  await expect(messages).toHaveText([
    "← string 'Hi this is WebSocket server!'",
    "→ text 'hello'",
    "← string 'hello'",
    '→ Blob, 5 bytes',
    '← Blob, 5 bytes: 68 65 6c 6c 6f',
  ]);
  await page.getByLabel('binaryType').selectOption('arraybuffer');
  await expect(page.locator('#p-binary-type')).toHaveText('arraybuffer');
  await page.getByRole('button', { name: 'Send ArrayBuffer' }).click();
  await page.getByRole('button', { name: 'Send Blob' }).click();
  await expect(messages.nth(5)).toHaveText('→ ArrayBuffer, 5 bytes: 68 65 6c 6c 6f');
  await expect(messages.nth(6)).toHaveText('← ArrayBuffer, 5 bytes: 68 65 6c 6c 6f');
  await expect(messages.nth(7)).toHaveText('→ Blob, 5 bytes');
  await expect(messages.nth(8)).toHaveText('← ArrayBuffer, 5 bytes: 68 65 6c 6c 6f');
});

test('bufferedAmount rises with a large send and drains to 0', async ({ page }) => {
  // Deflate and inflate on both ends take a few seconds here, longer on a busy machine.
  test.slow();
  await page.getByRole('button', { name: 'Send 4 MiB' }).click();
  const out = page.locator('#buffered-out');
  await expect(out).toContainText('drained:', { timeout: 60_000 });
  const text = (await out.textContent()) ?? '';
  const queued = Number(text.match(/drained: (\d+) bytes queued/)?.[1]);
  expect(queued).toBeGreaterThan(0);
  const log = page.locator('#buffered-log li');
  await expect(log.first()).toHaveText(`after 8 send() calls: bufferedAmount ${queued}`);
  await expect(log.filter({ hasText: 'all 8 echoes back (4194304 bytes)' })).toHaveCount(1, {
    timeout: 30_000,
  });
});

test('close() with a code and reason shows them and wasClean', async ({ page }) => {
  await page.getByLabel('code', { exact: true }).fill('4321');
  await page.getByLabel('reason').fill('다음에 또 봐요');
  await page.getByRole('button', { name: 'close(code, reason)' }).click();
  await expect(page.locator('#close-out')).toHaveText(
    "close event: code 4321, reason '다음에 또 봐요', wasClean true",
  );
});

test('close() with no code arrives as 1005', async ({ page }) => {
  await page.getByLabel('code', { exact: true }).fill('');
  await page.getByRole('button', { name: 'close(code, reason)' }).click();
  await expect(page.locator('#close-out')).toHaveText(
    "close event: code 1005, reason '', wasClean true",
  );
});

test('the browser refuses a code outside 1000 / 3000–4999', async ({ page }) => {
  for (const code of ['1001', '2999', '5000']) {
    await page.getByLabel('code', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'close(code, reason)' }).click();
    await expect(page.locator('#close-out')).toHaveText(
      new RegExp(`^close\\(\\) threw InvalidAccessError: .*${code}`),
    );
  }
  await expect(page.locator('#p-ready')).toHaveText('1 OPEN');
});

test('the browser refuses a reason over 123 bytes', async ({ page }) => {
  await page.getByRole('button', { name: 'Fill a 124-byte reason' }).click();
  await page.getByRole('button', { name: 'close(code, reason)' }).click();
  await expect(page.locator('#close-out')).toHaveText(/^close\(\) threw SyntaxError: .*123/);
  await expect(page.locator('#p-ready')).toHaveText('1 OPEN');
  // 123 bytes is fine: 41 three-byte Hangul syllables.
  await page.getByLabel('reason').fill('가'.repeat(41));
  await page.getByRole('button', { name: 'close(code, reason)' }).click();
  await expect(page.locator('#close-out')).toHaveText(
    `close event: code 4000, reason '${'가'.repeat(41)}', wasClean true`,
  );
});

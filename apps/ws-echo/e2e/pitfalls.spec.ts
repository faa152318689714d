import { expect, test } from '@playwright/test';

// The Buffer pitfall and what the server refuses, on /pitfalls.

test.beforeEach(async ({ page }) => {
  await page.goto('/pitfalls');
});

test('the naive echo turns text into a Blob; the fix keeps it a string', async ({ page }) => {
  await page.getByRole('button', { name: "Send 'hello' to /naive" }).click();
  await expect(page.locator('#naive-log li')).toHaveText([
    "/naive: sent string 'hello', the echo arrived as Blob, 5 bytes: 68 65 6c 6c 6f",
  ]);
  await page.getByRole('button', { name: "Send 'hello' to / (the fix)" }).click();
  await expect(page.locator('#naive-log li').nth(1)).toHaveText(
    "/: sent string 'hello', the echo arrived as string 'hello'",
  );
});

test('a message over 1 MiB is closed with 1009, and the server stays up', async ({ page }) => {
  await page.getByRole('button', { name: 'Send 2 MiB in one message' }).click();
  const log = page.locator('#too-big-log li');
  await expect(log.nth(1)).toHaveText(/^close event: code 1009, reason '', wasClean (true|false)$/);
  await expect(log.nth(2)).toHaveText(
    "a new connection is greeted: 'Hi this is WebSocket server!'",
  );
});

test('the browser cannot send invalid UTF-8: a lone surrogate becomes U+FFFD', async ({ page }) => {
  await page.getByRole('button', { name: 'Send a lone surrogate' }).click();
  await expect(page.locator('#utf8-log li')).toHaveText([
    "sent '\\uD800'; the echo is U+FFFD: the browser had replaced it",
  ]);
});

test('the Origin check: same origin is greeted, the other host name is refused', async ({
  page,
  baseURL,
}) => {
  const base = new URL(baseURL ?? '');
  await expect(page.locator('#my-origin')).toHaveText(base.origin);
  const log = page.locator('#origin-log li');
  await page.getByRole('button', { name: '(same origin)' }).click();
  await expect(log).toHaveText([
    `ws://localhost:${base.port}/: accepted, greeted with 'Hi this is WebSocket server!'`,
  ]);
  await page.getByRole('button', { name: '(cross-site)' }).click();
  const cross = `ws://127.0.0.1:${base.port}/`;
  await expect(log.nth(1)).toHaveText(`${cross}: error event`);
  await expect(log.nth(2)).toHaveText(
    `${cross}: refused, close event code 1006, reason '', wasClean false`,
  );
});

test('a foreign Origin gets HTTP 403 at the handshake', async ({ request, baseURL }) => {
  const res = await request.get(`${baseURL}/`, {
    headers: {
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      Origin: 'https://evil.example',
    },
  });
  expect(res.status()).toBe(403);
  expect(await res.text()).toBe(
    'Origin https://evil.example is not allowed to open a WebSocket here\n',
  );
});

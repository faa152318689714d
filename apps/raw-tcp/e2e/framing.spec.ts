import { expect, test } from '@playwright/test';

// "TCP has no message boundaries", the newline-framed fix, and the framed
// server's answers to bad input, as the learner sees them.

test('/framing: writes merge and split at the receiver; newline framing recovers the messages', async ({
  page,
}) => {
  await page.goto('/framing');
  await page.getByRole('button', { name: 'Send the bursts' }).click();
  await expect(page.locator('#status')).toHaveText('done');

  // Five writes, fewer data events, the messages run together.
  await expect(page.locator('#merged-writes')).toHaveText(
    '"message 1" (9 bytes), "message 2" (9 bytes), "message 3" (9 bytes), "message 4" (9 bytes), "message 5" (9 bytes)',
  );
  const merged = page.locator('#merged-events li');
  const mergedCount = await merged.count();
  expect(mergedCount).toBeGreaterThanOrEqual(1);
  expect(mergedCount).toBeLessThan(5);
  await expect(page.locator('#merged-count')).toHaveText(
    `${mergedCount} ${mergedCount === 1 ? 'event' : 'events'}`,
  );
  const mergedText = (await merged.allTextContents()).map((line) =>
    line.replace(/^\d+ bytes: "|"$/g, ''),
  );
  expect(mergedText.join('')).toBe('message 1message 2message 3message 4message 5');

  // One 256 KiB write, several data events of at most 64 KiB.
  await expect(page.locator('#split-bytes')).toHaveText('262144');
  const sizes = (await page.locator('#split-events li').allTextContents()).map((line) =>
    Number.parseInt(line, 10),
  );
  expect(sizes.length).toBeGreaterThanOrEqual(4);
  expect(sizes.every((size) => size <= 65536)).toBe(true);
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(262144);

  // 안녕하세요 cut inside a character: each half decodes to replacement characters.
  await expect(page.locator('#utf8-events li')).toHaveText([
    '4 bytes [ec 95 88 eb] → "안\uFFFD"',
    '11 bytes [85 95 ed 95 98 ec 84 b8 ec 9a 94] → "\uFFFD\uFFFD하세요"',
  ]);

  // The framed server gives back every message whole.
  await expect(page.locator('#framed-lines li')).toHaveText([
    'message 1',
    'message 2',
    'message 3',
    'message 4',
    'message 5',
    '안녕하세요',
  ]);
  await expect(page.locator('#framed-count')).toHaveText('6');
  await expect(page.locator('#framed-events')).toHaveText(
    /^\d+ events? \(\d+ bytes(, \d+ bytes)*\)$/,
  );
});

test('/bad-input: too long a line gets an error line and a disconnect; the server still serves', async ({
  page,
}) => {
  await page.goto('/bad-input');
  await expect(page.locator('#max-line')).toHaveText('65536');
  await page.getByRole('button', { name: 'Send too much' }).click();
  const log = page.locator('#oversize-log li');
  await expect(log.last()).toHaveText(
    /ms: a new client sent "still there\?" and got the echo "still there\?"$/,
  );
  await expect(log).toContainText([
    /sent 81920 bytes with no newline \(the limit is 65536\)$/,
    /received: ERROR: line exceeds 65536 bytes without a newline; closing the connection$/,
    /the server closed the connection$/,
  ]);
});

test('/bad-input: a silent client is closed after TCP_IDLE_TIMEOUT_MS', async ({ page }) => {
  await page.goto('/bad-input');
  // The e2e server runs with TCP_IDLE_TIMEOUT_MS=1500 (course.testEnv).
  await expect(page.locator('#idle-ms')).toHaveText('1500');
  // Every text the log shows on the way, recorded in the page so no tick is missed.
  await page.locator('#idle-log').evaluate((log) => {
    const seen: string[] = [];
    (window as unknown as { idleTexts: string[] }).idleTexts = seen;
    new MutationObserver(() => seen.push(log.textContent ?? '')).observe(log, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.getByRole('button', { name: 'Stay silent' }).click();
  const log = page.locator('#idle-log li');
  await expect(log.last()).toHaveText(/got the echo "still there\?"$/);
  // While it ran, a countdown of the seconds left until the server's idle timeout.
  const texts = await page.evaluate(() => (window as unknown as { idleTexts: string[] }).idleTexts);
  const left = texts.flatMap((text) => {
    const match = /(\d+(?:\.\d+)?) s left until the server's idle timeout/.exec(text);
    return match ? [Number(match[1])] : [];
  });
  expect(left.length).toBeGreaterThanOrEqual(2);
  expect(left[0]).toBeLessThanOrEqual(1.5);
  expect(left.at(-1)).toBeLessThan(left[0] ?? 0);
  expect([...left].sort((a, b) => b - a)).toEqual(left);
  const received = log.filter({ hasText: 'received: ERROR: idle for 1500 ms' });
  await expect(received).toHaveCount(1);
  const ms = Number.parseInt((await received.textContent()) ?? '', 10);
  expect(ms).toBeGreaterThanOrEqual(1400);
});

test('/bad-input: a client that vanishes mid-write crashes nothing', async ({ page }) => {
  await page.goto('/bad-input');
  await page.getByRole('button', { name: 'Vanish' }).click();
  const log = page.locator('#abrupt-log li');
  await expect(log.last()).toHaveText(/got the echo "still there\?"$/);
  await expect(log).toContainText([
    /reset the connection \(RST\) while the server was still echoing$/,
  ]);
  // Both servers still answer: the lecture exchange runs as before.
  await page.goto('/exchange');
  await page.getByRole('button', { name: 'Run the exchange' }).click();
  await expect(page.locator('#summary')).toHaveText(/^sent 29 bytes, received 99 bytes/);
});

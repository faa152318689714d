import { expect, test } from '@playwright/test';

// What the lecture's API tables list and its examples skip.

test.beforeEach(async ({ page }) => {
  await page.goto('/api');
});

test('timeout fires the timeout event, not error', async ({ page }) => {
  await page.getByLabel('xhr.timeout (ms)').fill('500');
  await page.getByRole('button', { name: 'Send with timeout' }).click();
  const log = page.locator('#timeout-log li');
  await expect(log).toHaveCount(3);
  await expect(log.nth(0)).toContainText('loadstart');
  await expect(log.nth(1)).toContainText('timeout');
  await expect(log.nth(2)).toContainText('loadend');
  await expect(page.locator('#timeout-log')).not.toContainText('error');
});

test('abort() fires abort and loadend', async ({ page }) => {
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('#abort-log li').first()).toContainText('loadstart');
  await page.getByRole('button', { name: 'abort()' }).click();
  await expect(page.locator('#abort-log li')).toHaveText([/^loadstart/, /^abort/, /^loadend/]);
  await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();
});

test('download progress reaches the announced total', async ({ page }) => {
  await page.getByRole('button', { name: 'Download 4 MiB' }).click();
  await expect(page.locator('#download-out')).toContainText('done: 4194304 bytes', {
    timeout: 15_000,
  });
  const events = Number(
    (await page.locator('#download-out').textContent())?.match(/after (\d+)/)?.[1],
  );
  expect(events).toBeGreaterThan(1);
  await expect(page.locator('#download-bar')).toHaveJSProperty('value', 1);
});

test('upload progress fires and the server counts every byte', async ({ page }) => {
  await page.getByRole('button', { name: 'Upload 8 MiB' }).click();
  await expect(page.locator('#upload-out')).toContainText('server received 8388608 bytes');
  const events = Number(
    (await page.locator('#upload-out').textContent())?.match(/(\d+) upload progress/)?.[1],
  );
  expect(events).toBeGreaterThanOrEqual(1);
});

test('response headers are read one by one and all together', async ({ page }) => {
  await page.getByRole('button', { name: 'Read the headers' }).click();
  await expect(page.locator('#headers-one')).toHaveText(
    "getResponseHeader('X-Course-Chapter') → xhr; getResponseHeader('X-Missing') → null",
  );
  await expect(page.locator('#headers-all')).toContainText('x-course-chapter: xhr');
  await expect(page.locator('#headers-all')).toContainText('content-type: application/json');
});

test('overrideMimeType() decodes the EUC-KR text', async ({ page }) => {
  await page.getByRole('button', { name: 'As labelled (UTF-8)' }).click();
  await expect(page.locator('#mime-out')).toHaveText(/^utf-8: /);
  await expect(page.locator('#mime-out')).not.toContainText('안녕하세요');
  await page.getByRole('button', { name: 'overrideMimeType(euc-kr)' }).click();
  await expect(page.locator('#mime-out')).toHaveText('euc-kr: 안녕하세요');
});

test('responseType arraybuffer, blob and document', async ({ page }) => {
  const out = page.locator('#rt-out');
  await page.getByRole('button', { name: 'arraybuffer' }).click();
  await expect(out).toContainText('starts 89 50 4e 47 0d 0a 1a 0a');
  await page.getByRole('button', { name: 'blob', exact: true }).click();
  await expect(out).toContainText('type image/png');
  await expect(page.locator('#rt-image')).toBeVisible();
  await expect
    .poll(() => page.locator('#rt-image').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(16);
  await page.getByRole('button', { name: 'document' }).click();
  await expect(out).toHaveText(
    'Document with 3 <chapter> elements: 1. XMLHttpRequest, 2. WebSocket, 3. Server-Sent Events',
  );
});

test('fetch() does the same requests', async ({ page }) => {
  const out = page.locator('#fetch-out');
  await page.getByRole('button', { name: 'fetch GET /ajax2_get' }).click();
  await expect(out).toHaveText('200: get / 이것은 get 호출로 얻은 데이터 입니다.');
  await page.getByRole('button', { name: 'fetch POST /ajax4_result1' }).click();
  await expect(out).toHaveText('200: id=fetch, content=fetch()로 보낸 컨텐츠');
  await page.getByRole('button', { name: /AbortSignal.timeout/ }).click();
  await expect(out).toHaveText(/^rejected with TimeoutError after \d+ ms$/);
});

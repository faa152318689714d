import { expect, test } from '@playwright/test';

// The lecture's node:net exchange, as a learner sees it through the bridge, and
// what happens when the browser itself knocks on the TCP port.

test('chapter home links every page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Raw TCP');
  for (const path of ['/exchange', '/direct', '/framing', '/bad-input']) {
    await expect(page.locator(`#pages a[href="${path}"], #beyond a[href="${path}"]`)).toHaveCount(
      1,
    );
  }
  await page.locator('#pages').getByRole('link', { name: 'The exchange' }).click();
  await expect(page).toHaveURL(/\/exchange$/);
  await expect(page.getByRole('button', { name: 'Run the exchange' })).toBeVisible();
});

test('/exchange streams the transcript: both ends, both directions, byte counts, in order', async ({
  page,
}) => {
  await page.goto('/exchange');
  await page.getByRole('button', { name: 'Run the exchange' }).click();
  await expect(page.locator('#status')).toHaveText('done');
  const rows = page.locator('#transcript li');

  // The server's two writes, in order, with their UTF-8 sizes; the <br> is shown as text.
  const serverSends = rows.and(page.locator('[data-side="server"][data-kind="send"]'));
  await expect(serverSends).toHaveCount(2);
  await expect(serverSends.nth(0).locator('.dir')).toHaveText('server → client');
  await expect(serverSends.nth(0).locator('.what')).toHaveText('server sent 64 bytes');
  await expect(serverSends.nth(0).locator('.text')).toHaveText(
    'SERVER: 이것은 서버에서 보내는 메시지입니다.<br>',
  );
  await expect(serverSends.nth(1).locator('.what')).toHaveText('server sent 35 bytes');
  await expect(serverSends.nth(1).locator('.text')).toHaveText(
    'SERVER: Closing connection now.<br>',
  );

  // The client's hello, and the server's data event for it.
  const clientSend = rows.and(page.locator('[data-side="client"][data-kind="send"]'));
  await expect(clientSend.locator('.dir')).toHaveText('client → server');
  await expect(clientSend.locator('.what')).toHaveText('client sent 29 bytes');
  await expect(clientSend.locator('.text')).toHaveText('CLIENT: Hello this is client!');
  const serverGot = rows.and(page.locator('[data-side="server"][data-kind="receive"]'));
  await expect(serverGot.first().locator('.dir')).toHaveText('client → server');
  await expect(serverGot.locator('.text')).toHaveText(['CLIENT: Hello this is client!']);

  // Everything the client received: the two server lines, 99 bytes in all.
  const clientGot = rows.and(page.locator('[data-side="client"][data-kind="receive"]'));
  const received = (await clientGot.locator('.text').allTextContents()).join('');
  expect(received).toBe(
    'SERVER: 이것은 서버에서 보내는 메시지입니다.<br>SERVER: Closing connection now.<br>',
  );

  // The lecture's client lines open and close the transcript's client side.
  const texts = await rows.locator('.text').allTextContents();
  const connected = texts.indexOf('CLIENT: I connected to the server.');
  const hello = texts.indexOf('CLIENT: Hello this is client!');
  expect(connected).toBeGreaterThanOrEqual(0);
  expect(connected).toBeLessThan(hello);
  expect(texts.at(-1)).toBe('CLIENT: I disconnected from the server.');
  await expect(page.locator('#summary')).toHaveText(
    /^sent 29 bytes, received 99 bytes in \d+ data event/,
  );
  // Times never go backwards.
  const times = (await rows.locator('.t').allTextContents()).map((t) => Number.parseInt(t, 10));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
});

test('/direct: the browser fetches the TCP port, gets no valid response, and the page says why', async ({
  page,
}) => {
  await page.goto('/direct');
  await page.getByRole('button', { name: /^fetch\(/ }).click();
  // The browser only tells the script that the fetch failed.
  await expect(page.locator('#direct-error')).toHaveText('TypeError: Failed to fetch');
  // The TCP server received a plain HTTP request from Chromium.
  const request = page.locator('#direct-request');
  // Each CR LF is shown as a \r\n badge, in characters every font has.
  await expect(request).toContainText(/^GET \/probe-[0-9a-f-]+ HTTP\/1\.1\\r\\n\s/);
  await expect(request).toContainText(/Host: localhost:\d+\\r\\n\s/);
  await expect(request).toContainText(/Origin: http:\/\/localhost:\d+\\r\\n\s/);
  await expect(request).toContainText('User-Agent: ');
  const marks = request.locator('.crlf');
  expect(await marks.count()).toBeGreaterThanOrEqual(5);
  await expect(marks.first()).toHaveText('\\r\\n');
  await expect(marks.first()).toBeVisible();
  await expect(page.locator('#request-bytes')).toHaveText(
    /^\d+ bytes, shown with \\r\\n where the two bytes CR LF ended each line:$/,
  );
  // No control pictures (U+240D, U+240A): many fonts draw them as empty boxes.
  expect(await page.locator('body').textContent()).not.toMatch(/[\u240D\u240A]/);
  // And answered with its lecture lines, not HTTP.
  await expect(page.locator('#direct-reply')).toHaveText(
    'SERVER: 이것은 서버에서 보내는 메시지입니다.<br>SERVER: Closing connection now.<br>\n(99 bytes, then the server closed the connection)',
  );
  const why = page.locator('#direct-why li');
  await expect(why).toHaveCount(6);
  await expect(why.nth(0)).toContainText(
    /The browser spoke HTTP: it connected and sent "GET \/probe-/,
  );
  await expect(why.nth(2)).toContainText('must start with a status line such as "HTTP/1.1 200 OK"');
  await expect(why.nth(2)).toContainText('net::ERR_INVALID_HTTP_RESPONSE');
  await expect(why.nth(4)).toContainText('Access-Control-Allow-Origin');
  await expect(why.nth(5)).toContainText('There is no web API for a raw TCP socket');
});

import { expect, test } from '@playwright/test';
import { lines, openChat, send, tag } from './chat-page.ts';

// Beyond the lecture: acks and retry, typing, the online list, recovery, and HTML as text.

test('acks: ✓ once acked; no ack in time shows Retry, which delivers once', async ({ browser }) => {
  const t = tag();
  const one = await openChat(browser, `kgh-${t}`);
  const two = await openChat(browser, `lee-${t}`);
  await send(one, `acked ${t}`);

  await one.getByLabel('ack timeout (ms)').fill('1000');
  await one.getByRole('button', { name: 'Disconnect' }).click();
  await expect(one.locator('#conn')).toContainText('io server disconnect');
  await one.locator('#msgForm').fill(`late ${t}`);
  await one.locator('#msgForm').press('Enter');
  const late = one
    .locator('#sent li')
    .filter({ hasText: `late ${t}` })
    .locator('.ack');
  await expect(late).toContainText('no ack after 1000 ms');

  await one.getByRole('button', { name: 'Reconnect' }).click();
  await expect(one.locator('#login-status')).toHaveText(
    `Logged in as kgh-${t} (kgh-${t}@example.com).`,
  );
  await expect(two.locator('#users')).toContainText(`kgh-${t}`);
  await late.getByRole('button', { name: 'Retry' }).click();
  await expect(late).toHaveText('✓');
  await expect(lines(two).filter({ hasText: `late ${t}` })).toHaveCount(1);

  // An error ack is shown as ✗ with the server's reason.
  await one.locator('#msgForm').fill('   ');
  await one.locator('#msgForm').press('Enter');
  await expect(one.locator('#sent li .ack').last()).toHaveText('✗ "msg" is empty');
  await one.context().close();
  await two.context().close();
});

test('typing indicator, online list, join and leave notices', async ({ browser }) => {
  const t = tag();
  const one = await openChat(browser, `kgh-${t}`);
  const two = await openChat(browser, `lee-${t}`);
  await expect(one.locator('#users li', { hasText: `lee-${t}` })).toHaveText(
    `lee-${t} (lee-${t}@example.com)`,
  );
  await expect(two.locator('#users li', { hasText: `lee-${t}` })).toContainText('· you');

  await two.locator('#msgForm').pressSequentially('hel');
  await expect(one.locator('#typing')).toContainText(`lee-${t}`);
  await expect(one.locator('#typing')).toContainText('typing…');
  // Typing stops 1.5 s after the last key.
  await expect(one.locator('#typing')).not.toContainText(`lee-${t}`, { timeout: 8000 });

  await two.context().close();
  await expect(one.locator('#chatLogs li.presence').filter({ hasText: `lee-${t}` })).toContainText(
    `lee-${t} left (transport close)`,
  );
  await expect(one.locator('#users')).not.toContainText(`lee-${t}`);
  await one.context().close();
});

test('recovery: a dropped tab gets what it missed, once each, in order', async ({ browser }) => {
  const t = tag();
  const sender = await openChat(browser, `snd-${t}`);
  const dropped = await openChat(browser, `drp-${t}`);
  await dropped.getByRole('button', { name: 'Drop the connection' }).click();
  for (const n of [1, 2, 3]) await send(sender, `missed ${n} ${t}`);
  await expect(dropped.locator('#conn')).toContainText('recovered (socket.recovered = true)');
  await send(sender, `after ${t}`);
  await expect(lines(dropped).filter({ hasText: `after ${t}` })).toHaveCount(1);
  const got = (await lines(dropped).locator('.msg').allTextContents()).filter((text) =>
    text.endsWith(t),
  );
  expect(got).toEqual([`missed 1 ${t}`, `missed 2 ${t}`, `missed 3 ${t}`, `after ${t}`]);
  // Still logged in after recovery: no new login was needed.
  await send(dropped, `still here ${t}`);
  await expect(
    sender.locator('#chatLogs li.login').filter({ hasText: `drp-${t}님이 입장하셨습니다` }),
  ).toHaveCount(1);
  await sender.context().close();
  await dropped.context().close();
});

test('HTML in names and messages is shown as text', async ({ browser }) => {
  const t = tag();
  const name = '<img src=x onerror=window.__xss=1>';
  const msg = `<b>bold?</b><script>window.__xss='${t}'</script>`;
  const attacker = await openChat(browser, name, `<i>${t}</i>`);
  const victim = await openChat(browser, `victim-${t}`);
  await send(attacker, msg);
  await expect(lines(victim).filter({ hasText: msg })).toContainText(`${name}: ${msg}`);
  await expect(attacker.locator('#chatLogs')).toContainText(`${name}님이 입장하셨습니다`);
  await expect(attacker.locator('#login-status')).toHaveText(`Logged in as ${name} (<i>${t}</i>).`);
  await expect(victim.locator('#users')).toContainText(`${name} (<i>${t}</i>)`);
  await expect(victim.locator('#chatLogs img, #chatLogs b, #chatLogs script')).toHaveCount(0);
  await expect(victim.locator('#users img, #users i')).toHaveCount(0);
  for (const page of [attacker, victim])
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  await attacker.context().close();
  await victim.context().close();
});

test('a flood closes the connection: the unanswered messages say so, not "no ack after 5000 ms"', async ({
  browser,
}) => {
  const t = tag();
  const one = await openChat(browser, `fld-${t}`);
  // Faster than a learner can type: 30 messages through the page's own Send button, at once.
  await one.evaluate((text) => {
    const box = document.getElementById('msgForm') as HTMLInputElement;
    const send = document.getElementById('sendMsg') as HTMLButtonElement;
    for (let i = 0; i < 30; i++) {
      box.value = `${text} ${i}`;
      send.click();
    }
  }, `flood ${t}`);
  await expect(one.locator('#conn')).toContainText('io server disconnect');
  const acks = one.locator('#sent li .ack');
  await expect(acks.filter({ hasText: '✗ too many messages' }).first()).toBeVisible();
  await expect(
    acks.filter({ hasText: 'no ack: the connection closed before the server answered' }).first(),
  ).toBeVisible();
  await expect(acks.filter({ hasText: /no ack after \d+ ms/ })).toHaveCount(0);
  await one.context().close();
});

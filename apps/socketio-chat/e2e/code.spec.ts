import { checkFixedPanel, checkPanelsPlaced } from '@course/e2e/code-panel';
import { expect, type Page, test } from '@playwright/test';

// Each demo's "Show the code" panel, read from the chapter's source at build time.
// The chapter runs none of the lecture's handlers or page code as written, so
// every panel is the fixed code alone, with notes on the lines that matter.

/** The panels /chat shows, by the section of the demo they explain. */
const PANELS: Record<string, string[]> = {
  'login-section': ['login-page', 'login-handler', 'input-schemas', 'text-check', 'join-notice'],
  connection: [
    'connection-buttons',
    'force-disconnect',
    'connection-state',
    'server-options',
    'recovered',
  ],
  'chat-section': [
    'send',
    'chat-handler',
    'variants',
    'show-message',
    'send-ack',
    'retry-once',
    'flood-limit',
    'typing-page',
    'typing-handler',
  ],
  online: ['users-list', 'users-page', 'on-disconnect', 'presence-page'],
};

/** The fixed-only panel `id`: a line of its code, its file under apps/socketio-chat/, and a note. */
const check = (page: Page, id: string, fixed: string, file: string, note?: string) =>
  checkFixedPanel(page, id, { fixed, file: `apps/socketio-chat/${file}`, note });

test('/chat: each demo has its code panels, closed until asked', async ({ page }) => {
  await page.goto('/chat');
  await checkPanelsPlaced(page, PANELS);
  const all = Object.values(PANELS).flat();
  await expect(page.locator('details.code-panel')).toHaveCount(all.length);
});

test('/chat: login, from the form to the join notice', async ({ page }) => {
  await page.goto('/chat');
  await check(
    page,
    'login-page',
    "socket.timeout(ackTimeout()).emit('login', fields,",
    'client/src/chat.ts',
    'the name and userid come from the form, so each tab can be a different user',
  );
  await check(
    page,
    'login-handler',
    'const input = check(schemas.login, data);',
    'server/app.ts',
    'check the payload before reading it',
  );
  await check(
    page,
    'input-schemas',
    "'login needs an object {name, userid}',",
    'server/hardening.ts',
    'only the four variants; without one, io.emit as in the lecture',
  );
  await check(page, 'text-check', 'is empty', 'server/hardening.ts');
  await check(
    page,
    'join-notice',
    "logLine('login', el('strong', name), '님이 입장하셨습니다');",
    'client/src/chat.ts',
    'a name with markup stays characters',
  );
});

test('/chat: forceDisconnect, the way back, and recovery', async ({ page }) => {
  await page.goto('/chat');
  await check(
    page,
    'connection-buttons',
    "reconnectButton.addEventListener('click', () => socket.connect());",
    'client/src/chat.ts',
  );
  await check(
    page,
    'force-disconnect',
    'socket.disconnect();',
    'server/app.ts',
    'ack before disconnecting',
  );
  await check(
    page,
    'connection-state',
    'if (me && !socket.recovered) login(me);',
    'client/src/chat.ts',
    'Socket.IO stays down: offer Reconnect',
  );
  await check(
    page,
    'server-options',
    'connectionStateRecovery: { maxDisconnectionDuration: recoveryMs, skipMiddlewares: true },',
    'server/app.ts',
  );
  await check(page, 'recovered', 'if (socket.recovered) {', 'server/app.ts');
});

test('/chat: sending, the chat handler and its four variants', async ({ page }) => {
  await page.goto('/chat');
  await check(
    page,
    'send',
    'const data: ChatInput = { msg, via, id: newId() };',
    'client/src/chat.ts',
  );
  await check(
    page,
    'chat-handler',
    'return reply(fail(\'log in first: send "login" with {name, userid}\'));',
    'server/app.ts',
    'refuse a chat before login',
  );
  await check(
    page,
    'variants',
    "else if (via === 'socket.broadcast.emit') socket.broadcast.emit('chat', message);",
    'server/app.ts',
  );
  // The variants panel is the four calls alone, not the whole handler.
  const variants = page.locator('[data-code-panel="variants"] pre');
  await expect(variants).toContainText("else io.to(target?.id ?? '').emit('s2c chat', message);");
  await expect(variants).not.toContainText('check(schemas.chat');
  await check(
    page,
    'show-message',
    "socket.on('s2c chat', (message) => showMessage(message, 's2c chat'));",
    'client/src/chat.ts',
  );
});

test('/chat: acks with Retry, flood control and typing', async ({ page }) => {
  await page.goto('/chat');
  await check(
    page,
    'send-ack',
    "retry.addEventListener('click', () => deliver(data, ack));",
    'client/src/chat.ts',
    'Retry sends the same data, id included',
  );
  await check(
    page,
    'retry-once',
    'if (id !== undefined && recent.includes(id)) return reply({ ok: true });',
    'server/app.ts',
    'Retry is safe when only the ack was lost',
  );
  await check(
    page,
    'flood-limit',
    "socket.emit('notice', `Disconnected for flooding",
    'server/hardening.ts',
    'typing is counted apart',
  );
  await check(page, 'typing-page', "socket.emit('typing', true, () => {});", 'client/src/chat.ts');
  await check(
    page,
    'typing-handler',
    'typingTimer = setTimeout(stopTyping, typingTimeoutMs);',
    'server/app.ts',
  );
});

test('/chat: the online list, who left and who came back', async ({ page }) => {
  await page.goto('/chat');
  await check(
    page,
    'users-list',
    "const sendUsers = () => io.emit('users', users());",
    'server/app.ts',
  );
  await check(
    page,
    'users-page',
    'const others = users.filter((user) => user.id !== socket.id);',
    'client/src/chat.ts',
  );
  await check(
    page,
    'on-disconnect',
    "io.emit('presence', { kind: 'left', name, userid, reason });",
    'server/app.ts',
    'free the typing timer',
  );
  // The page's texts live in client/src/messages.ts: the panel shows the call that picks one.
  await check(
    page,
    'presence-page',
    "logLine('presence', ...aboutName(text, presence.name));",
    'client/src/chat.ts',
  );
});

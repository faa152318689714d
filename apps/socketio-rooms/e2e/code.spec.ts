import { checkCodePanel, checkFixedPanel } from '@course/e2e/code-panel';
import { expect, type Page, test } from '@playwright/test';

// Each demo's "Show the code" panel: the server code that runs in lecture mode
// beside the fixed code, read from server/app.ts at build time.

/** The fixed-only panel `id`: a line of its code, in server/app.ts. */
const checkFixedOnly = (page: Page, id: string, line: string) =>
  checkFixedPanel(page, id, { fixed: line, file: 'apps/socketio-rooms/server/app.ts' });

test.describe('/lecture', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/lecture');
  });

  test('the chat message panel shows the join without a leave, and the fix that leaves first', async ({
    page,
  }) => {
    await expect(page.locator('#lecture-chat [data-code-panel="chat-message"]')).toHaveCount(1);
    await checkCodePanel(page, 'chat-message', {
      lecture: "chat.to(room).emit('chat message', { name, msg });",
      fixed: 'leaveOthers(room);',
      note: 'fix: leave the room it was in first',
    });
  });

  test('the "why" section shows the missing leave and the code that leaves', async ({ page }) => {
    await checkCodePanel(page, 'leave', {
      lecture: "error: 'lecture mode has no leave: that is its pitfall'",
      fixed: 'const left = leaveOthers(null);',
      note: 'pitfall: nothing calls socket.leave()',
    });
    await checkFixedOnly(page, 'leave-others', 'socket.leave(room);');
  });
});

test.describe('/rooms', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/rooms');
  });

  test('the room chat has a panel for Send, Join room and Leave room', async ({ page }) => {
    const section = page.locator('#chat-room');
    for (const id of ['chat-message', 'join', 'leave', 'leave-others'])
      await expect(section.locator(`details.code-panel[data-code-panel="${id}"]`)).toHaveCount(1);
    await checkCodePanel(page, 'join', {
      lecture: "error: 'lecture mode has no join: a socket joins a room only by posting to it'",
      fixed: 'const left = leaveOthers(room);',
      note: 'fix: leave the current room before joining',
    });
    await checkCodePanel(page, 'chat-message', {
      lecture: 'socket.join(room);',
      fixed: 'leaveOthers(room);',
      note: 'pitfall: joins each room it posts to and leaves none',
    });
  });

  test('the room list and member list show the fixed code only', async ({ page }) => {
    await checkFixedOnly(page, 'room-list', '.filter(([room]) => !adapter.sids.has(room))');
    await checkFixedOnly(page, 'room-updates', "chat.to(room).emit('members', { room, members });");
    await checkFixedOnly(page, 'notices', "adapter.on('leave-room'");
    // A note stays beside the code, not in it.
    const notes = page.locator('[data-code-panel="notices"] .line.note');
    await expect(notes).toContainText(['the adapter reports every join and leave']);
  });
});

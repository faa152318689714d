import { expect, type Locator, type Page } from '@playwright/test';

/** What each view of a code panel must show: a line of the lecture's code, of the fixed code, and a note of the diff. */
export interface PanelExpectations {
  lecture: string | RegExp;
  fixed: string | RegExp;
  note: string | RegExp;
}

/**
 * Opens the code panel `id` on `page` and checks its three views as a learner
 * reads them: the lecture's way, the fixed code, and the diff with its changed
 * lines and a note; then its source link, which opens the learner's editor.
 */
export async function checkCodePanel(page: Page, id: string, want: PanelExpectations) {
  const panel = page.locator(`details.code-panel[data-code-panel="${id}"]`);
  const view = (name: string): Locator => panel.locator(`.code-view[data-view="${name}"]`);
  await expect(view('lecture')).toBeHidden();
  await panel.locator('summary').click();

  await expect(view('lecture')).toBeVisible();
  await expect(view('lecture').locator('pre')).toContainText(want.lecture);
  await expect(view('fixed')).toBeHidden();

  await panel.getByRole('radio', { name: 'Fixed' }).check();
  await expect(view('fixed')).toBeVisible();
  await expect(view('fixed').locator('pre')).toContainText(want.fixed);
  await expect(view('lecture')).toBeHidden();

  await panel.getByRole('radio', { name: 'What changed' }).check();
  const diff = view('diff');
  await expect(diff).toBeVisible();
  expect(await diff.locator('.line.add, .line.del').count()).toBeGreaterThan(0);
  await expect(diff.locator('.line.note').filter({ hasText: want.note })).not.toHaveCount(0);

  // In e2e runs the editor is `true`: the link reaches the server, which opens nothing and says it did.
  await diff.locator('a.source-link').first().click();
  await expect(diff.locator('.source-status')).toHaveText('Opened in your editor.');
}

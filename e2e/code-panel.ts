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

/** What a fixed-only panel must show: a line of its code, the source file (from the repository root), maybe a note. */
export interface FixedPanelExpectations {
  fixed: string | RegExp;
  file: string;
  note?: string | RegExp;
}

/**
 * Opens the fixed-only code panel `id` (a demo the lecture has no version of)
 * and checks it shows just the fixed code, with `note` beside the code rather
 * than in it, and a source link to `file` that opens the learner's editor.
 */
export async function checkFixedPanel(page: Page, id: string, want: FixedPanelExpectations) {
  const panel = page.locator(`details.code-panel[data-code-panel="${id}"]`);
  const fixed = panel.locator('.code-view[data-view="fixed"]');
  await expect(fixed).toBeHidden();
  await panel.locator('summary').click();
  await expect(panel.getByRole('radio')).toHaveCount(1);
  await expect(panel.getByRole('radio', { name: 'Fixed' })).toBeChecked();
  await expect(panel.locator('.code-view[data-view="lecture"]')).toHaveCount(0);
  await expect(fixed).toBeVisible();
  await expect(fixed.locator('pre')).toContainText(want.fixed);
  if (want.note) {
    await expect(fixed.locator('.line.note').filter({ hasText: want.note })).not.toHaveCount(0);
    await expect(fixed.locator('pre')).not.toContainText('// fix:');
  }
  const link = fixed.locator('a.source-link');
  await expect(link).toContainText(want.file);
  await link.click();
  await expect(fixed.locator('.source-status')).toHaveText('Opened in your editor.');
}

/**
 * Checks that each panel sits in the section of the demo it explains
 * (`{ sectionId: [panelId, …] }`), closed, behind "Show the code".
 */
export async function checkPanelsPlaced(page: Page, sections: Record<string, string[]>) {
  for (const [section, ids] of Object.entries(sections))
    for (const id of ids) {
      const panel = page.locator(`#${section} details.code-panel[data-code-panel="${id}"]`);
      await expect(panel).toHaveCount(1);
      await expect(panel.locator('summary')).toHaveText('Show the code');
      await expect(panel).not.toHaveAttribute('open');
    }
}

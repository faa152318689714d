import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { collectRegions, fillPanels } from '../code-panels.js';
import { chapterViteConfig } from '../vite-config.js';

// A throwaway chapter with a page and marked source, as a course author writes them.
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function chapter(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'kit-panels-'));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  const dir = join(root, 'apps', 'demo');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const SOURCE = `export function describe(state: number): string {
  let text = '';
  // #region lecture:ready-state
  switch (state) {
    // pitfall: no break, so OPEN falls through to CLOSING
    case 1:
      text = 'OPEN';
    case 2:
      text = 'CLOSING';
  }
  // #endregion
  return text;
}

export function describeFixed(state: number): string {
  let text = '';
  // #region fixed:ready-state
  switch (state) {
    case 1:
      text = 'OPEN';
      // fix: each case ends with break
      break;
    case 2:
      text = 'CLOSING';
  }
  // #endregion
  return text;
}
`;

const PAGE = '<section><h2>readyState</h2><div data-code-panel="ready-state"></div></section>';

describe('collectRegions', () => {
  it('finds both views, dedented, with notes on the lines they explain and where they start', () => {
    const panels = collectRegions(chapter({ 'client/src/state.ts': SOURCE }));
    const panel = panels.get('ready-state');
    expect(panel?.lecture?.file).toBe(join('apps', 'demo', 'client', 'src', 'state.ts'));
    expect(panel?.lecture?.line).toBe(4);
    expect(panel?.lecture?.code.split('\n')[0]).toBe('switch (state) {');
    expect(panel?.lecture?.code).not.toContain('pitfall');
    expect(panel?.lecture?.notes.get(1)).toEqual(['no break, so OPEN falls through to CLOSING']);
    expect(panel?.fixed?.line).toBe(18);
    expect(panel?.fixed?.notes.get(3)).toEqual(['each case ends with break']);
  });

  it('names the file and line of a region never closed', () => {
    const dir = chapter({ 'server/app.ts': 'const a = 1;\n// #region fixed:x\nconst b = 2;\n' });
    expect(() => collectRegions(dir)).toThrow(/server\/app\.ts:2: a #region that is never closed/);
  });

  it('leaves an editor fold region alone', () => {
    const dir = chapter({ 'server/app.ts': '// #region helpers\nconst a = 1;\n// #endregion\n' });
    expect(collectRegions(dir).size).toBe(0);
  });
});

describe('fillPanels', () => {
  it('renders both views and a diff that marks the change and carries its notes', async () => {
    const panels = collectRegions(chapter({ 'client/src/state.ts': SOURCE }));
    const { html, ids } = await fillPanels(PAGE, panels);
    expect(ids).toEqual(['ready-state']);
    expect(html).toContain('<details class="code-panel" data-code-panel="ready-state">');
    for (const label of ['The lecture’s way', 'Fixed', 'What changed'])
      expect(html).toContain(label);
    const diff = html.slice(html.indexOf('data-view="diff"'));
    expect(diff.match(/class="line add"/g)).toHaveLength(1);
    expect(diff).toContain('fix: each case ends with break');
    expect(diff).toContain('pitfall: no break, so OPEN falls through to CLOSING');
    expect(html).toContain('apps/demo/client/src/state.ts:4');
    expect(html).toContain(
      'href="/__open-in-editor?file=apps%2Fdemo%2Fclient%2Fsrc%2Fstate.ts%3A18"',
    );
  });

  it('escapes the source: code is shown, never parsed as HTML', async () => {
    const source =
      '// #region fixed:tag\nconst html = "<img src=x onerror=alert(1)>";\n// #endregion\n';
    const panels = collectRegions(chapter({ 'client/src/a.ts': source }));
    const { html } = await fillPanels(
      '<div data-code-panel="tag" data-only="fixed"></div>',
      panels,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses a panel with no code, naming the marker to add', async () => {
    const panels = collectRegions(chapter({ 'client/src/state.ts': SOURCE }));
    await expect(fillPanels('<div data-code-panel="nope"></div>', panels)).rejects.toThrow(
      'code panel "nope": no region in the chapter\'s source',
    );
  });

  it('refuses a change without a note', async () => {
    const quiet = SOURCE.replace('      // fix: each case ends with break\n', '').replace(
      '    // pitfall: no break, so OPEN falls through to CLOSING\n',
      '',
    );
    const panels = collectRegions(chapter({ 'client/src/state.ts': quiet }));
    await expect(fillPanels(PAGE, panels)).rejects.toThrow(/a change near .* has no note/);
  });
});

describe('the build', () => {
  const build_ = (dir: string) =>
    build({ ...chapterViteConfig(dir), configFile: false, logLevel: 'silent' });

  it('fills the panel into the built page', async () => {
    const dir = chapter({ 'client/src/state.ts': SOURCE, 'client/index.html': PAGE });
    await build_(dir);
    const built = readFileSync(join(dir, 'dist', 'client', 'index.html'), 'utf8');
    expect(built).toContain('data-code-panel="ready-state"');
    expect(built).toContain('What changed');
    expect(built).not.toContain('<div data-code-panel');
  });

  it('fails when the code marks a panel that no page shows', async () => {
    const dir = chapter({ 'client/src/state.ts': SOURCE, 'client/index.html': '<p>no panel</p>' });
    await expect(build_(dir)).rejects.toThrow(/code regions no page shows: ready-state/);
  });

  it('fails when a page names a panel whose code is gone', async () => {
    const dir = chapter({ 'client/src/state.ts': 'export {};\n', 'client/index.html': PAGE });
    await expect(build_(dir)).rejects.toThrow(/code panel "ready-state": no region/);
  });
});

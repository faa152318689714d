// Code panels: each demo shows the code that runs, taken from the chapter's own
// source at build time. Plain JavaScript, like vite-config.js, because Vite loads it with Node.
//
// In the source, a region marks what a panel shows:
//
//   // #region lecture:ready-state        (the lecture's way, pitfall included)
//   // pitfall: no break, so every case below runs too
//   …code…
//   // #endregion
//
//   // #region fixed:ready-state          (the code that runs in the fixed version)
//   // fix: one case per state, each ends with break
//   …code…
//   // #endregion
//
// (`<!-- #region … -->` in HTML.) A `pitfall:` or `fix:` comment is a note on
// the next line: it leaves the code and shows beside it. In a page,
// `<div data-code-panel="ready-state"></div>` becomes the panel: both views, the
// diff with a note on each change, and a link to each source file. A panel that
// names a missing region, a region no page shows, or a change without a note
// fails the build, so a panel cannot drift from the code that runs.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { diffLines } from 'diff';
import { codeToTokens } from 'shiki';

/** The two views a panel compares. */
export const VIEWS = /** @type {const} */ (['lecture', 'fixed']);

// English here; the page's nav puts them in the page's language (`data-kit-t`, course-nav.ts).
const VIEW_LABELS = { lecture: 'The lecture’s way', fixed: 'Fixed', diff: 'What changed' };
const VIEW_KEYS = { lecture: 'codeLecture', fixed: 'codeFixed', diff: 'codeDiff' };
const LANGS = { '.ts': 'ts', '.js': 'js', '.html': 'html', '.css': 'css' };
const SKIP_DIRS = new Set(['node_modules', 'dist', 'test', 'test-results', 'e2e', 'mutation']);
const OPEN = /^\s*(?:\/\/|<!--|\/\*)\s*#region\b\s*(?:(lecture|fixed):([a-z0-9-]+))?/;
const CLOSE = /^\s*(?:\/\/|<!--|\/\*)\s*#endregion\b/;
const NOTE = /^\s*(?:\/\/|<!--)\s*(fix|pitfall):\s*(.*?)\s*(?:-->)?\s*$/;
const PLACEHOLDER = /<div data-code-panel="([a-z0-9-]+)"(?: data-only="(lecture|fixed)")?><\/div>/g;

/**
 * @typedef {{ file: string, line: number, lang: string, code: string, notes: Map<number, string[]> }} Region
 * @typedef {{ lecture?: Region, fixed?: Region }} Panel
 */

/** The repository root: the nearest folder up from `dir` with pnpm-workspace.yaml. */
function repoRoot(dir) {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'pnpm-workspace.yaml'))) return at;
    if (dirname(at) === at) return dir;
  }
}

/** The chapter's source files that may hold regions: server, page and shared code. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return SKIP_DIRS.has(entry.name) || entry.name.startsWith('.') ? [] : sourceFiles(path);
    return extname(entry.name) in LANGS && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Removes the indentation every non-blank line shares. */
function dedent(lines) {
  const indents = lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const cut = Math.min(...indents, Number.POSITIVE_INFINITY);
  return lines.map((l) => l.slice(Number.isFinite(cut) ? cut : 0));
}

/**
 * Every region in the chapter's source, by panel id and view. Throws when a
 * region is opened twice, never closed, or closed without being opened.
 * @param {string} chapterDir
 * @returns {Map<string, Panel>}
 */
export function collectRegions(chapterDir) {
  const root = repoRoot(chapterDir);
  /** @type {Map<string, Panel>} */
  const panels = new Map();
  for (const path of sourceFiles(chapterDir)) {
    const file = relative(root, path);
    const lines = readFileSync(path, 'utf8').split('\n');
    /** @type {{ view?: 'lecture' | 'fixed', id?: string, start: number, body: string[], notes: Map<number, string[]>, pending: string[] }[]} */
    const open = [];
    lines.forEach((text, index) => {
      const start = OPEN.exec(text);
      if (start) {
        // A region of another kind (an editor's fold) nests like ours but shows nowhere.
        const [, view, id] = /** @type {[string, 'lecture' | 'fixed', string]} */ (start);
        open.push({ view, id, start: index + 2, body: [], notes: new Map(), pending: [] });
        return;
      }
      if (CLOSE.test(text)) {
        const region = open.pop();
        if (!region) throw new Error(`${file}:${index + 1}: #endregion without a #region`);
        if (!region.view) return;
        const panel = panels.get(region.id) ?? {};
        if (panel[region.view])
          throw new Error(
            `${file}:${region.start - 1}: a second "${region.view}:${region.id}" region (the first is in ${panel[region.view].file})`,
          );
        panel[region.view] = {
          file,
          line: region.start,
          lang: LANGS[/** @type {keyof typeof LANGS} */ (extname(path))],
          code: dedent(region.body).join('\n').replace(/\s+$/, ''),
          notes: region.notes,
        };
        panels.set(region.id, panel);
        return;
      }
      for (const region of open.filter((r) => r.view)) {
        const note = NOTE.exec(text);
        if (note) region.pending.push(note[2]);
        else {
          if (region.pending.length > 0) region.notes.set(region.body.length, region.pending);
          region.pending = [];
          region.body.push(text);
        }
      }
    });
    if (open.length > 0)
      throw new Error(`${file}:${open[0].start - 1}: a #region that is never closed`);
  }
  return panels;
}

const escapeHtml = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The lines of `region`, highlighted, as HTML strings (no line breaks). */
async function highlight(region) {
  const { tokens } = await codeToTokens(region.code, {
    lang: region.lang,
    themes: { light: 'github-light', dark: 'github-dark' },
  });
  return tokens.map((line) =>
    line
      .map((token) => {
        // Both themes' colours as custom properties; page.css picks one by colour scheme.
        const { color = 'inherit', '--shiki-dark': dark = color } = token.htmlStyle ?? {};
        const style = `--light:${color};--dark:${dark}`;
        return `<span style="${style}">${escapeHtml(token.content)}</span>`;
      })
      .join(''),
  );
}

const row = (kind, html) => `<span class="line ${kind}">${html || ' '}</span>`;
const noteRow = (kind, notes) =>
  notes.map((note) => `<span class="line note ${kind}">${escapeHtml(note)}</span>`).join('');

/** A view of one region: its lines, notes under the lines they explain, and its source link. */
async function regionView(view, region) {
  const lines = await highlight(region);
  const kind = view === 'lecture' ? 'pitfall' : 'fix';
  const body = lines
    .map((html, i) => row('', html) + noteRow(kind, region.notes.get(i) ?? []))
    .join('');
  return figure(view, body, [region]);
}

/**
 * The diff from the lecture's way to the fixed code: removed and added lines
 * marked, and after each change the notes on its lines. Throws for a change
 * with no note.
 */
async function diffView(id, lecture, fixed) {
  const [before, after] = await Promise.all([highlight(lecture), highlight(fixed)]);
  let b = 0;
  let a = 0;
  let html = '';
  /** @type {string[]} */
  let hunkNotes = [];
  let inHunk = false;
  const endHunk = () => {
    if (!inHunk) return;
    if (hunkNotes.length === 0)
      throw new Error(
        `code panel "${id}": a change near ${fixed.file}:${fixed.line + a} has no note. Add a "// fix: …" line above the fixed line (or "// pitfall: …" above the lecture's).`,
      );
    html += `<span class="line note">${hunkNotes.map(escapeHtml).join(' · ')}</span>`;
    hunkNotes = [];
    inHunk = false;
  };
  for (const part of diffLines(`${lecture.code}\n`, `${fixed.code}\n`)) {
    const count = part.value.replace(/\n$/, '').split('\n').length;
    for (let i = 0; i < count; i++) {
      if (part.removed) {
        inHunk = true;
        hunkNotes.push(...(lecture.notes.get(b) ?? []).map((n) => `pitfall: ${n}`));
        html += row('del', before[b++]);
      } else if (part.added) {
        inHunk = true;
        hunkNotes.push(...(fixed.notes.get(a) ?? []).map((n) => `fix: ${n}`));
        html += row('add', after[a++]);
      } else {
        endHunk();
        // A note on a line both versions share (the pitfall's cause, say) shows under it.
        const notes = [
          ...(lecture.notes.get(b++) ?? []).map((n) => `pitfall: ${n}`),
          ...(fixed.notes.get(a) ?? []).map((n) => `fix: ${n}`),
        ];
        html += row('', after[a++]) + noteRow('', notes);
      }
    }
  }
  endHunk();
  return figure('diff', html, [lecture, fixed]);
}

function figure(view, body, regions) {
  const links = regions
    .map((region) => {
      const where = `${region.file}:${region.line}`;
      return `<a class="source-link" href="/__open-in-editor?file=${encodeURIComponent(where)}">${escapeHtml(where)}</a>`;
    })
    .join(' → ');
  return (
    `<figure class="code-view" data-view="${view}">` +
    `<figcaption>${links} <output class="source-status"></output></figcaption>` +
    `<pre class="shiki"><code>${body}</code></pre></figure>`
  );
}

/**
 * The HTML of panel `id`: a closed `<details>` with a radio per view and one
 * figure per view. `only` names the single view of a demo the lecture has no
 * version of.
 * @param {string} id
 * @param {Panel} panel
 * @param {'lecture' | 'fixed' | undefined} only
 */
export async function renderPanel(id, panel, only) {
  const views = only ? [only] : VIEWS;
  for (const view of views)
    if (!panel[view])
      throw new Error(
        `code panel "${id}" has no "${view}" region: mark its code with "// #region ${view}:${id}" … "// #endregion"`,
      );
  const figures = await Promise.all(views.map((view) => regionView(view, panel[view])));
  if (!only) figures.push(await diffView(id, panel.lecture, panel.fixed));
  const names = only ? [only] : [...VIEWS, 'diff'];
  const radios = names
    .map(
      (view, i) =>
        `<label><input type="radio" name="code-${id}" value="${view}"${i === 0 ? ' checked' : ''}> <span data-kit-t="${VIEW_KEYS[view]}">${VIEW_LABELS[view]}</span></label>`,
    )
    .join('');
  return (
    `<details class="code-panel" data-code-panel="${id}"><summary data-kit-t="showCode">Show the code</summary>` +
    `<div class="code-views" role="radiogroup" aria-label="Which version" data-kit-t-attr="aria-label:whichVersion">${radios}</div>` +
    `${figures.join('')}</details>`
  );
}

// Source links ask the chapter's server to open the file in the learner's editor; without one, they say where it is.
const LINK_SCRIPT = `document.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? event.target.closest('a.source-link') : null;
  if (!link) return;
  event.preventDefault();
  const status = link.parentElement.querySelector('.source-status');
  const res = await fetch(link.href).catch(() => undefined);
  const answer = res && res.ok ? await res.json().catch(() => undefined) : undefined;
  const ko = document.documentElement.lang === 'ko';
  status.textContent = answer && answer.opened
    ? (ko ? '편집기에서 열었습니다.' : 'Opened in your editor.')
    : ko
      ? '설정된 편집기가 없습니다. ' + link.textContent + ' 파일을 직접 열거나, EDITOR를 설정하고 레슨을 다시 시작하세요.'
      : 'No editor set up: open ' + link.textContent + ' yourself, or set EDITOR and restart the lesson.';
});`;

/**
 * Replaces every code panel placeholder in `html`; throws for a panel whose
 * regions are missing. Returns the ids it rendered.
 * @param {string} html
 * @param {Map<string, Panel>} panels
 */
export async function fillPanels(html, panels) {
  const found = [...html.matchAll(PLACEHOLDER)];
  const rendered = await Promise.all(
    found.map(([, id, only]) => {
      const panel = panels.get(id);
      if (!panel)
        throw new Error(
          `code panel "${id}": no region in the chapter's source. Mark its code with "// #region lecture:${id}" and "// #region fixed:${id}".`,
        );
      return renderPanel(id, panel, /** @type {'lecture' | 'fixed' | undefined} */ (only));
    }),
  );
  let i = 0;
  return { html: html.replace(PLACEHOLDER, () => rendered[i++]), ids: found.map(([, id]) => id) };
}

/**
 * The Vite plugin: fills each page's code panels from the chapter's source, in
 * dev (on every request) and in the build. The build fails when a page names a
 * panel with no code, or the code marks a panel no page shows.
 * @param {string} chapterDir
 * @returns {import('vite').Plugin}
 */
export function codePanels(chapterDir) {
  /** @type {Set<string>} */
  const shown = new Set();
  /** @type {Map<string, Panel>} */
  let panels = new Map();
  let building = false;
  return {
    name: 'course-code-panels',
    configResolved(config) {
      building = config.command === 'build';
    },
    buildStart() {
      panels = collectRegions(chapterDir);
      shown.clear();
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html, ctx) {
        // In dev, read the source again on each page load, so a saved edit shows at once.
        if (ctx.server) panels = collectRegions(chapterDir);
        const filled = await fillPanels(html, panels);
        for (const id of filled.ids) shown.add(id);
        if (filled.ids.length === 0) return filled.html;
        return {
          html: filled.html,
          tags: [
            { tag: 'script', attrs: { type: 'module' }, children: LINK_SCRIPT, injectTo: 'body' },
          ],
        };
      },
    },
    buildEnd(error) {
      if (error || !building) return;
      const unused = [...panels.keys()].filter((id) => !shown.has(id));
      if (unused.length > 0)
        this.error(
          `code regions no page shows: ${unused.join(', ')}. Add <div data-code-panel="${unused[0]}"></div> to the demo's section, or remove the markers.`,
        );
    },
  };
}

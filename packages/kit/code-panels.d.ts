import type { Plugin } from 'vite';

/** A marked region of the chapter's source: where it is, its code, and its notes by line. */
export interface Region {
  file: string;
  line: number;
  lang: string;
  code: string;
  notes: Map<number, string[]>;
}
export interface Panel {
  lecture?: Region;
  fixed?: Region;
}
export const VIEWS: readonly ['lecture', 'fixed'];
/** Every `#region lecture:<id>` / `#region fixed:<id>` in the chapter's source, by id. */
export function collectRegions(chapterDir: string): Map<string, Panel>;
/** The HTML of one code panel (both views and the diff, or the `only` view). */
export function renderPanel(id: string, panel: Panel, only?: 'lecture' | 'fixed'): Promise<string>;
/** Replaces each `<div data-code-panel="id"></div>` in `html` with its panel. */
export function fillPanels(
  html: string,
  panels: Map<string, Panel>,
): Promise<{ html: string; ids: string[] }>;
/** The Vite plugin that fills code panels in dev and in the build, and fails the build on drift. */
export function codePanels(chapterDir: string): Plugin;

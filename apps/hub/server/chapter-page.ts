// A chapter's URL in the hub: /chapters/<name> and /chapters/<name>/<page>.
// The hub page itself reads the path and shows the lesson beside the running page;
// this module knows which pages a chapter has and what to answer for a name or page that does not exist.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Chapter } from '@course/chapters';
import { escapeHtml } from './readme.ts';

/**
 * The pages of a chapter, as its server serves them: every `client/<page>.html`
 * is `/<page>` (the kit's Vite config builds one page per file).
 */
export function chapterPages(chapter: Chapter): string[] {
  const client = join(chapter.dir, 'client');
  if (!existsSync(client)) return [];
  return readdirSync(client)
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.replace(/\.html$/, ''))
    .sort();
}

/**
 * The 404 page for a chapter URL that leads nowhere: `message` on top, then
 * every chapter as a link to its own URL, so the learner is one click from the right one.
 */
export function renderMissingPage(
  message: string,
  chapters: readonly Chapter[],
  stylesheetHref: string,
): string {
  const links = chapters
    .map(
      (chapter) =>
        `<li><a href="/chapters/${encodeURIComponent(chapter.name)}">${escapeHtml(chapter.course.title)}</a> <code>${escapeHtml(chapter.name)}</code></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>Not found · Course hub</title>
<link rel="stylesheet" href="${escapeHtml(stylesheetHref)}" />
</head>
<body>
<nav class="course"><a href="/">← All chapters</a></nav>
<h1>Not found</h1>
<p class="lead" id="missing">${escapeHtml(message)}</p>
<p>The chapters of this course:</p>
<ol>
${links}
</ol>
</body>
</html>`;
}

import type { Lang } from '@course/kit/i18n';
import { Marked } from 'marked';

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The raw HTML a README may use, as plain tags without attributes: the folded hints of an exercise. */
const FOLDS = /&#60;(\/?)(details|summary)&#62;/g;

// Raw HTML inside a README is shown as text, not passed through; except, in a block of its own,
// `<details>` and `<summary>` (bare, no attributes), so an exercise's hints stay folded until opened.
const markdown = new Marked({
  gfm: true,
  renderer: {
    html: ({ text, block }) =>
      block ? escapeHtml(text).replace(FOLDS, '<$1$2>') : escapeHtml(text),
  },
});

/** A whole HTML page for one chapter's README (in `lang`), styled like the course pages. */
export function renderReadmePage(
  title: string,
  source: string,
  stylesheetHref: string,
  lang: Lang = 'en',
): string {
  const body = markdown.parse(source, { async: false });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>${escapeHtml(title)} · README</title>
<base target="_blank" />
<link rel="stylesheet" href="${escapeHtml(stylesheetHref)}" />
</head>
<body class="readme">
${body}
</body>
</html>`;
}

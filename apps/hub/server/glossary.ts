// The course glossary as a page: the one list of terms every chapter's Korean text uses
// (packages/kit/src/glossary.ts), shown in the learner's language.
import { GLOSSARY } from '@course/kit/glossary';
import type { Lang } from '@course/kit/i18n';
import { escapeHtml } from './readme.ts';

const TEXTS = {
  en: {
    title: 'Glossary',
    lead: 'The Korean term the course uses for each English one. A Korean text writes the term with the English in parentheses the first time, as in the third column, then the Korean alone.',
    back: '← All chapters',
    columns: ['English', 'Korean', 'First mention in Korean', 'What it means'],
  },
  ko: {
    title: '코스 용어집',
    lead: '코스가 영어 용어마다 쓰는 한국어 용어입니다. 한국어 글에서는 처음 나올 때 셋째 열처럼 영어를 괄호에 넣어 쓰고, 그다음부터는 한국어만 씁니다.',
    back: '← 모든 챕터',
    columns: ['한국어', '영어', '처음 나올 때', '뜻'],
  },
} satisfies Record<Lang, { title: string; lead: string; back: string; columns: string[] }>;

/** The glossary page in `lang`: a table of every term, styled like the README pages. */
export function renderGlossaryPage(lang: Lang, stylesheetHref: string): string {
  const t = TEXTS[lang];
  const cell = (text: string, cellLang: Lang) => `<td lang="${cellLang}">${escapeHtml(text)}</td>`;
  const rows = Object.entries(GLOSSARY)
    .map(([key, term]) => {
      const english = cell(term.en, 'en');
      const korean = cell(term.ko, 'ko');
      const cells =
        lang === 'ko'
          ? [korean, english, cell(term.first, 'ko'), cell(term.means.ko, 'ko')]
          : [english, korean, cell(term.first, 'ko'), cell(term.means.en, 'en')];
      return `<tr id="${escapeHtml(key)}">${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>${escapeHtml(t.title)} · Course hub</title>
<link rel="stylesheet" href="${escapeHtml(stylesheetHref)}" />
</head>
<body class="readme glossary">
<nav class="course"><a href="/">${escapeHtml(t.back)}</a></nav>
<h1>${escapeHtml(t.title)}</h1>
<p class="lead">${escapeHtml(t.lead)}</p>
<table>
<thead><tr>${t.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>`;
}

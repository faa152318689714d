import { courseNav } from '@course/kit/course-nav';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';

/** The page's texts in the learner's language (`<html lang>` is set from it too). */
export const t = pageMessages(messages);
// Fill every data-t / data-t-attr of the page before anything else runs.
applyMessages(t);
// The tab's title as plain text (a <title> shows only its text, no marked-up runs).
const title = document.querySelector<HTMLElement>('title[data-t]');
if (title?.dataset.t) document.title = t[title.dataset.t as keyof typeof t] as string;

// The chapter's pages, in lesson order: every page's nav is built from this list.
courseNav([
  { href: '/', label: t.navHome },
  { href: '/readystate', label: t.navReadyState },
  { href: '/ajax1', label: t.navAjax1 },
  { href: '/ajax2', label: t.navAjax2 },
  { href: '/ajax3', label: t.navAjax3 },
  { href: '/ajax4', label: t.navAjax4 },
  { href: '/api', label: t.navApi },
  { href: '/pitfalls', label: t.navPitfalls },
]);

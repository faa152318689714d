import { courseNav } from '@course/kit/course-nav';
import type messages from './messages.ts';

/** The chapter's messages in one language. */
export type Messages = (typeof messages)['en'];

/** The chapter's pages, in lesson order, in the page's language: every page's nav is built from this list. */
export function chapterNav(t: Messages): void {
  courseNav([
    { href: '/', label: t.navHome },
    { href: '/exchange', label: t.navExchange },
    { href: '/direct', label: t.navDirect },
    { href: '/framing', label: t.navFraming },
    { href: '/bad-input', label: t.navBadInput },
  ]);
}

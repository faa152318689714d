import { courseNav } from '@course/kit/course-nav';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';

/** The page's texts in the learner's language: every page script imports this first. */
export const t = pageMessages(messages);
applyMessages(t);

// The chapter's pages, in lesson order: every page's nav is built from this list.
courseNav([
  { href: '/', label: t.navHome },
  { href: '/lecture', label: t.navLecture },
  { href: '/api', label: t.navApi },
  { href: '/reconnect', label: t.navReconnect },
  { href: '/pitfalls', label: t.navPitfalls },
]);

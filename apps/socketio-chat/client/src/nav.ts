import { courseNav } from '@course/kit/course-nav';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';

/** The page's texts in the learner's language (English or Korean), chosen before anything else. */
export const t = pageMessages(messages);
applyMessages(t);

// The chapter's pages, in lesson order: every page's nav is built from this list.
courseNav([
  { href: '/', label: t.navHome },
  { href: '/chat', label: t.navChat },
]);

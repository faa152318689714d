import { courseNav } from '@course/kit/course-nav';
import { applyMessages, pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';

// Every page of the chapter imports this first: its texts in the learner's language,
// then the nav (its pages, in lesson order, and the language switch).
export const t = pageMessages(messages);
applyMessages(t);
courseNav([
  { href: '/', label: t.navHome },
  { href: '/lecture', label: t.navLecture },
  { href: '/rooms', label: t.navRooms },
]);

import { courseNav } from '@course/kit/course-nav';
import { pageMessages } from '@course/kit/i18n-page';
import messages from './messages.ts';

// The chapter's pages, in lesson order: every page's nav is built from this list.
// (/frame, /third and /snoop are the pages that live inside the iframes: no nav there.)
const t = pageMessages(messages);
courseNav([
  { href: '/', label: t.navHome },
  { href: '/messaging', label: t.navMessaging },
  { href: '/target-origin', label: t.navTarget },
  { href: '/channel', label: t.navChannel },
  { href: '/clone', label: t.navClone },
  { href: '/transfer', label: t.navTransfer },
]);

import { courseNav } from '@course/kit/course-nav';
import { applyMessages } from '@course/kit/i18n-page';
import { t } from './texts.ts';

// The page's texts in the learner's language, before anything else: every page script imports this first.
applyMessages(t);

// The chapter's pages, in lesson order: every page's nav is built from this list.
courseNav([
  { href: '/', label: t.navHome },
  { href: '/lecture', label: t.navLecture },
  { href: '/fixed', label: t.navFixed },
  { href: '/beyond', label: t.navBeyond },
  { href: '/limit', label: t.navLimit },
]);

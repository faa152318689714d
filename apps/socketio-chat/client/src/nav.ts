import { courseNav } from '@course/kit/course-nav';

// The chapter's pages, in lesson order: every page's nav is built from this list.
courseNav([
  { href: '/', label: 'Chapter home' },
  { href: '/chat', label: '/chat' },
]);

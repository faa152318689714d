import { courseNav } from '@course/kit/course-nav';

// The chapter's pages, in lesson order: every page's nav is built from this list.
courseNav([
  { href: '/', label: 'Chapter home' },
  { href: '/lecture', label: "The lecture's client" },
  { href: '/fixed', label: 'Fixed countdown' },
  { href: '/beyond', label: 'Named events & raw stream' },
  { href: '/limit', label: 'Connection limit' },
]);

import { courseNav } from '@course/kit/course-nav';

// The chapter's pages, in lesson order: every page's nav is built from this list.
courseNav([
  { href: '/', label: 'Chapter home' },
  { href: '/readystate', label: 'readyState' },
  { href: '/ajax1', label: '/ajax1 text' },
  { href: '/ajax2', label: '/ajax2 JSON' },
  { href: '/ajax3', label: '/ajax3 loading' },
  { href: '/ajax4', label: '/ajax4 POST' },
  { href: '/api', label: 'Beyond the lecture' },
  { href: '/pitfalls', label: 'Pitfalls' },
]);

import { courseNav } from '@course/kit/course-nav';

// The chapter's pages, in lesson order: every page's nav is built from this list.
courseNav([
  { href: '/', label: 'Chapter home' },
  { href: '/exchange', label: 'The exchange' },
  { href: '/direct', label: 'Fetch the TCP port' },
  { href: '/framing', label: 'No message boundaries' },
  { href: '/bad-input', label: 'Bad input' },
]);

import { courseNav } from '@course/kit/course-nav';

// The chapter's pages, in lesson order: every page's nav is built from this list.
// (/frame, /third and /snoop are the pages that live inside the iframes: no nav there.)
courseNav([
  { href: '/', label: 'Chapter home' },
  { href: '/messaging', label: 'Two origins' },
  { href: '/target-origin', label: "targetOrigin '*'" },
  { href: '/channel', label: 'MessageChannel' },
  { href: '/clone', label: 'Structured clone' },
  { href: '/transfer', label: 'Transferables' },
]);

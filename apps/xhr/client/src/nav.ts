import '@course/kit/page.css';

/** The chapter's pages, in lesson order: the nav on every page is built from this list. */
export const PAGES = [
  { href: '/', label: 'Chapter home' },
  { href: '/readystate', label: 'readyState' },
  { href: '/ajax1', label: '/ajax1 text' },
  { href: '/ajax2', label: '/ajax2 JSON' },
  { href: '/ajax3', label: '/ajax3 loading' },
  { href: '/ajax4', label: '/ajax4 POST' },
  { href: '/api', label: 'Beyond the lecture' },
  { href: '/pitfalls', label: 'Pitfalls' },
] as const;

const nav = document.querySelector('nav.course');
if (nav) {
  for (const page of PAGES) {
    const link = document.createElement('a');
    link.href = page.href;
    link.textContent = page.label;
    if (location.pathname.replace(/\.html$/, '') === page.href)
      link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
}

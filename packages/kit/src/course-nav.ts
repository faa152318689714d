import '../page.css';

/** One link of a chapter's page nav. */
export interface NavPage {
  href: string;
  label: string;
}

/** Where the course hub runs (`pnpm start` serves it); a chapter's nav always links back to it. */
export const HUB_URL: string = import.meta.env.VITE_COURSE_HUB_URL ?? 'http://localhost:1900/';

/**
 * Fills `<nav class="course">` with a link to the course hub and one per page
 * of the chapter, marking the current page with `aria-current`.
 */
export function courseNav(pages: readonly NavPage[]): void {
  const nav = document.querySelector('nav.course');
  if (!nav) return;
  const hub = document.createElement('a');
  hub.href = HUB_URL;
  hub.textContent = '← Course hub';
  hub.className = 'hub';
  nav.append(hub);
  const here = location.pathname.replace(/\.html$/, '').replace(/\/index$/, '/');
  for (const page of pages) {
    const link = document.createElement('a');
    link.href = page.href;
    link.textContent = page.label;
    if (here === page.href) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
}

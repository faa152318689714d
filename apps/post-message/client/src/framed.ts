import './framed.css';

// What every page that lives inside an iframe shares: its log keeps the newest line in sight.

/**
 * Keeps the newest line of `log` in sight. When the page is taller than its iframe
 * (the parent caps the trusted frame's height, and the third origin's iframe keeps
 * a fixed one), each new line scrolls this document to its end. It scrolls only
 * this frame's own document, never the parent page.
 */
export function followLog(log: Element): void {
  new MutationObserver(() => {
    const root = document.scrollingElement ?? document.documentElement;
    root.scrollTop = root.scrollHeight;
  }).observe(log, { childList: true });
}

/** `path` with the page's language, for a page loaded into a frame on another origin: its own stored choice is per origin. */
export function withLang(path: string, lang: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

import { rich } from '@course/kit/i18n-page';

/**
 * Fills every element with `data-t-slots="key"`: the message's text (markup as `rich()`
 * reads it), where each `{id}` mark stands for the element's own descendant with that id,
 * kept as it is (the page script fills it, and specs read it by its id). Each language
 * puts the marks where its sentence needs them. A key or a mark with no element throws.
 */
export function fillSlots(messages: Record<string, unknown>, root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-t-slots]')) {
    const key = element.dataset.tSlots ?? '';
    const text = messages[key];
    if (typeof text !== 'string') throw new Error(`no text message "${key}" for data-t-slots`);
    const kept = new Map(
      [...element.querySelectorAll<HTMLElement>('[id]')].map((child) => [child.id, child]),
    );
    const parts = text.split(/\{([\w-]+)\}/);
    element.replaceChildren(
      ...parts.map((part, index) => {
        if (index % 2 === 0) return rich(part);
        const slot = kept.get(part);
        if (!slot) throw new Error(`message "${key}" names {${part}}, which is not in the element`);
        return slot;
      }),
    );
  }
}

/** `path` with the page's language, for a page loaded into a frame on another origin: its own stored choice is per origin. */
export function withLang(path: string, lang: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

import type { Message } from '@course/kit/i18n';
import { rich } from '@course/kit/i18n-page';
import type messages from './messages.ts';

/** The chapter's messages in one language. */
export type Messages = (typeof messages)['en'];

/** Where a slot goes in a message's text: a private-use character no message contains. */
export const SLOT = '\uE000';

/**
 * Fills `target` with `text` (markup as `rich()` reads it), putting `slots` in order where
 * the text has `SLOT`. A slot is an element the page keeps (a port, a limit, a badge), so a
 * sentence that holds a live value is still one message, with its words in each language's order.
 */
export function fillWithSlots(target: HTMLElement, text: string, slots: Node[]): void {
  const fragment = rich(text);
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const marked: Text[] = [];
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (node.data.includes(SLOT)) marked.push(node);
  }
  let next = 0;
  for (const node of marked) {
    const parts: Node[] = [];
    node.data.split(SLOT).forEach((part, index) => {
      const slot = slots[next];
      if (index > 0 && slot) {
        parts.push(slot);
        next += 1;
      }
      if (part) parts.push(document.createTextNode(part));
    });
    node.replaceWith(...parts);
  }
  target.replaceChildren(fragment);
}

/**
 * Fills every element with `data-t-slots="key"`: the message is a function of the
 * element's child elements (its slots, kept as they are, ids and all), in order.
 * A key the dictionary lacks, or that is not a function, throws, naming it.
 */
export function applySlots(messages: Record<string, Message>, root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-t-slots]')) {
    const key = element.dataset.tSlots ?? '';
    const message = messages[key];
    if (typeof message !== 'function')
      throw new Error(`no message "${key}" with values in this page's dictionary`);
    const slots = [...element.children];
    fillWithSlots(element, message(...slots.map(() => SLOT)), slots);
  }
}

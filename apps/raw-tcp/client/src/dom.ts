/** Appends one line of text to a list, as text: nothing from the server is parsed as HTML. */
export function appendLine(list: Element, text: string): HTMLLIElement {
  const item = document.createElement('li');
  item.textContent = text;
  list.append(item);
  return item;
}

/** The element with `id`, or a clear error when the page lacks it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

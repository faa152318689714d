import type messages from './messages.ts';

/** The chapter's texts in one language. */
export type Texts = (typeof messages)['en'];

/** The ws:// (or wss:// under https) URL of `path` on the server that served this page. */
export function wsUrl(path = '/'): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}

/** The constants of the lecture's readyState table, by value. */
const STATE_NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const;

/** `readyState` as "1 OPEN". */
export function stateName(readyState: number): string {
  return `${readyState} ${STATE_NAMES[readyState] ?? 'UNKNOWN'}`;
}

/** The first bytes of `bytes` in hex, for showing binary messages. */
export function hex(bytes: Uint8Array, max = 8): string {
  const head = [...bytes.subarray(0, max)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return bytes.length > max ? `${head} …` : head;
}

/** What arrived in a message event, as a line in the page's language: its JavaScript type and content. */
export async function describeData(data: unknown, t: Texts): Promise<string> {
  if (typeof data === 'string') return t.dataString(data);
  if (data instanceof ArrayBuffer)
    return t.dataBinary('ArrayBuffer', data.byteLength, hex(new Uint8Array(data)));
  if (data instanceof Blob) {
    const bytes = new Uint8Array(await data.arrayBuffer());
    return t.dataBinary('Blob', data.size, hex(bytes));
  }
  return t.dataUnexpected(typeof data);
}

/** The close event's three fields, as a line. */
export function describeClose(event: CloseEvent): string {
  return `code ${event.code}, reason '${event.reason}', wasClean ${event.wasClean}`;
}

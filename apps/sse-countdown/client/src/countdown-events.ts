import { t } from './texts.ts';

/** The state names the lecture shows, by `readyState` (the lecture's own strings: never translated). */
export const STATE_NAMES = ['Connecting...', 'Connected', 'Disconnected'] as const;

/** `readyState` as its constant's name, for logs. */
export const readyStateName = (state: number): string =>
  ['CONNECTING', 'OPEN', 'CLOSED'][state] ?? String(state);

/** The lecture's payload, checked: `{"id": string, "cnt": number}`. */
export interface CountData {
  id: string;
  cnt: number;
}

/** Parses a countdown event's data, or returns a sentence (in the page's language) saying what was wrong. */
export function parseCount(data: string): CountData | string {
  try {
    const value = JSON.parse(data) as Partial<CountData>;
    if (typeof value.id === 'string' && typeof value.cnt === 'number')
      return { id: value.id, cnt: value.cnt };
    return t.unexpectedData(data);
  } catch {
    return t.notJson(data);
  }
}

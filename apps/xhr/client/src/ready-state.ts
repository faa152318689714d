/** XMLHttpRequest.readyState values by name, index = the numeric value. */
export const READY_STATE_NAMES = [
  'UNSENT',
  'OPENED',
  'HEADERS_RECEIVED',
  'LOADING',
  'DONE',
] as const;

/** `"3 LOADING"` for 3. */
export function describeReadyState(state: number): string {
  return `${state} ${READY_STATE_NAMES[state] ?? 'UNKNOWN'}`;
}

// The lecture's readyState switch, kept in plain JavaScript as the lecture writes it:
// TypeScript (noFallthroughCasesInSwitch, on in this course) refuses a case that runs
// on into the next one, which is exactly the bug this demo shows.

// biome-ignore-start lint/suspicious/noFallthroughSwitchClause: the missing breaks are the demo
/**
 * Names `readyState` with the lecture's switch: every case from the current
 * state down runs, because none but the last ends in break.
 * @param {number} readyState
 * @param {(name: string) => void} say
 */
export function sayFallingThrough(readyState, say) {
  // #region lecture:ready-state
  switch (readyState) {
    // pitfall: no break, so OPENED runs on into every case below it
    case XMLHttpRequest.OPENED:
      say('OPENED');
    case XMLHttpRequest.HEADERS_RECEIVED:
      say('HEADERS_RECEIVED');
    case XMLHttpRequest.LOADING:
      say('LOADING');
    case XMLHttpRequest.DONE:
      say('DONE');
      break;
  }
  // #endregion
}
// biome-ignore-end lint/suspicious/noFallthroughSwitchClause: the missing breaks are the demo

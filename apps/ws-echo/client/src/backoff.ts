/** The first retry waits up to BASE_MS; each one doubles it, up to CAP_MS. */
export const BASE_MS = 500;
export const CAP_MS = 8000;

// #region fixed:backoff
/**
 * How long retry number `n` (1-based) waits. "Equal jitter": half of the
 * exponential ceiling is fixed, the other half random, so retries keep spreading
 * out but pages that lost the server together do not come back together.
 */
export function backoffDelay(
  n: number,
  random: number = Math.random(),
): { delay: number; ceiling: number } {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** (n - 1));
  return { delay: Math.round(ceiling / 2 + (random * ceiling) / 2), ceiling };
}
// #endregion

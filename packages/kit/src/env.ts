/**
 * A whole-number env var within [min, max], or `fallback` when it is unset.
 * Anything else stops the server with a message naming the variable and the range.
 */
export function intFromEnv(
  name: string,
  fallback: number,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name}=${raw} must be a whole number from ${min} to ${max}`);
  return value;
}

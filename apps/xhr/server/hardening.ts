// What the XHR chapter's server accepts: its size and time limits, and the
// valibot schemas that check what comes over the wire. Each schema carries the
// sentence a client gets back in a 400 when its input does not fit.
import * as v from 'valibot';

/** The largest `/download?bytes=` (16 MiB). */
export const MAX_DOWNLOAD_BYTES = 16 * 1024 * 1024;
/** The longest `/slow?ms=` (30 s). */
export const MAX_SLOW_MS = 30_000;
/** The largest body `/upload` counts (64 MiB). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * An integer query parameter from `min` to `max`, written in plain digits;
 * `fallback` when it is absent. A repeated parameter (`?ms=1&ms=2`) arrives
 * as an array and is refused with the same sentence.
 */
function intQuery(name: string, fallback: number, min: number, max: number) {
  const message = `"${name}" must be an integer from ${min} to ${max}`;
  return v.optional(
    v.pipe(
      v.string(message),
      v.digits(message),
      v.toNumber(),
      v.minValue(min, message),
      v.maxValue(max, message),
    ),
    String(fallback),
  );
}

/** `/slow?ms=N`: how long to wait before answering; 3 s when absent. */
export const SlowQuery = v.object({ ms: intQuery('ms', 3000, 0, MAX_SLOW_MS) });

/** `/download?bytes=N&chunkDelayMs=M`: 4 MiB in chunks 15 ms apart when absent. */
export const DownloadQuery = v.object({
  bytes: intQuery('bytes', 4 * 1024 * 1024, 1, MAX_DOWNLOAD_BYTES),
  chunkDelayMs: intQuery('chunkDelayMs', 15, 0, 1000),
});

/**
 * The body of `POST /ajax4_result1`: a JSON object with string `id` and
 * `content`. The first problem found, in that order, is the one reported.
 */
export const EchoBody = v.pipe(
  // JSON.parse in strict mode gives an object or an array: only the object will do.
  v.custom<Record<string, unknown>>(
    (body) => typeof body === 'object' && body !== null && !Array.isArray(body),
    'body must be a JSON object with "id" and "content"',
  ),
  v.object(
    { id: v.string('"id" must be a string'), content: v.string('"content" must be a string') },
    // Only a missing key gets this far: valibot names it, quoted, as what it expected.
    (issue) => `${issue.expected} is missing`,
  ),
);

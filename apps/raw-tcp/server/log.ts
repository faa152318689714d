/** `ECONNRESET (read ECONNRESET)`-style text for a socket error. */
export function describeError(err: unknown): string {
  const { code, message } = (err ?? {}) as { code?: string; message?: string };
  return code ? `${code} (${message ?? ''})` : String(message ?? err);
}

/** A chunk as a short, one-line, quoted text for the log: control bytes escaped, long ones cut. */
export function preview(chunk: Uint8Array, max = 120): string {
  const text = Buffer.from(chunk.subarray(0, max)).toString('utf8');
  return JSON.stringify(text) + (chunk.length > max ? ` … (+${chunk.length - max} bytes)` : '');
}

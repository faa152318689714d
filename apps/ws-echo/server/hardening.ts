// What the echo server refuses, and how: the size limit, the Origin check
// against Cross-Site WebSocket Hijacking, and a refusal that says why.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import * as v from 'valibot';

/** The largest message accepted by default, in bytes (1 MiB); a larger one closes the connection with 1009. */
export const MAX_PAYLOAD = 1024 * 1024;

// #region fixed:origin-allowed
/**
 * The Origin check that stops Cross-Site WebSocket Hijacking. No Origin (a CLI
 * tool, not a browser) is accepted; a browser's Origin must be the server's own
 * (same host and port as the `Host` header) or one of `allowed`.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host;
  } catch {
    return false; // "null" (a sandboxed iframe, a file:// page) or garbage
  }
}
// #endregion

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
export function refuse(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** An origin as a browser sends it: scheme, host and port, no path (each item of WS_ALLOWED_ORIGINS). */
export const Origin = v.pipe(
  v.string(),
  v.regex(
    /^https?:\/\/[^/\s]+$/,
    'is not an origin like http://localhost:5173 (no path, no slash)',
  ),
);

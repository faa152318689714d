/** The lecture's texts, byte for byte: both servers, the CLI, the bridge and the page use these. */

/** What the lecture's TCP server writes first, as soon as a client connects. */
export const SERVER_GREETING = 'SERVER: 이것은 서버에서 보내는 메시지입니다.<br>';

/** What it writes last, with `end()`, which also closes its side of the connection. */
export const SERVER_FAREWELL = 'SERVER: Closing connection now.<br>';

/** What the lecture's client writes once connected. */
export const CLIENT_HELLO = 'CLIENT: Hello this is client!';

/** What the lecture's client prints when the connection is up, and when it is gone. */
export const CLIENT_CONNECTED = 'CLIENT: I connected to the server.';
export const CLIENT_DISCONNECTED = 'CLIENT: I disconnected from the server.';

/** Bytes in `text` once encoded as UTF-8: what actually crosses the wire. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** One line of the exchange's transcript, as the bridge streams it to the page (one JSON object per line). */
export interface TranscriptEntry {
  /** Milliseconds since the bridge started the exchange. */
  t: number;
  /** Which end saw it: the bridge's client socket, or the lecture server's socket. */
  side: 'client' | 'server';
  kind: 'connect' | 'send' | 'receive' | 'end' | 'close' | 'error' | 'done';
  /** The bytes as text (for send/receive), or what happened. */
  text: string;
  /** For send and receive: how many bytes crossed the wire. */
  bytes?: number;
}

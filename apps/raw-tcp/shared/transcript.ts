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

/** "client → server" or "server → client" for a send/receive entry; the side otherwise. */
export function direction(entry: Pick<TranscriptEntry, 'side' | 'kind'>): string {
  if (entry.kind === 'send') return entry.side === 'client' ? 'client → server' : 'server → client';
  if (entry.kind === 'receive')
    return entry.side === 'client' ? 'server → client' : 'client → server';
  return entry.side;
}

/** What the entry's side did, in words: "client sent 29 bytes", "server received 29 bytes". */
export function action(entry: Pick<TranscriptEntry, 'side' | 'kind' | 'bytes'>): string {
  const verbs: Record<TranscriptEntry['kind'], string> = {
    connect: 'connected',
    send: 'sent',
    receive: 'received',
    end: 'got FIN',
    close: 'closed',
    error: 'error',
    done: 'done',
  };
  const bytes = entry.bytes === undefined ? '' : ` ${entry.bytes} bytes`;
  return `${entry.side} ${verbs[entry.kind]}${bytes}`;
}

import { createConnection } from 'node:net';
import { CLIENT_CONNECTED, CLIENT_DISCONNECTED, CLIENT_HELLO } from '../shared/messages.ts';
import type { TranscriptEntry } from '../shared/transcript.ts';
import { describeError } from './log.ts';

export interface ExchangeOptions {
  host: string;
  port: number;
  /** What the client writes once connected. */
  message?: string;
  /** Gives up if the exchange has not finished by then. */
  timeoutMs?: number;
  /** Called with the client's local port once connected, before the `connect` entry. */
  onConnect?: (localPort: number) => void;
}

/**
 * The lecture's client, as a function: connect, write the hello, report every
 * `data` event with its byte count, and report when the server closes. Each
 * step goes to `onEntry` as it happens. Resolves once the socket is closed.
 *
 * One fix over the lecture: it does not call `end()` at the first `data`
 * event, because nothing says the server's reply arrives in one event.
 */
export function runExchange(
  options: ExchangeOptions,
  onEntry: (entry: Omit<TranscriptEntry, 't'>) => void,
): Promise<{ sentBytes: number; receivedBytes: number; dataEvents: number }> {
  const { host, port, message = CLIENT_HELLO, timeoutMs = 5000, onConnect } = options;
  return new Promise((resolve) => {
    let sentBytes = 0;
    let receivedBytes = 0;
    let dataEvents = 0;
    const socket = createConnection({ host, port }, () => {
      onConnect?.(socket.localPort ?? -1);
      onEntry({ side: 'client', kind: 'connect', text: CLIENT_CONNECTED });
      const bytes = Buffer.byteLength(message);
      sentBytes += bytes;
      socket.write(message);
      onEntry({ side: 'client', kind: 'send', text: message, bytes });
    });
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`no end of the exchange after ${timeoutMs} ms`)),
    );
    // #region lecture:client-data
    socket.on('data', (chunk: Buffer) => {
      dataEvents += 1;
      receivedBytes += chunk.length;
      onEntry({
        side: 'client',
        kind: 'receive',
        // pitfall: each data event is decoded and shown on its own, as if it were one message
        text: chunk.toString('utf8'),
        bytes: chunk.length,
      });
    });
    // #endregion
    socket.on('end', () =>
      onEntry({ side: 'client', kind: 'end', text: 'the server closed its side (FIN)' }),
    );
    socket.on('error', (err) =>
      onEntry({ side: 'client', kind: 'error', text: describeError(err) }),
    );
    socket.on('close', () => {
      onEntry({ side: 'client', kind: 'close', text: CLIENT_DISCONNECTED });
      resolve({ sentBytes, receivedBytes, dataEvents });
    });
  });
}

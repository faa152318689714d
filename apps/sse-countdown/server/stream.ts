import type { ServerResponse } from 'node:http';

/** One event of an SSE script: the fields of the wire format this chapter uses. */
export interface SseEvent {
  /** `id:` — becomes the browser's Last-Event-ID. Left out by the lecture's stream. */
  id?: string;
  /** `event:` — the listener type. Left out, the browser dispatches `message`. */
  event?: string;
  /** `data:` — may hold newlines: each line goes on its own `data:` line. */
  data: string;
}

// #region fixed:encode-event
/** Encodes one event as SSE text, ending with the blank line that dispatches it. */
export function encodeEvent({ id, event, data }: SseEvent): string {
  let frame = '';
  if (event !== undefined) frame += `event: ${event}\n`;
  if (id !== undefined) frame += `id: ${id}\n`;
  for (const line of data.split('\n')) frame += `data: ${line}\n`;
  return `${frame}\n`;
}
// #endregion

/**
 * One open `text/event-stream` response. Every timer it starts goes through
 * `every()`, so all of them are cleared when the response ends or closes,
 * whichever side closed it.
 */
export class EventStream {
  // #region fixed:stream-cleanup
  private readonly timers = new Set<NodeJS.Timeout>();
  private open = true;

  constructor(private readonly res: ServerResponse) {
    // fix: whichever side closed the response, every timer of this stream stops with it
    res.on('close', () => this.stop());
  }

  /** No more writes, and every timer of this stream stopped. */
  private stop(): void {
    this.open = false;
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
  }

  /** Runs `fn` every `ms` until the stream closes. */
  every(ms: number, fn: () => void): void {
    const timer = setInterval(() => {
      if (this.open) fn();
    }, ms);
    this.timers.add(timer);
  }
  // #endregion

  /** Writes one event, as `encodeEvent()` spells it. */
  send(event: SseEvent): void {
    if (this.open) this.res.write(encodeEvent(event));
  }

  /** `retry: ms` — how long the browser waits before reconnecting. */
  retry(ms: number): void {
    if (this.open) this.res.write(`retry: ${ms}\n\n`);
  }

  /** A comment line: the browser ignores it, proxies see traffic. */
  comment(text: string): void {
    if (this.open) this.res.write(`: ${text}\n\n`);
  }

  /** Ends the response cleanly (the browser will try to reconnect unless told otherwise). */
  end(): void {
    if (!this.open) return;
    this.stop();
    this.res.end();
  }

  /** Cuts the TCP connection without ending the response: what a crash or a network drop looks like. */
  drop(): void {
    if (!this.open) return;
    this.stop();
    this.res.destroy();
  }
}

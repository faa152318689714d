// What the countdown server accepts: the valibot schemas that check each
// query string (each carries the sentence a client gets back in a 400), and
// the per-address bound on open streams (one more gets a 429).
import type { IncomingMessage } from 'node:http';
import * as v from 'valibot';

/**
 * `?dropAfter=N` of the countdowns: a count from 0 to `start`, in plain
 * digits, after which the server cuts the connection. Absent, nothing drops.
 * A repeated `?dropAfter=` arrives as an array and is refused the same way.
 */
export function countdownQuery(start: number) {
  const message = `"dropAfter" must be an integer from 0 to ${start}`;
  return v.object({
    dropAfter: v.optional(
      v.pipe(v.string(message), v.digits(message), v.toNumber(), v.maxValue(start, message)),
    ),
  });
}

const SLOT_MESSAGE = '"slot" must be an integer from 1 to 99';

/** `/limit-stream?slot=N`: the demo's stream number, 1 to 99, without a leading zero. */
export const LimitStreamQuery = v.object(
  { slot: v.pipe(v.string(SLOT_MESSAGE), v.regex(/^[1-9]\d?$/, SLOT_MESSAGE), v.toNumber()) },
  // A missing slot gets the same sentence.
  SLOT_MESSAGE,
);

/** The address a stream is counted against, with IPv4-mapped IPv6 shortened. */
export function clientAddress(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Open streams per client address, at most `max` each; their sum is `/stats`' activeStreams. */
export class StreamQuota {
  private readonly perAddress = new Map<string, number>();
  private streams = 0;

  constructor(readonly max: number) {}

  /** Open streams from every address. */
  get open(): number {
    return this.streams;
  }

  /** Counts one more stream for `address`; false, counting nothing, when it holds `max` already. */
  take(address: string): boolean {
    const held = this.perAddress.get(address) ?? 0;
    if (held >= this.max) return false;
    this.perAddress.set(address, held + 1);
    this.streams++;
    return true;
  }

  /** Counts a stream of `address` as closed. */
  release(address: string): void {
    this.streams--;
    const left = (this.perAddress.get(address) ?? 1) - 1;
    if (left === 0) this.perAddress.delete(address);
    else this.perAddress.set(address, left);
  }

  /** What a refused client reads: who it is, the bound, and what to do. */
  refusal(address: string): string {
    return (
      `too many open streams from ${address}: at most ${this.max} at once. ` +
      'Close one (or let a countdown finish) and try again.'
    );
  }
}

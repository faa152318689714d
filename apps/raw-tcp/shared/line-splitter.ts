/**
 * Newline framing over a byte stream. TCP delivers bytes, not messages: one
 * `data` event can hold half a message, or three. A `LineSplitter` keeps the
 * bytes that have no `\n` yet and hands back each complete line once its `\n`
 * arrives. It works on bytes (not strings) so a UTF-8 character cut in two by
 * a chunk boundary is joined before anything decodes it. It uses only
 * `Uint8Array`, so the server and the page share it.
 */

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Thrown by `push()` when a line grows past the bound before its `\n` comes. */
export class LineTooLongError extends Error {
  override name = 'LineTooLongError';
  constructor(
    /** The bound that was passed, in bytes. */
    readonly maxLineBytes: number,
    /** How many bytes of the line had been seen when the bound was passed. */
    readonly seenBytes: number,
  ) {
    super(`line exceeds ${maxLineBytes} bytes without a newline`);
  }
}

export class LineSplitter {
  private parts: Uint8Array[] = [];
  private pending = 0;

  /**
   * @param maxLineBytes The longest line accepted, not counting its `\n`. A line
   * longer than this makes `push()` throw instead of buffering without limit.
   */
  constructor(readonly maxLineBytes = 64 * 1024) {
    if (!Number.isInteger(maxLineBytes) || maxLineBytes < 1)
      throw new RangeError(`maxLineBytes must be a positive integer (got ${maxLineBytes})`);
  }

  /** Bytes held that are not a complete line yet: at most `maxLineBytes` + 1 (room for a `\r`). */
  get pendingBytes(): number {
    return this.pending;
  }

  /**
   * Adds a chunk as it came off the wire and returns the lines it completed, in
   * order, without their `\n` (a `\r` before it is dropped too, so `\r\n` works).
   * Throws `LineTooLongError` when a line passes `maxLineBytes`; the splitter is
   * then cleared, and the caller should drop the connection.
   */
  // #region fixed:line-splitter
  push(chunk: Uint8Array): Uint8Array[] {
    const lines: Uint8Array[] = [];
    let start = 0;
    // fix: a message ends at a newline byte, not at the end of a data event
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, at);
      // fix: the bound is checked before anything is kept
      this.check(this.pending + piece.length, 1);
      // fix: the bytes held from earlier chunks and this piece become one line
      const line = stripCarriageReturn(this.take(piece));
      this.check(line.length, 0);
      lines.push(line);
      start = at + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0) {
      this.check(this.pending + rest.length, rest.at(-1) === CARRIAGE_RETURN ? 1 : 0);
      // Copy: the caller may reuse its buffer, and a subarray would pin all of it.
      // fix: the unfinished line waits as bytes, undecoded, for the chunk that ends it
      this.parts.push(rest.slice());
      this.pending += rest.length;
    }
    return lines;
  }
  // #endregion

  /** Drops whatever incomplete line is held. */
  reset(): void {
    this.parts = [];
    this.pending = 0;
  }

  /**
   * Throws once `length` bytes cannot fit one line. `slack` is 1 when the last
   * byte is, or may be, the \r of a \r\n, which does not count.
   */
  private check(length: number, slack: number): void {
    if (length > this.maxLineBytes + slack) {
      this.reset();
      throw new LineTooLongError(this.maxLineBytes, length);
    }
  }

  /** Joins the held parts with `last` into one line and clears the held parts. */
  private take(last: Uint8Array): Uint8Array {
    if (this.parts.length === 0) return last.slice();
    const line = new Uint8Array(this.pending + last.length);
    let offset = 0;
    for (const part of this.parts) {
      line.set(part, offset);
      offset += part.length;
    }
    line.set(last, offset);
    this.reset();
    return line;
  }
}

function stripCarriageReturn(line: Uint8Array): Uint8Array {
  return line.at(-1) === CARRIAGE_RETURN ? line.subarray(0, -1) : line;
}

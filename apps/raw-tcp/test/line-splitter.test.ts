import { describe, expect, it } from 'vitest';
import { LineSplitter, LineTooLongError } from '../shared/line-splitter.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (lines: Uint8Array[]) => lines.map((line) => new TextDecoder().decode(line));

describe('LineSplitter', () => {
  it('returns every complete line of a chunk, in order, without the newline', () => {
    const splitter = new LineSplitter();
    expect(text(splitter.push(bytes('one\ntwo\nthree\n')))).toEqual(['one', 'two', 'three']);
    expect(splitter.pendingBytes).toBe(0);
  });

  it('keeps an incomplete line until its newline arrives in a later chunk', () => {
    const splitter = new LineSplitter();
    expect(text(splitter.push(bytes('hel')))).toEqual([]);
    expect(splitter.pendingBytes).toBe(3);
    expect(text(splitter.push(bytes('lo')))).toEqual([]);
    expect(text(splitter.push(bytes(' world\nnext')))).toEqual(['hello world']);
    expect(splitter.pendingBytes).toBe(4);
    expect(text(splitter.push(bytes('\n')))).toEqual(['next']);
  });

  it('gives the same lines whatever the chunk boundaries, even inside a UTF-8 character', () => {
    const stream = bytes('message 1\n안녕하세요\n\nlast line\n');
    const expected = ['message 1', '안녕하세요', '', 'last line'];
    for (let size = 1; size <= stream.length; size++) {
      const splitter = new LineSplitter();
      const lines: Uint8Array[] = [];
      for (let at = 0; at < stream.length; at += size)
        lines.push(...splitter.push(stream.subarray(at, at + size)));
      expect(text(lines)).toEqual(expected);
    }
  });

  it('drops the \\r of a \\r\\n line ending', () => {
    const splitter = new LineSplitter();
    expect(text(splitter.push(bytes('a\r\nb\r')))).toEqual(['a']);
    expect(text(splitter.push(bytes('\n')))).toEqual(['b']);
  });

  it('returns copies: reusing the pushed buffer does not change a held line', () => {
    const splitter = new LineSplitter();
    const chunk = bytes('abc');
    splitter.push(chunk);
    chunk.fill(0x7a);
    expect(text(splitter.push(bytes('\n')))).toEqual(['abc']);
  });

  it('accepts a line of exactly maxLineBytes', () => {
    const splitter = new LineSplitter(8);
    expect(text(splitter.push(bytes('12345678\n')))).toEqual(['12345678']);
    expect(text(splitter.push(bytes('1234')))).toEqual([]);
    expect(text(splitter.push(bytes('5678\r\n')))).toEqual(['12345678']);
  });

  it('throws once an unfinished line passes the bound, and never holds more than it', () => {
    const splitter = new LineSplitter(8);
    splitter.push(bytes('12345'));
    expect(splitter.pendingBytes).toBeLessThanOrEqual(9);
    expect(() => splitter.push(bytes('67890'))).toThrow(LineTooLongError);
    expect(splitter.pendingBytes).toBe(0);
  });

  it('throws for a complete line longer than the bound, even in one chunk', () => {
    const splitter = new LineSplitter(8);
    expect(() => splitter.push(bytes('123456789\n'))).toThrow(
      'line exceeds 8 bytes without a newline',
    );
    // A 9-byte line whose last byte is \r is really 8 bytes long.
    expect(text(new LineSplitter(8).push(bytes('12345678\r\n')))).toEqual(['12345678']);
  });

  it('reports the bound in the error', () => {
    const splitter = new LineSplitter(4);
    try {
      splitter.push(bytes('abcdefgh'));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(LineTooLongError);
      expect((err as LineTooLongError).maxLineBytes).toBe(4);
    }
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => new LineSplitter(0)).toThrow(RangeError);
    expect(() => new LineSplitter(1.5)).toThrow(RangeError);
  });
});

import type messages from './messages.ts';
import { describeError } from './origins.ts';

/** The page's texts, in the language of the page that runs this (parent or frame). */
type Texts = (typeof messages)['en'];

/** A class with a method and a getter: what does the structured clone keep of it? */
export class Point {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
  norm(): number {
    return Math.hypot(this.x, this.y);
  }
}

/** One row of the clone table: what was sent, and what the frame found on its side. */
export interface CloneRow {
  key: string;
  verdict: 'survives' | 'lost';
  got: string;
}

/** What each key of the sample holds, as the page shows it. */
export const SAMPLE_LABELS: Record<string, string> = {
  date: "new Date('2026-01-02T03:04:05.000Z')",
  map: "new Map([['a', 1], ['b', 2]])",
  set: "new Set(['x', 'y', 'z'])",
  bytes: 'new Uint8Array([1, 2, 3, 255])',
  nested: "{ level1: { level2: { level3: 'deep' } } }",
  self: 'sample.self = sample (a cycle)',
  regexp: '/ab+c/gi',
  bigint: '12345678901234567890n',
  error: "new RangeError('out of range')",
  undef: 'undefined',
  point: 'new Point(3, 4) (a class with a norm() method)',
  withGetter: "{ get now() { return 'computed at send time' } }",
};

/** The object the clone page sends: one key per case above. */
export function buildCloneSample(): Record<string, unknown> {
  // #region fixed:clone-sample
  const sample: Record<string, unknown> = {
    date: new Date('2026-01-02T03:04:05.000Z'),
    map: new Map([
      ['a', 1],
      ['b', 2],
    ]),
    set: new Set(['x', 'y', 'z']),
    bytes: new Uint8Array([1, 2, 3, 255]),
    nested: { level1: { level2: { level3: 'deep' } } },
    regexp: /ab+c/gi,
    bigint: 12345678901234567890n,
    error: new RangeError('out of range'),
    undef: undefined,
    point: new Point(3, 4),
    withGetter: {
      get now() {
        return 'computed at send time';
      },
    },
  };
  // fix: a cycle is fine: the clone rebuilds it (JSON.stringify throws on it)
  sample.self = sample;
  return sample;
  // #endregion
}

/**
 * What `JSON.stringify` makes of the same key, for comparison (computed on the
 * sending side). The cycle is tried on its own: the whole sample would fail on
 * the BigInt first.
 */
export function jsonOf(sample: Record<string, unknown>, key: string, t: Texts): string {
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  try {
    const text = JSON.stringify(key === 'self' ? cycle : sample[key]);
    return text === undefined ? t.cloneJsonDropped : text;
  } catch (error) {
    return t.cloneJsonThrows(describeError(error));
  }
}

const survives = (key: string, got: string): CloneRow => ({ key, verdict: 'survives', got });
const lost = (key: string, got: string): CloneRow => ({ key, verdict: 'lost', got });

/** The name of a value's type as it arrived: its constructor's name, or its typeof. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return Object.getPrototypeOf(value)?.constructor?.name ?? 'Object';
}

/**
 * Runs on the receiving side, on the clone: checks each key of the sample and
 * says whether it kept its type and content. Nothing here is precomputed: the
 * table shows what this browser's structured clone actually produced. The texts
 * come in the frame's language (the parent loads it with its own).
 */
export function describeReceived(value: Record<string, unknown>, t: Texts): CloneRow[] {
  const rows: CloneRow[] = [];
  const { date, map, set, bytes, nested, regexp, bigint, error, point, withGetter } = value;

  rows.push(
    date instanceof Date
      ? survives('date', `Date ${date.toISOString()}`)
      : lost('date', typeName(date)),
  );
  rows.push(
    map instanceof Map
      ? survives('map', `Map(${map.size}) ${[...map].map(([k, v]) => `${k}→${v}`).join(', ')}`)
      : lost('map', typeName(map)),
  );
  rows.push(
    set instanceof Set
      ? survives('set', `Set(${set.size}) ${[...set].join(', ')}`)
      : lost('set', typeName(set)),
  );
  rows.push(
    bytes instanceof Uint8Array
      ? survives('bytes', `Uint8Array [${bytes.join(', ')}]`)
      : lost('bytes', typeName(bytes)),
  );
  const deep = (nested as { level1?: { level2?: { level3?: unknown } } } | undefined)?.level1
    ?.level2?.level3;
  rows.push(
    deep === 'deep'
      ? survives('nested', 'nested.level1.level2.level3 === "deep"')
      : lost('nested', String(deep)),
  );
  rows.push(
    value.self === value ? survives('self', t.cloneGotSelf) : lost('self', typeName(value.self)),
  );
  rows.push(
    regexp instanceof RegExp
      ? survives('regexp', `RegExp ${regexp}`)
      : lost('regexp', typeName(regexp)),
  );
  rows.push(
    typeof bigint === 'bigint'
      ? survives('bigint', `bigint ${bigint}`)
      : lost('bigint', typeName(bigint)),
  );
  rows.push(
    error instanceof Error
      ? survives(
          'error',
          `${error.name}: ${error.message} (instanceof RangeError: ${error instanceof RangeError})`,
        )
      : lost('error', typeName(error)),
  );
  rows.push(
    'undef' in value && value.undef === undefined
      ? survives('undef', t.cloneGotUndef)
      : lost('undef', t.cloneGotUndefMissing),
  );
  // #region fixed:clone-lost
  const pointObject = point as { x?: number; y?: number; norm?: unknown } | undefined;
  rows.push(
    // fix: the prototype is not sent: a class instance arrives as a plain Object
    point instanceof Object && Object.getPrototypeOf(point) === Object.prototype
      ? lost(
          'point',
          t.cloneGotPoint(String(pointObject?.x), String(pointObject?.y), typeof pointObject?.norm),
        )
      : survives('point', typeName(point)),
  );
  const nowDescriptor =
    withGetter instanceof Object ? Object.getOwnPropertyDescriptor(withGetter, 'now') : undefined;
  rows.push(
    // fix: a getter runs once, at send time, and arrives as a plain data property
    nowDescriptor && !nowDescriptor.get
      ? lost('withGetter', t.cloneGotGetter(JSON.stringify(nowDescriptor.value)))
      : survives('withGetter', t.cloneGotStillGetter),
  );
  // #endregion
  return rows;
}

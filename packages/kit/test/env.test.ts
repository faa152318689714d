import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { intVar, listVar, parseEnv } from '../src/env.ts';
import { resolvePorts } from '../src/serve.ts';

describe('intVar', () => {
  const spec = { X: intVar(5, 0, 10) };
  it('falls back when unset or empty, reads a whole number in range', () => {
    expect(parseEnv(spec, {})).toEqual({ X: 5 });
    expect(parseEnv(spec, { X: '' })).toEqual({ X: 5 });
    expect(parseEnv(spec, { X: '7' })).toEqual({ X: 7 });
    expect(parseEnv(spec, { X: '0' })).toEqual({ X: 0 });
    expect(parseEnv(spec, { X: '10' })).toEqual({ X: 10 });
  });

  it.each(['abc', '1.5', '-1', '11', '7x'])(
    'refuses %s, naming the variable and the range',
    (raw) => {
      expect(() => parseEnv(spec, { X: raw })).toThrow(
        `X=${raw} must be a whole number from 0 to 10`,
      );
    },
  );
});

describe('listVar', () => {
  const spec = {
    ORIGINS: listVar(v.pipe(v.string(), v.startsWith('http', 'must start with http'))),
  };
  it('splits on commas and trims; empty when unset', () => {
    expect(parseEnv(spec, {})).toEqual({ ORIGINS: [] });
    expect(parseEnv(spec, { ORIGINS: ' http://a, http://b ,' })).toEqual({
      ORIGINS: ['http://a', 'http://b'],
    });
  });

  it('names the item that is wrong', () => {
    expect(() => parseEnv(spec, { ORIGINS: 'http://a,ftp://b' })).toThrow(
      'ORIGINS=http://a,ftp://b (item "ftp://b") must start with http',
    );
  });
});

describe('parseEnv', () => {
  it('reports every bad variable at once, one per line', () => {
    const spec = { A: intVar(1, 0, 2), B: intVar(1, 0, 2) };
    expect(() => parseEnv(spec, { A: '3', B: 'x' })).toThrow(
      'A=3 must be a whole number from 0 to 2\nB=x must be a whole number from 0 to 2',
    );
  });
});

describe('resolvePorts', () => {
  it('takes env overrides, else the metadata defaults', () => {
    expect(resolvePorts({ PORT: 2000, TCP_PORT: 4000 }, { TCP_PORT: '14000' })).toEqual({
      PORT: 2000,
      TCP_PORT: 14000,
    });
  });

  it('refuses a port that is not a port', () => {
    expect(() => resolvePorts({ PORT: 2000 }, { PORT: '70000' })).toThrow(
      'PORT=70000 is not a port number (0-65535)',
    );
  });
});

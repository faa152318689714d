import { describe, expect, it } from 'vitest';
import { intFromEnv } from '../src/env.ts';
import { resolvePorts } from '../src/serve.ts';

describe('intFromEnv', () => {
  it('falls back when unset or empty, reads a whole number in range', () => {
    expect(intFromEnv('X', 5, 0, 10, {})).toBe(5);
    expect(intFromEnv('X', 5, 0, 10, { X: '' })).toBe(5);
    expect(intFromEnv('X', 5, 0, 10, { X: '7' })).toBe(7);
  });

  it.each(['abc', '1.5', '-1', '11'])('refuses %s, naming the variable and the range', (raw) => {
    expect(() => intFromEnv('X', 5, 0, 10, { X: raw })).toThrow(
      `X=${raw} must be a whole number from 0 to 10`,
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

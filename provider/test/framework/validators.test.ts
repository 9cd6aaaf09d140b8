// Validators check exactly what the API checks, so `validate` and `plan` refuse what the server would refuse
// at apply, and accept what it accepts: RFC 3339 as ajv-formats' date-time (the server's), lengths in
// code points (JSON Schema's maxLength).
import { describe, expect, it } from 'vitest';
import { lengthBetween, rfc3339 } from '../../src/framework/validators.ts';

describe('rfc3339', () => {
  const v = rfc3339();
  it.each([
    '2030-02-31T00:00:00Z',
    '2030-04-31T00:00:00Z',
    '2029-02-29T00:00:00Z',
    '2030-01-01T24:00:00Z',
    '2030-01-01T00:60:00Z',
    '2030-13-01T00:00:00Z',
    '2030-01-01T00:00:00',
    '2030-01-01',
    'tomorrow',
  ])('refuses %s', (s) => {
    expect(v.check(s, false)).toContain('must be an RFC 3339 timestamp');
  });
  it.each([
    '2028-02-29T00:00:00Z',
    '2030-01-31T23:59:59.123+02:00',
    '2030-06-30T23:59:60Z',
    '2030-01-01t00:00:00z',
  ])('accepts %s', (s) => {
    expect(v.check(s, false)).toBeUndefined();
  });
});

describe('lengthBetween', () => {
  const v = lengthBetween(1, 65536);
  it('counts code points, not UTF-16 units: 40,000 emoji are 40,000 characters', () => {
    const emoji = '😀'.repeat(40_000);
    expect(emoji.length).toBe(80_000);
    expect(v.check(emoji, true)).toBeUndefined();
  });
  it('refuses one code point too many, and the empty string', () => {
    expect(v.check('😀'.repeat(65_537), true)).toBe('must be 1 to 65536 characters long');
    expect(v.check('x'.repeat(65_536), true)).toBeUndefined();
    expect(v.check('', true)).toBe('must be 1 to 65536 characters long');
  });
});

// The small pure parts, in-process: .env quoting round trips through util.parseEnv, --since, --scope.
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatDotenv, quote } from '../src/dotenv.ts';
import { CliError } from '../src/exit.ts';
import { parseNames, parseScope } from '../src/scope.ts';
import { parseWhen } from '../src/time.ts';

describe('dotenv', () => {
  it('writes every value so that util.parseEnv reads it back exactly', () => {
    const values = {
      A: 'plain',
      B: "it's",
      C: 'say "hi"',
      D: `it's "both"`,
      E: 'two\nlines',
      F: "two\nlines and it's",
      G: ' spaces ',
      H: 'a#b',
      I: 'back\\slash',
      J: "a literal \\n and it's",
      K: '$NOT_EXPANDED and $(not run)',
      L: 'ünïcödé ✓',
    };
    const text = formatDotenv(Object.entries(values));
    expect(parseEnv(text)).toEqual(values);
  });
  it('refuses a value that no quoting can hold', () => {
    expect(() => quote('X', `' " \``)).toThrow(CliError);
  });
  it('refuses a carriage return, which util.parseEnv drops whatever the quoting', () => {
    for (const v of ['-----BEGIN KEY-----\r\nabc\r\n', 'a\rb'])
      expect(() => formatDotenv([['PEM', v]])).toThrow(/the value of PEM holds a carriage return/);
  });
});

describe('--since', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it('takes durations and date-times', () => {
    expect(parseWhen('30m', '--since', now)).toBe('2026-12-01T11:30:00.000Z');
    expect(parseWhen('2d', '--since', now)).toBe('2026-11-29T12:00:00.000Z');
    expect(parseWhen('2026-11-01', '--since', now)).toBe('2026-11-01T00:00:00.000Z');
    expect(parseWhen('2026-11-01T09:00:00+02:00', '--since', now)).toBe('2026-11-01T07:00:00.000Z');
  });
  it('refuses anything else', () => {
    for (const bad of ['yesterday', '10', '5y', '2026-13-01', ''])
      expect(() => parseWhen(bad, '--since', now)).toThrow(/--since/);
  });
});

describe('--scope and names', () => {
  it('parses type:id', () => {
    expect(parseScope('team:payments')).toEqual({ type: 'team', id: 'payments' });
    expect(parseScope('organization:default')).toEqual({ type: 'organization', id: 'default' });
  });
  it('refuses unknown types, bad ids, and bad names without quoting them', () => {
    expect(() => parseScope('group:x')).toThrow(/unknown scope type/);
    expect(() => parseScope('team:')).toThrow(/invalid scope id/);
    expect(() => parseScope(undefined)).toThrow(/--scope is required/);
    expect(() => parseNames('GOOD,sk-live-xyz')).toThrow(/invalid name 2 of --only/);
    try {
      parseNames('sk-live-xyz');
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('sk-live-xyz');
    }
    expect(parseNames(' A , B ,')).toEqual(['A', 'B']);
  });
});

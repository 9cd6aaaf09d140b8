// The small pure parts, in-process: .env quoting round trips through util.parseEnv, --since, --scope.
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeConfig } from '../src/config.ts';
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

describe('config file writes', () => {
  it('never follow a link planted where the temporary file is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coffer-cfg-'));
    try {
      const path = join(dir, 'config.json');
      const elsewhere = join(dir, 'elsewhere.txt');
      writeFileSync(elsewhere, 'untouched\n');
      // The name the writer used to choose (file.<pid>.tmp), planted as a link to another file.
      symlinkSync(elsewhere, `${path}.${process.pid}.tmp`);
      writeConfig(
        path,
        { profiles: { default: { baseUrl: 'http://127.0.0.1:8080', apiKey: 'cof_planted_link_key' } } },
        {
          COFFER_CONFIG: path,
        },
      );
      expect(readFileSync(elsewhere, 'utf8')).toBe('untouched\n');
      expect(readFileSync(path, 'utf8')).toContain('cof_planted_link_key');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') && !f.includes(String(process.pid)))).toEqual(
        [],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

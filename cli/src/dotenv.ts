// .env files: read with Node's own parser (util.parseEnv), written so that util.parseEnv reads back exactly
// the same values (single quotes are literal; double quotes expand `\n`; backticks are the last resort).
import { parseEnv } from 'node:util';
import { usage } from './exit.ts';

/** `hint`: how to get such a value instead (`export` has --format json, `resolve` has --json). */
export function quote(name: string, value: string, hint = 'use --format json'): string {
  // util.parseEnv removes every \r before it parses, so no quoting brings one back.
  if (value.includes('\r')) {
    throw usage(
      `the value of ${name} holds a carriage return: a .env file cannot hold it (it would be read back without it)`,
      hint,
    );
  }
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"') && !value.includes('\\n')) return `"${value}"`;
  if (!value.includes('`')) return `\`${value}\``;
  throw usage(`the value of ${name} holds ', " and \` at once: a .env file cannot hold it`, hint);
}

export function formatDotenv(pairs: [string, string][], hint?: string): string {
  return pairs.map(([n, v]) => `${n}=${quote(n, v, hint)}\n`).join('');
}

/** Entries in file order; names are checked by the caller (line numbers, never values, in messages). */
export function parseDotenv(text: string): [string, string][] {
  return Object.entries(parseEnv(text)) as [string, string][];
}

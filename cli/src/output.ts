// What commands print: `--json` for machines (one JSON document on stdout), tables for people, notes on
// stderr. A secret value reaches `json` or `line` only from the commands that reveal one (`resolve --reveal`,
// the new key of `keys create`); the tables and notes never receive one. (`export` writes its own output.)
import { paint } from './colour.ts';

export function json(data: unknown): void {
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

export function line(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** A remark for the person (stderr, so that stdout stays parseable). */
export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

export function done(text: string): void {
  process.stderr.write(`${paint('green', '✓', process.stderr)} ${text}\n`);
}

export type Cell = string | number | boolean | null | undefined;

/** A table on stdout (cli-table3, loaded only here); an empty list prints `empty` on stderr. */
export async function table(head: string[], rows: Cell[][], empty = 'nothing to show'): Promise<void> {
  if (rows.length === 0) {
    note(empty);
    return;
  }
  const { default: Table } = await import('cli-table3');
  const t = new Table({
    head: head.map((h) => paint('bold', h)),
    style: { head: [], border: [], compact: true },
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
  });
  for (const r of rows) t.push(r.map((c) => (c === null || c === undefined ? '-' : String(c))));
  // cli-table3 pads every cell with one space on each side; trim the line ends.
  line(
    t
      .toString()
      .split('\n')
      .map((l) => l.replace(/^ /, '').trimEnd())
      .join('\n'),
  );
}

export function scopeText(scope: { type: string; id: string } | null | undefined): string {
  return scope ? `${scope.type}:${scope.id}` : '-';
}

export function when(iso: string | null | undefined): string {
  return iso ? iso.replace(/\.\d+Z$/, 'Z') : '-';
}

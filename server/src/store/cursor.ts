import { InvalidCursorError } from './types.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit)));
}

/** Opaque cursor: base64url of a JSON array of strings (the last row's sort key). */
export function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw new Error();
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      !Array.isArray(v) ||
      v.length !== arity ||
      !v.every((x) => typeof x === 'string' && x.length <= 512)
    ) {
      throw new Error();
    }
    return v as string[];
  } catch {
    throw new InvalidCursorError();
  }
}

// Values as the codec hands them over (null, UNKNOWN, strings, numbers, booleans, arrays, objects) and the
// few operations the framework needs on them. Knows nothing of schemas (shaping a value by a schema is
// conform.ts), so schemas and validators can import values without a cycle.
import { type ObjectValue, UNKNOWN, type Value } from '../wire/codec.ts';

export { type ObjectValue, UNKNOWN, type Value };

export function isUnknown(v: Value | undefined): boolean {
  return v === UNKNOWN;
}

export function isObject(v: Value | undefined): v is ObjectValue {
  return v !== null && v !== undefined && v !== UNKNOWN && typeof v === 'object' && !Array.isArray(v);
}

/** True when the value and everything inside it is known. */
export function whollyKnown(v: Value | undefined): boolean {
  if (v === UNKNOWN) return false;
  if (Array.isArray(v)) return v.every(whollyKnown);
  if (isObject(v)) return Object.values(v).every(whollyKnown);
  return true;
}

/** Structural equality; UNKNOWN equals only UNKNOWN. */
export function equal(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (a === UNKNOWN || b === UNKNOWN) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => equal(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ao = a as ObjectValue;
    const bo = b as ObjectValue;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!equal(ao[k], bo[k])) return false;
    return true;
  }
  return false;
}

export function clone<T extends Value>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isObject(v)) {
    const out: ObjectValue = {};
    for (const [k, x] of Object.entries(v)) out[k] = clone(x);
    return out as T;
  }
  return v;
}

/** Known string or null (unknown and other types count as null). */
export function str(v: Value | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

/** Known number or null. */
export function num(v: Value | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

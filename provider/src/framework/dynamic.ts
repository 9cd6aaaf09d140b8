// DynamicValue <-> framework values, and private data <-> bytes.
import { decodeValue, encodeValue } from '../wire/codec.ts';
import type { DynamicValue, DynamicValueOut } from '../wire/handler.ts';
import type { PrivateData } from './define.ts';
import type { CtyType } from './schema.ts';
import { isObject, type ObjectValue, type Value } from './value.ts';

/** Decodes a DynamicValue (msgpack, or JSON when only that is set); an absent value is null. */
export function decodeDynamic(dv: DynamicValue | null | undefined, type: CtyType): Value {
  if (!dv) return null;
  if (dv.msgpack && dv.msgpack.length > 0) return decodeValue(dv.msgpack, type);
  if (dv.json && dv.json.length > 0) return JSON.parse(dv.json.toString('utf8')) as Value;
  return null;
}

/** Decodes an object value; null stays null. */
export function decodeObject(dv: DynamicValue | null | undefined, type: CtyType): ObjectValue | null {
  const v = decodeDynamic(dv, type);
  return isObject(v) ? v : null;
}

export function encodeDynamic(value: Value, type: CtyType): DynamicValueOut {
  return { msgpack: encodeValue(value, type) };
}

export function decodePrivate(bytes: Buffer | Uint8Array | null | undefined): PrivateData | null {
  if (!bytes || bytes.length === 0) return null;
  try {
    const v = JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as PrivateData) : null;
  } catch {
    return null;
  }
}

export function encodePrivate(p: PrivateData | null | undefined): Uint8Array {
  return p ? Buffer.from(JSON.stringify(p)) : Buffer.alloc(0);
}

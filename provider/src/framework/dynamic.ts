// DynamicValue and stored JSON <-> framework values, and private data <-> bytes. Values are decoded only by
// the wire codec's type-directed decoders (exact numbers, sets as sets), never by plain JSON.parse.
import { decodeDynamicValue, decodeJson, encodeValue } from '../wire/codec.ts';
import type { DynamicValue, DynamicValueOut } from '../wire/handler.ts';
import type { PrivateData } from './define.ts';
import type { CtyType } from './schema.ts';
import { isObject, type ObjectValue, type Value } from './value.ts';

/** Decodes a DynamicValue (msgpack, or JSON when only that is set); an absent value is null. */
export function decodeDynamic(dv: DynamicValue | null | undefined, type: CtyType): Value {
  return decodeDynamicValue(dv, type);
}

/**
 * Decodes stored JSON (RawState.json of UpgradeResourceState and UpgradeResourceIdentity) into `type`:
 * attributes the type lacks (an older schema's) are dropped, missing ones read as null; absent is null.
 */
export function decodeStored(json: Uint8Array | null | undefined, type: CtyType): ObjectValue | null {
  if (!json || json.length === 0) return null;
  const v = decodeJson(json, type, { dropUnknownAttributes: true });
  return isObject(v) ? v : null;
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

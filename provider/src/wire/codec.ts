// cty values <-> msgpack (go-cty cty/msgpack; terraform docs/plugin-protocol/object-wire-format.md), plus the
// JSON form used by RawState.json and DynamicValue.json.
//
// - null is msgpack nil; an unknown value is written as extension 0 (`d4 00 00`) and ANY extension read
//   (including refined unknowns, extension 12 with a map payload) is unknown.
// - Objects are maps holding every attribute of the type (an attribute missing from the JS object is
//   written as null; on input a missing attribute reads as null); attributes are written in sorted order.
// - Maps are maps, lists / sets / tuples are arrays. A set is written in the order given (no de-duplication).
// - Numbers: see ./numbers.ts (exact both ways: JS number when exact, else a decimal string).
// - "dynamic" values travel as [type JSON bytes, value]; on input the value is decoded with the type it
//   carries; on output the type is inferred from the JS value (string, number, bool, tuple, object).
// Errors name the path and the expected type, never the value (values may be secrets).

import { type CtyType, parseCtyType, typeName } from './cty-type.ts';
import { Reader, type Token, Writer } from './msgpack.ts';
import { numberFromWire, numberToWire } from './numbers.ts';

export type { CtyType } from './cty-type.ts';
export { ctyTypeJson, parseCtyType } from './cty-type.ts';

/** The unknown value ("known after apply"). Compare with `===`. */
export const UNKNOWN: unique symbol = Symbol.for('coffer.cty.unknown');

export type Value = null | typeof UNKNOWN | string | number | boolean | Value[] | { [key: string]: Value };
export type ObjectValue = { [key: string]: Value };

export class CodecError extends Error {
  override name = 'CodecError';
  readonly path: string;
  constructor(path: (string | number)[], message: string) {
    const where = formatPath(path);
    super(where ? `${where}: ${message}` : message);
    this.path = where;
  }
}

function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

// ---------------------------------------------------------------------------------------------------------
// msgpack -> Value

export function decodeValue(bytes: Uint8Array, type: CtyType): Value {
  const r = new Reader(bytes);
  const v = readValue(r, type, []);
  if (!r.done) throw new CodecError([], 'trailing bytes after the msgpack value');
  return v;
}

/** Attribute names of an object type, as listed in the type (computed once per type object). */
const attributeNames = new WeakMap<object, string[]>();

function namesOf(attrs: Record<string, CtyType>): string[] {
  let names = attributeNames.get(attrs);
  if (names === undefined) {
    names = Object.keys(attrs);
    attributeNames.set(attrs, names);
  }
  return names;
}

/** `path` is the position being read: a stack shared by the whole decode, copied only into an error. */
function readValue(r: Reader, type: CtyType, path: (string | number)[]): Value {
  const t = r.next();
  if (t.kind === 'ext') return UNKNOWN;
  if (type === 'dynamic') return readDynamic(r, t, path);
  if (t.kind === 'nil') return null;
  switch (type) {
    case 'string':
      if (t.kind === 'str') return t.value;
      throw mismatch(path, type, t);
    case 'bool':
      if (t.kind === 'bool') return t.value;
      throw mismatch(path, type, t);
    case 'number':
      if (t.kind === 'int' || t.kind === 'float') return numberFromWire(t.value);
      if (t.kind === 'str') {
        try {
          return numberFromWire(t.value);
        } catch {
          throw new CodecError(path, 'number required (a string that is not a decimal number was given)');
        }
      }
      throw mismatch(path, type, t);
  }
  switch (type[0]) {
    case 'list':
    case 'set': {
      if (t.kind !== 'array') throw mismatch(path, type, t);
      const out: Value[] = [];
      for (let i = 0; i < t.length; i++) {
        path.push(i);
        out.push(readValue(r, type[1], path));
        path.pop();
      }
      return out;
    }
    case 'tuple': {
      if (t.kind !== 'array') throw mismatch(path, type, t);
      const elems = type[1];
      if (t.length !== elems.length) {
        throw new CodecError(path, `a tuple of ${elems.length} elements is required (${t.length} given)`);
      }
      const out: Value[] = [];
      for (let i = 0; i < elems.length; i++) {
        path.push(i);
        out.push(readValue(r, elems[i] as CtyType, path));
        path.pop();
      }
      return out;
    }
    case 'map': {
      if (t.kind !== 'map') throw mismatch(path, type, t);
      const out: ObjectValue = {};
      for (let i = 0; i < t.length; i++) {
        const key = readKey(r, path);
        path.push(key);
        setKey(out, key, readValue(r, type[1], path));
        path.pop();
      }
      return out;
    }
    case 'object': {
      if (t.kind !== 'map') throw mismatch(path, type, t);
      const attrs = type[1];
      const out: ObjectValue = {};
      for (let i = 0; i < t.length; i++) {
        const key = readKey(r, path);
        const at = Object.hasOwn(attrs, key) ? attrs[key] : undefined;
        if (at === undefined) throw new CodecError([...path, key], 'unsupported attribute');
        path.push(key);
        setKey(out, key, readValue(r, at, path));
        path.pop();
      }
      for (const name of namesOf(attrs)) if (!Object.hasOwn(out, name)) setKey(out, name, null);
      return out;
    }
  }
}

function readDynamic(r: Reader, t: Token, path: (string | number)[]): Value {
  if (t.kind === 'nil') return null;
  if (t.kind !== 'array' || t.length !== 2) {
    throw new CodecError(path, 'a dynamic value must be a [type, value] array');
  }
  const typeToken = r.next();
  let inner: CtyType;
  try {
    if (typeToken.kind !== 'bin' && typeToken.kind !== 'str') throw new Error('not bytes');
    const json = typeToken.kind === 'str' ? typeToken.value : Buffer.from(typeToken.value).toString('utf8');
    inner = parseCtyType(JSON.parse(json));
  } catch {
    throw new CodecError(path, 'a dynamic value must start with its type as JSON bytes');
  }
  return readValue(r, inner, path);
}

function readKey(r: Reader, path: (string | number)[]): string {
  const k = r.next();
  if (k.kind !== 'str') throw new CodecError(path, 'map keys must be strings');
  return k.value;
}

function mismatch(path: (string | number)[], type: CtyType, t: Token): CodecError {
  return new CodecError(path, `${typeName(type)} required, msgpack ${t.kind} given`);
}

/** Sets a property without invoking the `__proto__` setter. */
function setKey(obj: ObjectValue, key: string, value: Value): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Value -> msgpack

export function encodeValue(value: Value, type: CtyType): Uint8Array {
  const w = new Writer();
  writeValue(w, value, type, []);
  return w.bytes();
}

/** Sorted attribute names of an object type (computed once per type object). */
const sortedNames = new WeakMap<object, string[]>();

function sortedNamesOf(attrs: Record<string, CtyType>): string[] {
  let names = sortedNames.get(attrs);
  if (names === undefined) {
    names = Object.keys(attrs).sort();
    sortedNames.set(attrs, names);
  }
  return names;
}

/** `path` is the position being written: a stack shared by the whole encode, copied only into an error. */
function writeValue(w: Writer, value: Value, type: CtyType, path: (string | number)[]): void {
  if (value === UNKNOWN) {
    w.unknown();
    return;
  }
  if (value === null || value === undefined) {
    w.nil();
    return;
  }
  if (type === 'dynamic') {
    const inferred = impliedType(value, path);
    w.arrayHeader(2);
    w.bin(Buffer.from(JSON.stringify(inferred)));
    writeValue(w, value, inferred, path);
    return;
  }
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw wrongJs(path, type, value);
      w.str(value);
      return;
    case 'bool':
      if (typeof value !== 'boolean') throw wrongJs(path, type, value);
      w.bool(value);
      return;
    case 'number': {
      if (typeof value !== 'number' && typeof value !== 'string') throw wrongJs(path, type, value);
      if (typeof value === 'number' && Number.isSafeInteger(value)) {
        w.int(value); // what numberToWire answers for a safe integer, without building its answer
        return;
      }
      let n: ReturnType<typeof numberToWire>;
      try {
        n = numberToWire(value);
      } catch {
        throw new CodecError(path, 'number required (NaN or a string that is not a decimal number given)');
      }
      if ('int' in n) {
        w.int(n.int);
        return;
      }
      if ('float' in n) {
        w.float64(n.float);
        return;
      }
      w.str(n.decimal);
      return;
    }
  }
  switch (type[0]) {
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) throw wrongJs(path, type, value);
      w.arrayHeader(value.length);
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        writeValue(w, value[i] as Value, type[1], path);
        path.pop();
      }
      return;
    }
    case 'tuple': {
      const elems = type[1];
      if (!Array.isArray(value)) throw wrongJs(path, type, value);
      if (value.length !== elems.length) {
        throw new CodecError(path, `a tuple of ${elems.length} elements is required (${value.length} given)`);
      }
      w.arrayHeader(elems.length);
      for (let i = 0; i < elems.length; i++) {
        path.push(i);
        writeValue(w, value[i] as Value, elems[i] as CtyType, path);
        path.pop();
      }
      return;
    }
    case 'map': {
      if (!isObjectValue(value)) throw wrongJs(path, type, value);
      const keys = Object.keys(value).sort();
      w.mapHeader(keys.length);
      for (const k of keys) {
        w.str(k);
        path.push(k);
        writeValue(w, value[k] as Value, type[1], path);
        path.pop();
      }
      return;
    }
    case 'object': {
      if (!isObjectValue(value)) throw wrongJs(path, type, value);
      const attrs = type[1];
      for (const k in value) {
        if (Object.hasOwn(value, k) && !Object.hasOwn(attrs, k)) {
          throw new CodecError([...path, k], 'unsupported attribute');
        }
      }
      const names = sortedNamesOf(attrs);
      w.mapHeader(names.length);
      for (const k of names) {
        w.str(k);
        const v = Object.hasOwn(value, k) ? value[k] : null;
        path.push(k);
        writeValue(w, v as Value, attrs[k] as CtyType, path);
        path.pop();
      }
      return;
    }
  }
}

function isObjectValue(v: Value): v is ObjectValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function wrongJs(path: (string | number)[], type: CtyType, value: unknown): CodecError {
  const got = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return new CodecError(path, `${typeName(type)} required, JavaScript ${got} given`);
}

/** The type a value of a "dynamic" attribute is sent with. */
function impliedType(value: Value, path: (string | number)[]): CtyType {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map((v, i) => impliedOrDynamic(v, [...path, i]))];
  if (isObjectValue(value)) {
    const attrs: Record<string, CtyType> = {};
    for (const [k, v] of Object.entries(value)) attrs[k] = impliedOrDynamic(v, [...path, k]);
    return ['object', attrs];
  }
  throw new CodecError(path, 'cannot infer a type for this dynamic value');
}

function impliedOrDynamic(value: Value, path: (string | number)[]): CtyType {
  return value === null || value === UNKNOWN ? 'dynamic' : impliedType(value, path);
}

// ---------------------------------------------------------------------------------------------------------
// JSON -> Value (RawState.json in UpgradeResourceState, DynamicValue.json)

export interface JsonDecodeOptions {
  /**
   * Drop object attributes the type lacks instead of refusing them: stored state (RawState.json) may hold
   * attributes an older schema had. Off for DynamicValue.json, which follows the msgpack rules.
   */
  readonly dropUnknownAttributes?: boolean;
}

/**
 * Decodes cty's JSON form (go-cty cty/json). Numbers keep their exact decimal (JSON.parse source text):
 * a JS number when exact, else a decimal string. Missing object attributes read as null; a "dynamic" value
 * is `{"value": ..., "type": ...}`.
 */
export function decodeJson(
  bytes: Uint8Array | string,
  type: CtyType,
  options: JsonDecodeOptions = {},
): Value {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text, (_key, value, context?: { source?: string }) =>
      typeof value === 'number' && context?.source !== undefined ? new JsonNumber(context.source) : value,
    );
  } catch {
    throw new CodecError([], 'invalid JSON');
  }
  return fromJson(raw, type, [], !!options.dropUnknownAttributes);
}

class JsonNumber {
  readonly source: string;
  constructor(source: string) {
    this.source = source;
  }
}

function fromJson(raw: unknown, type: CtyType, path: (string | number)[], drop: boolean): Value {
  if (raw === null) return null;
  if (type === 'dynamic') {
    if (typeof raw !== 'object' || Array.isArray(raw) || !('type' in raw) || !('value' in raw)) {
      throw new CodecError(path, 'a dynamic value must be {"value": ..., "type": ...}');
    }
    let inner: CtyType;
    try {
      inner = parseCtyType(raw.type);
    } catch {
      throw new CodecError(path, 'a dynamic value carries an invalid type');
    }
    return fromJson(raw.value, inner, path, drop);
  }
  const got = () => (Array.isArray(raw) ? 'array' : raw instanceof JsonNumber ? 'number' : typeof raw);
  switch (type) {
    case 'string':
      if (typeof raw === 'string') return raw;
      // go-cty's JSON decoder converts numbers and bools to strings for string attributes.
      if (raw instanceof JsonNumber) return raw.source;
      if (typeof raw === 'boolean') return String(raw);
      throw new CodecError(path, `string required, JSON ${got()} given`);
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new CodecError(path, `bool required, JSON ${got()} given`);
    case 'number':
      try {
        if (raw instanceof JsonNumber) return numberFromWire(raw.source);
        if (typeof raw === 'string') return numberFromWire(raw);
      } catch {
        // fall through to the error below
      }
      throw new CodecError(path, `number required, JSON ${got()} given`);
  }
  switch (type[0]) {
    case 'list':
    case 'set':
      if (!Array.isArray(raw)) throw new CodecError(path, `${typeName(type)} required, JSON ${got()} given`);
      return raw.map((v, i) => fromJson(v, type[1], [...path, i], drop));
    case 'tuple': {
      const elems = type[1];
      if (!Array.isArray(raw) || raw.length !== elems.length) {
        throw new CodecError(path, `a tuple of ${elems.length} elements is required`);
      }
      return elems.map((et, i) => fromJson(raw[i], et, [...path, i], drop));
    }
    case 'map': {
      if (!isJsonObject(raw)) throw new CodecError(path, `${typeName(type)} required, JSON ${got()} given`);
      const out: ObjectValue = {};
      for (const [k, v] of Object.entries(raw)) setKey(out, k, fromJson(v, type[1], [...path, k], drop));
      return out;
    }
    case 'object': {
      if (!isJsonObject(raw)) throw new CodecError(path, `object required, JSON ${got()} given`);
      const attrs = type[1];
      const out: ObjectValue = {};
      if (!drop) {
        for (const k of Object.keys(raw)) {
          if (!Object.hasOwn(attrs, k)) throw new CodecError([...path, k], 'unsupported attribute');
        }
      }
      for (const [k, at] of Object.entries(attrs)) {
        setKey(out, k, Object.hasOwn(raw, k) ? fromJson(raw[k], at, [...path, k], drop) : null);
      }
      return out;
    }
  }
}

function isJsonObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !(raw instanceof JsonNumber);
}

// ---------------------------------------------------------------------------------------------------------
// DynamicValue helpers

/** Decodes a request's DynamicValue (msgpack, or JSON when only that is set); an absent one is null. */
export function decodeDynamicValue(
  dv: { msgpack?: Uint8Array | null; json?: Uint8Array | null } | null | undefined,
  type: CtyType,
): Value {
  if (!dv) return null;
  if (dv.msgpack && dv.msgpack.length > 0) return decodeValue(dv.msgpack, type);
  if (dv.json && dv.json.length > 0) return decodeJson(dv.json, type);
  return null;
}

/** A response DynamicValue carrying `value` as msgpack. */
export function encodeDynamicValue(value: Value, type: CtyType): { msgpack: Uint8Array } {
  return { msgpack: encodeValue(value, type) };
}

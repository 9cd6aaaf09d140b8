// Bytes written by go-cty itself (cty/msgpack v1.18.0, what OpenTofu 1.12.6 uses): see fixtures/go-cty/main.go.
// Each fixture decodes to the value go-cty's JSON of the same value decodes to, and encoding that value
// again gives go-cty's bytes exactly, except where noted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CtyType,
  decodeJson,
  decodeValue,
  encodeValue,
  parseCtyType,
  UNKNOWN,
} from '../../src/wire/codec.ts';

interface Fixture {
  name: string;
  type: unknown;
  hex: string;
  json?: string;
}

const fixtures = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'go-cty-msgpack.json'), 'utf8'),
) as Fixture[];

/** Where re-encoding differs from go-cty's bytes, and why that is fine. */
const REENCODED_DIFFERENTLY: Record<string, string> = {
  'string unknown refined: not null, prefix':
    'refinements are dropped: written as the plain unknown d4 00 00',
  'number unknown refined: bounds': 'refinements are dropped: written as the plain unknown d4 00 00',
  'list unknown refined: length': 'refinements are dropped: written as the plain unknown d4 00 00',
  'dynamic object': 'a JS array in a dynamic value is sent as a tuple; go-cty knew it was a list',
};

/** Values that contain unknowns (no JSON form). */
const UNKNOWN_VALUES: Record<string, unknown> = {
  'string unknown': UNKNOWN,
  'string unknown refined: not null, prefix': UNKNOWN,
  'number unknown refined: bounds': UNKNOWN,
  'list unknown refined: length': UNKNOWN,
  'object with unknowns': { id: UNKNOWN, n: 3, rules: [], tags: UNKNOWN },
  'dynamic unknown': UNKNOWN,
  infinity: Number.POSITIVE_INFINITY,
};

describe('go-cty msgpack fixtures', () => {
  it('cover every case the generator writes', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (name, f) => {
    const type: CtyType = parseCtyType(f.type);
    const bytes = Buffer.from(f.hex, 'hex');
    const decoded = decodeValue(bytes, type);
    if (name in UNKNOWN_VALUES) {
      expect(decoded).toEqual(UNKNOWN_VALUES[name]);
    } else {
      expect(f.json, 'fixture without JSON').toBeDefined();
      expect(decoded).toEqual(decodeJson(f.json as string, type));
    }
    const again = Buffer.from(encodeValue(decoded, type)).toString('hex');
    if (name in REENCODED_DIFFERENTLY) {
      expect(again).not.toBe(f.hex);
      expect(decodeValue(Buffer.from(again, 'hex'), type)).toEqual(decoded);
    } else {
      expect(again).toBe(f.hex);
    }
  });
});

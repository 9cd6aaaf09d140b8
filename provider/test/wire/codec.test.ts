// Byte fixtures for the cty <-> msgpack codec. Expected bytes follow go-cty's encoder (cty/msgpack
// marshal.go, unknown.go, dynamic.go): compact ints, float64 for exact non-integers, sorted attributes.
import { ExtData, decode as referenceDecode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import {
  CodecError,
  type CtyType,
  ctyTypeJson,
  decodeDynamicValue,
  decodeJson,
  decodeValue,
  encodeDynamicValue,
  encodeValue,
  UNKNOWN,
  type Value,
} from '../../src/wire/codec.ts';

const hex = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s+/g, ''), 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const str = (s: string) => Buffer.from(s).toString('hex'); // payload bytes of a string

/** Encodes `value` to exactly `bytes`, and decodes `bytes` back to `value`. */
function roundTrip(type: CtyType, value: Value, bytes: string) {
  expect(toHex(encodeValue(value, type))).toBe(bytes.replace(/\s+/g, ''));
  expect(decodeValue(hex(bytes), type)).toEqual(value);
}

describe('null and unknown', () => {
  it('null is msgpack nil for every type', () => {
    for (const t of [
      'string',
      'number',
      'bool',
      ['list', 'string'],
      ['object', { a: 'string' }],
    ] as CtyType[]) {
      roundTrip(t, null, 'c0');
    }
  });

  it('unknown is extension 0 written as d4 00 00', () => {
    roundTrip('string', UNKNOWN, 'd4 00 00');
    roundTrip(['map', 'number'], UNKNOWN, 'd4 00 00');
    roundTrip('dynamic', UNKNOWN, 'd4 00 00');
  });

  it('a refined unknown (extension 12 with a map payload) decodes as unknown', () => {
    // not null (1: false) and string prefix (2: "ab"): ext8, 7 payload bytes
    expect(decodeValue(hex('c7 07 0c 82 01 c2 02 a2 6162'), 'string')).toBe(UNKNOWN);
    // not null only: 3 payload bytes (no fixext3, so ext8)
    expect(decodeValue(hex('c7 03 0c 81 01 c2'), ['list', 'string'])).toBe(UNKNOWN);
    // number lower bound [0, true] plus not null, 7 payload bytes
    expect(decodeValue(hex('c7 07 0c 82 01 c2 03 92 00 c3'), 'number')).toBe(UNKNOWN);
    // fixext4 with type 12, and a zero-length ext8 with type 0
    expect(decodeValue(hex('d6 0c 81 05 01 00'), ['set', 'string'])).toBe(UNKNOWN);
    expect(decodeValue(hex('c7 00 00'), 'bool')).toBe(UNKNOWN);
  });

  it('reading continues correctly after a refined unknown inside an object', () => {
    const type: CtyType = ['object', { a: 'string', b: 'string' }];
    // {"a": <refined unknown, prefix "x">, "b": "y"}
    const bytes = `82 a1 61 c7 06 0c 82 01 c2 02 a1 78 a1 62 a1 79`;
    expect(decodeValue(hex(bytes), type)).toEqual({ a: UNKNOWN, b: 'y' });
  });
});

describe('primitives', () => {
  it('strings: fixstr, str8 (32+ bytes), UTF-8', () => {
    roundTrip('string', '', 'a0');
    roundTrip('string', 'abc', `a3 ${str('abc')}`);
    roundTrip('string', 'x'.repeat(40), `d9 28 ${str('x'.repeat(40))}`);
    roundTrip('string', 'é', 'a2 c3a9');
    expect(decodeValue(hex(`da 0003 ${str('abc')}`), 'string')).toBe('abc');
  });

  it('strings at the edges of the short ASCII paths, and non-ASCII beside them', () => {
    for (const s of ['x'.repeat(31), 'x'.repeat(32), 'x'.repeat(64), 'x'.repeat(65), `${'x'.repeat(30)}é`]) {
      const bytes = Buffer.from(s);
      const head = bytes.length < 32 ? (0xa0 | bytes.length).toString(16) : `d9 ${bytes.length.toString(16)}`;
      roundTrip('string', s, `${head} ${bytes.toString('hex')}`);
    }
    roundTrip('string', '\u007f\u0000', 'a2 7f00');
    expect(() => decodeValue(hex('a2 c328'), 'string')).toThrow('invalid UTF-8');
    expect(() => decodeValue(hex('a4 6162'), 'string')).toThrow('ends early');
  });

  it('bools', () => {
    roundTrip('bool', true, 'c3');
    roundTrip('bool', false, 'c2');
  });

  it('integers in their smallest form', () => {
    roundTrip('number', 0, '00');
    roundTrip('number', 127, '7f');
    roundTrip('number', 128, 'cc 80');
    roundTrip('number', 300, 'cd 012c');
    roundTrip('number', 65536, 'ce 00010000');
    roundTrip('number', 2 ** 40, 'cf 0000010000000000');
    roundTrip('number', -1, 'ff');
    roundTrip('number', -32, 'e0');
    roundTrip('number', -33, 'd0 df');
    roundTrip('number', -200, 'd1 ff38');
    roundTrip('number', -70000, 'd2 fffeee90');
    roundTrip('number', -(2 ** 40), 'd3 ffffff0000000000');
  });

  it('exact non-integers as float64; float32 accepted', () => {
    roundTrip('number', 0.5, 'cb 3fe0000000000000');
    roundTrip('number', -1.25, 'cb bff4000000000000');
    expect(decodeValue(hex('ca 3fc00000'), 'number')).toBe(1.5);
  });

  it('decimals float64 cannot hold exactly travel as decimal strings, both ways', () => {
    // 0.1 in JS means the decimal 0.1, which float64 cannot hold: go-cty sends it as "0.1"
    roundTrip('number', 0.1, `a3 ${str('0.1')}`);
    // a float64 0.1 from the wire is still the JS number 0.1
    expect(decodeValue(hex('cb 3fb999999999999a'), 'number')).toBe(0.1);
  });

  it('numbers beyond float64 precision stay exact decimal strings', () => {
    roundTrip('number', '123456789012345678901234567890', `be ${str('123456789012345678901234567890')}`);
    roundTrip('number', '0.1000000000000000000001', `b8 ${str('0.1000000000000000000001')}`);
    // uint64 2^64 - 1 and int64 2^53 + 1 do not fit a JS number exactly; 2^63 does
    expect(decodeValue(hex('cf ffffffffffffffff'), 'number')).toBe('18446744073709551615');
    expect(decodeValue(hex('cf 8000000000000000'), 'number')).toBe(2 ** 63);
    expect(decodeValue(hex('d3 0020000000000001'), 'number')).toBe('9007199254740993');
    // and go back out as int64
    expect(toHex(encodeValue('9007199254740993', 'number'))).toBe('cf0020000000000001');
    expect(toHex(encodeValue('-9007199254740993', 'number'))).toBe('d3ffdfffffffffffff');
  });

  it('decimal strings are accepted on input and normalized to numbers when exact', () => {
    expect(decodeValue(hex(`a2 ${str('42')}`), 'number')).toBe(42);
    expect(decodeValue(hex(`a3 ${str('0.1')}`), 'number')).toBe(0.1);
    expect(decodeValue(hex(`a4 ${str('1e-7')}`), 'number')).toBe(1e-7);
    expect(toHex(encodeValue('42', 'number'))).toBe('2a');
    expect(toHex(encodeValue('2.5', 'number'))).toBe('cb4004000000000000');
  });

  it('every JS number survives encode then decode unchanged', () => {
    const samples = [
      0.1,
      0.2 + 0.1,
      1 / 3,
      1e21,
      1e-7,
      123.456,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      2 ** 53 + 2,
      -7.5,
    ];
    for (const n of samples) expect(decodeValue(encodeValue(n, 'number'), 'number')).toBe(n);
  });

  it('infinities are float64', () => {
    roundTrip('number', Number.POSITIVE_INFINITY, 'cb 7ff0000000000000');
    roundTrip('number', Number.NEGATIVE_INFINITY, 'cb fff0000000000000');
  });
});

describe('collections and structural types', () => {
  it('objects carry every attribute, sorted, null when missing', () => {
    const type: CtyType = ['object', { name: 'string', version: 'number', enabled: 'bool' }];
    const bytes = `83 a7 ${str('enabled')} c0 a4 ${str('name')} a1 61 a7 ${str('version')} c0`;
    expect(toHex(encodeValue({ name: 'a' }, type))).toBe(bytes.replace(/\s+/g, ''));
    expect(decodeValue(hex(bytes), type)).toEqual({ enabled: null, name: 'a', version: null });
  });

  it('objects with optional attributes encode like plain objects', () => {
    const type: CtyType = ['object', { a: 'string', b: 'string' }, ['b']];
    roundTrip(type, { a: 'x', b: null }, `82 a1 61 a1 78 a1 62 c0`);
  });

  it('an attribute missing on input reads as null', () => {
    const type: CtyType = ['object', { a: 'string', b: 'number' }];
    expect(decodeValue(hex('81 a1 61 a1 78'), type)).toEqual({ a: 'x', b: null });
  });

  it('maps are msgpack maps with sorted keys', () => {
    roundTrip(['map', 'string'], { a: '1', b: '2' }, `82 a1 61 a1 31 a1 62 a1 32`);
    expect(toHex(encodeValue({ b: '2', a: '1' }, ['map', 'string']))).toBe('82a161a131a162a132');
    roundTrip(['map', 'string'], {}, '80');
  });

  it('a map key named __proto__ is an ordinary key', () => {
    const v = decodeValue(hex(`81 a9 ${str('__proto__')} a1 78`), ['map', 'string']) as Record<string, Value>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });

  it('lists, sets and tuples are arrays', () => {
    roundTrip(['list', 'number'], [1, -1, 300], '93 01 ff cd012c');
    roundTrip(['set', 'string'], ['a', 'b'], '92 a161 a162');
    roundTrip(['list', 'string'], [], '90');
    roundTrip(['tuple', ['string', 'bool']], ['a', true], '92 a161 c3');
    const long = Array.from({ length: 20 }, (_, i) => i);
    roundTrip(
      ['list', 'number'],
      long,
      `dc 0014 ${long.map((i) => i.toString(16).padStart(2, '0')).join('')}`,
    );
  });

  it('nested blocks: a list of objects, empty and filled, unknown elements inside', () => {
    const type: CtyType = [
      'object',
      { id: 'string', rule: ['list', ['object', { key: 'string', ttl: 'number' }]], meta: ['map', 'string'] },
    ];
    roundTrip(
      type,
      { id: UNKNOWN, meta: {}, rule: [] },
      `83 a2 ${str('id')} d40000 a4 ${str('meta')} 80 a4 ${str('rule')} 90`,
    );
    roundTrip(
      type,
      {
        id: 'x',
        meta: { k: 'v' },
        rule: [
          { key: 'a', ttl: 60 },
          { key: 'b', ttl: UNKNOWN },
        ],
      },
      `83 a2 ${str('id')} a1 78 a4 ${str('meta')} 81 a1 6b a1 76 a4 ${str('rule')} 92` +
        ` 82 a3 ${str('key')} a1 61 a3 ${str('ttl')} 3c 82 a3 ${str('key')} a1 62 a3 ${str('ttl')} d40000`,
    );
  });

  it('dynamic values travel as [type JSON bytes, value]', () => {
    roundTrip('dynamic', 'x', `92 c4 08 ${str('"string"')} a1 78`);
    roundTrip('dynamic', { a: 1 }, `92 c4 19 ${str('["object",{"a":"number"}]')} 81 a1 61 01`);
    // go-cty may also send the type as a str; a typed null inside is null
    expect(decodeValue(hex(`92 a6 ${str('"bool"')} c0`), 'dynamic')).toBeNull();
  });

  it('agrees with an independent msgpack decoder', () => {
    const type: CtyType = ['object', { n: 'number', s: ['set', 'string'], u: 'string', x: 'number' }];
    const bytes = encodeValue({ n: 2 ** 40, s: ['a'], u: UNKNOWN, x: 0.75 }, type);
    const ref = referenceDecode(bytes, { useBigInt64: true }) as Record<string, unknown>;
    expect(ref.n).toBe(2n ** 40n);
    expect(ref.s).toEqual(['a']);
    expect(ref.u).toEqual(new ExtData(0, new Uint8Array([0])));
    expect(ref.x).toBe(0.75);
  });
});

describe('errors name the path and the type, never the value', () => {
  const secret = 'hunter2-secret-value';

  it('wrong JS type on encode', () => {
    const type: CtyType = ['object', { tags: ['map', 'string'] }];
    expect(() => encodeValue({ tags: { a: 12 } }, type)).toThrow(
      'tags.a: string required, JavaScript number given',
    );
    expect(() => encodeValue({ extra: secret }, type)).toThrow(CodecError);
    try {
      encodeValue({ tags: { k: [secret] } }, type);
    } catch (e) {
      expect(String(e)).not.toContain(secret);
      expect((e as CodecError).path).toBe('tags.k');
    }
  });

  it('wrong msgpack type on decode', () => {
    const bytes = hex(`81 a5 ${str('value')} b4 ${str(secret)}`);
    let err: unknown;
    try {
      decodeValue(bytes, ['object', { value: 'bool' }]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CodecError);
    expect(String(err)).toContain('value: bool required, msgpack str given');
    expect(String(err)).not.toContain(secret);
  });

  it('an attribute the type does not have', () => {
    expect(() => decodeValue(hex('81 a1 7a c0'), ['object', { a: 'string' }])).toThrow(
      'z: unsupported attribute',
    );
  });

  it('truncated input, trailing bytes, invalid bytes', () => {
    expect(() => decodeValue(hex('a5 6162'), 'string')).toThrow(/ends early/);
    expect(() => decodeValue(hex('c3 c3'), 'bool')).toThrow(/trailing bytes/);
    expect(() => decodeValue(hex('c1'), 'bool')).toThrow(/invalid msgpack byte 0xc1/);
    expect(() => decodeValue(hex(`a3 ${str('abc')}`), 'number')).toThrow(/number required/);
    expect(() => encodeValue(Number.NaN, 'number')).toThrow(/number required/);
    expect(() => encodeValue(['a'], ['tuple', ['string', 'string']])).toThrow(/tuple of 2 elements/);
  });
});

describe('JSON (RawState.json, DynamicValue.json)', () => {
  const type: CtyType = [
    'object',
    {
      id: 'string',
      version: 'number',
      ratio: 'number',
      tags: ['map', 'string'],
      gone: 'bool',
      any: 'dynamic',
    },
  ];

  it('decodes state JSON exactly, missing attributes as null', () => {
    const json =
      '{"id":"s1","version":12345678901234567890,"ratio":0.1,"tags":{"a":"b"},"any":{"value":[1,"x"],"type":["tuple",["number","string"]]}}';
    expect(decodeJson(Buffer.from(json), type)).toEqual({
      id: 's1',
      version: '12345678901234567890',
      ratio: 0.1,
      tags: { a: 'b' },
      gone: null,
      any: [1, 'x'],
    });
  });

  it('rejects attributes the schema does not have, and bad JSON', () => {
    expect(() => decodeJson('{"nope":1}', type)).toThrow('nope: unsupported attribute');
    expect(() => decodeJson('{', type)).toThrow('invalid JSON');
  });

  it('DynamicValue helpers: msgpack preferred, JSON when only that is set, absent is null', () => {
    const t: CtyType = ['object', { a: 'string' }];
    expect(decodeDynamicValue({ msgpack: hex('81 a1 61 a1 78'), json: Buffer.alloc(0) }, t)).toEqual({
      a: 'x',
    });
    expect(decodeDynamicValue({ msgpack: Buffer.alloc(0), json: Buffer.from('{"a":"y"}') }, t)).toEqual({
      a: 'y',
    });
    expect(decodeDynamicValue(null, t)).toBeNull();
    expect(toHex(encodeDynamicValue(null, t).msgpack)).toBe('c0');
  });
});

describe('schema type bytes', () => {
  it('are compact JSON', () => {
    expect(ctyTypeJson('string').toString()).toBe('"string"');
    expect(ctyTypeJson(['list', ['object', { a: 'string' }]]).toString()).toBe(
      '["list",["object",{"a":"string"}]]',
    );
  });
});

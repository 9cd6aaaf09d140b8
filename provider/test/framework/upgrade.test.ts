// UpgradeResourceState decodes the stored JSON with the wire codec's type-directed decoder: numbers stay
// exact (no detour through a float64) and sets stay sets in their stored order, so the upgraded msgpack is
// the same bytes the state was written from.
import { describe, expect, it } from 'vitest';
import type { ProviderDefinition, ResourceDefinition } from '../../src/framework/define.ts';
import { objectType } from '../../src/framework/schema.ts';
import { createHandler } from '../../src/framework/server.ts';
import { decodeValue, encodeValue } from '../../src/wire/codec.ts';

const counted: ResourceDefinition<null> = {
  typeName: 'test_counted',
  schema: {
    description: 'numbers and a set',
    attributes: {
      id: { type: 'string', computed: true, description: 'id' },
      big: { type: 'number', optional: true, description: 'beyond float64' },
      edge: { type: 'number', optional: true, description: '2^53 + 1' },
      tags: { type: ['set', 'string'], optional: true, description: 'a set' },
      sizes: { type: ['set', 'number'], optional: true, description: 'a set of numbers' },
    },
  },
  create: async ({ planned }) => ({ state: planned }),
  read: async ({ state }) => ({ state }),
  update: async ({ planned }) => ({ state: planned }),
  delete: async () => {},
};

const def: ProviderDefinition<null> = {
  address: 'registry.opentofu.org/test/test',
  schema: { description: 'p', attributes: {} },
  configure: () => null,
  resources: [counted],
  dataSources: [],
  ephemeralResources: [],
};

const type = objectType(counted.schema.attributes);
const hex = (b: Uint8Array | undefined) => Buffer.from(b ?? []).toString('hex');

describe('UpgradeResourceState', () => {
  it('keeps a large integer and a set byte-exact', async () => {
    const h = createHandler(def);
    const stored =
      '{"big":123456789012345678901234567890,"edge":9007199254740993,"id":"x",' +
      '"sizes":[18446744073709551617,1],"tags":["b","a"]}';
    const r = await h.upgradeResourceState({
      type_name: 'test_counted',
      version: 0,
      raw_state: { json: Buffer.from(stored), flatmap: {} },
    });
    expect(r.diagnostics).toEqual([]);
    const bytes = r.upgraded_state?.msgpack;
    const expected = {
      big: '123456789012345678901234567890',
      edge: '9007199254740993',
      id: 'x',
      sizes: ['18446744073709551617', 1],
      tags: ['b', 'a'],
    };
    expect(decodeValue(bytes ?? new Uint8Array(), type)).toEqual(expected);
    expect(hex(bytes)).toBe(hex(encodeValue(expected, type)));
    // 2^53 + 1 as msgpack int64 (cf), not the float64 JSON.parse would have made of it (2^53).
    expect(hex(bytes)).toContain('a465646765cf0020000000000001');
    // A number beyond int64 as its decimal, as go-cty writes it.
    expect(hex(bytes)).toContain(Buffer.from('123456789012345678901234567890').toString('hex'));
  });

  it('still drops attributes an older schema had, and refuses state that is not JSON', async () => {
    const h = createHandler(def);
    const ok = await h.upgradeResourceState({
      type_name: 'test_counted',
      version: 0,
      raw_state: { json: Buffer.from('{"id":"x","gone":{"deep":1}}'), flatmap: {} },
    });
    expect(decodeValue(ok.upgraded_state?.msgpack ?? new Uint8Array(), type)).toEqual({
      big: null,
      edge: null,
      id: 'x',
      sizes: null,
      tags: null,
    });
    const bad = await h.upgradeResourceState({
      type_name: 'test_counted',
      version: 0,
      raw_state: { json: Buffer.from('{"id":'), flatmap: {} },
    });
    expect(bad.diagnostics?.map((d) => [d.summary, d.detail])).toEqual([
      ['Upgrading the state of test_counted failed', 'invalid JSON'],
    ]);
  });
});

// UpgradeResourceState (called on every plan) with states an earlier provider could have written: attributes
// it had and this one lacks, attributes it lacked, and write-only values it should never have kept. The
// upgraded state has the current attributes only, and no write-only value survives it.
import { describe, expect, it } from 'vitest';
import { objectType } from '../../src/framework/schema.ts';
import type { ObjectValue } from '../../src/framework/value.ts';
import { cofferProvider, createProvider } from '../../src/provider.ts';
import { decodeValue } from '../../src/wire/codec.ts';

const p = createProvider({});
const typeOf = (name: string) => {
  const r = cofferProvider({}).resources.find((x) => x.typeName === name);
  if (!r) throw new Error(name);
  return objectType(r.schema.attributes);
};

async function upgrade(typeName: string, json: string) {
  const r = await p.upgradeResourceState({
    type_name: typeName,
    version: 0,
    raw_state: { json: Buffer.from(json), flatmap: {} },
  });
  const bytes = r.upgraded_state?.msgpack ?? new Uint8Array();
  return {
    diagnostics: r.diagnostics,
    state: decodeValue(bytes, typeOf(typeName)) as ObjectValue | null,
    bytes: Buffer.from(bytes).toString('latin1'),
  };
}

describe('UpgradeResourceState', () => {
  it('drops attributes it no longer has and write-only values, and reads missing ones as null', async () => {
    const u = await upgrade(
      'coffer_secret',
      JSON.stringify({
        id: '0b0c6b1e-1111-4111-8111-111111111111',
        scope_type: 'team',
        scope_id: 'payments',
        name: 'DB',
        value_wo: 'wo-kept-by-mistake',
        value_wo_version: 1,
        version: 2,
        legacy_checksum: 'abc',
      }),
    );
    expect(u.diagnostics).toEqual([]);
    expect(u.state).toMatchObject({ id: '0b0c6b1e-1111-4111-8111-111111111111', version: 2, value_wo: null });
    expect(u.state).not.toHaveProperty('legacy_checksum');
    expect(u.state).toMatchObject({ category: null, created_at: null, vault_ref: null });
    expect(u.bytes.includes('wo-kept-by-mistake')).toBe(false);
  });

  it('drops a write-only value inside a nested object (vault.token_wo)', async () => {
    const u = await upgrade(
      'coffer_secrets_manager',
      '{"id":"default","backend":"VAULT","vault":{"address":"https://v:8200","token_wo":"hvs.kept","old":1}}',
    );
    expect(u.diagnostics).toEqual([]);
    expect(u.state?.vault).toMatchObject({ address: 'https://v:8200', token_wo: null });
    expect(u.bytes.includes('hvs.kept')).toBe(false);
  });

  it('keeps a null object null (stored JSON null), as the CLI wrote it', async () => {
    const u = await upgrade('coffer_workspace_secret', 'null');
    expect(u.diagnostics).toEqual([]);
    expect(u.state).toBeNull();
  });
});

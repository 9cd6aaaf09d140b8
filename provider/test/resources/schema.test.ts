// The provider's schema keeps every type and attribute the CDKTF bindings were generated from (a draft of
// this schema), with the same type and flags; descriptions and additions are allowed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaDocument } from '../../src/provider.ts';

const ADDRESS = 'registry.opentofu.org/coffer/coffer';
const draftFile = join(import.meta.dirname, '../../../cdktf-bindings/generated/schema.json');

type Json = Record<string, unknown>;
function flags(a: Json): Json {
  const { description: _d, nested_type, ...rest } = a;
  if (nested_type) {
    const n = nested_type as { attributes: Record<string, Json>; nesting_mode: string };
    return {
      ...rest,
      nesting_mode: n.nesting_mode,
      attributes: Object.fromEntries(Object.entries(n.attributes).map(([k, v]) => [k, flags(v)])),
    };
  }
  return rest;
}

describe('Coffer schema', () => {
  const mine = (schemaDocument() as { provider_schemas: Record<string, Json> }).provider_schemas[
    ADDRESS
  ] as Json;
  const draft = JSON.parse(readFileSync(draftFile, 'utf8')).provider_schemas[ADDRESS] as Json;

  it('serves every resource, data source and ephemeral resource type of the bindings', () => {
    for (const kind of ['resource_schemas', 'data_source_schemas', 'ephemeral_resource_schemas']) {
      expect(Object.keys(mine[kind] as Json).sort()).toEqual(Object.keys(draft[kind] as Json).sort());
    }
  });

  it('keeps each attribute of the bindings with the same type and flags', () => {
    const blocks: [string, Json, Json][] = [['provider', mine.provider as Json, draft.provider as Json]];
    for (const kind of ['resource_schemas', 'data_source_schemas', 'ephemeral_resource_schemas']) {
      for (const [name, s] of Object.entries(draft[kind] as Json)) {
        blocks.push([name, (mine[kind] as Json)[name] as Json, s as Json]);
      }
    }
    for (const [name, m, d] of blocks) {
      const ma = (m.block as Json).attributes as Record<string, Json>;
      const da = (d.block as Json).attributes as Record<string, Json>;
      for (const [attr, spec] of Object.entries(da)) {
        expect(ma[attr] && flags(ma[attr]), `${name}.${attr}`).toEqual(flags(spec));
      }
    }
  });

  it('marks value_wo write-only and sensitive, and value sensitive', () => {
    for (const t of ['coffer_secret', 'coffer_workspace_secret']) {
      const attrs = ((mine.resource_schemas as Json)[t] as { block: { attributes: Record<string, Json> } })
        .block.attributes;
      expect(attrs.value_wo).toMatchObject({ write_only: true, sensitive: true });
      expect(attrs.value).toMatchObject({ sensitive: true });
      expect(attrs.value).not.toHaveProperty('write_only');
    }
  });
});

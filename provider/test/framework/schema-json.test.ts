import { describe, expect, it } from 'vitest';
import type { BlockSchema } from '../../src/framework/schema.ts';
import { schemaDocument } from '../../src/framework/schema-json.ts';
import { toWireSchema } from '../../src/framework/schema-wire.ts';

const resource: BlockSchema = {
  description: 'A thing.',
  attributes: {
    zeta: { type: 'number', computed: true, description: '' },
    alpha: { type: 'string', required: true, description: 'First.' },
    secret_wo: { type: 'string', optional: true, sensitive: true, writeOnly: true, description: 'W.' },
    block: {
      optional: true,
      description: 'B.',
      nested: {
        nesting: 'single',
        attributes: { inner: { type: ['list', 'string'], optional: true, description: '' } },
      },
    },
  },
};

describe('schema JSON document', () => {
  it('has the shape and key order of `tofu providers schema -json`', () => {
    const doc = schemaDocument('registry.opentofu.org/x/y', {
      provider: { description: '', attributes: {} },
      resources: { x_thing: resource },
      dataSources: {},
      ephemeralResources: {},
    });
    expect(JSON.stringify(doc)).toBe(
      JSON.stringify({
        format_version: '1.0',
        provider_schemas: {
          'registry.opentofu.org/x/y': {
            provider: { version: 0, block: { description_kind: 'plain' } },
            resource_schemas: {
              x_thing: {
                version: 0,
                block: {
                  attributes: {
                    alpha: {
                      type: 'string',
                      description: 'First.',
                      description_kind: 'plain',
                      required: true,
                    },
                    block: {
                      nested_type: {
                        attributes: {
                          inner: { type: ['list', 'string'], description_kind: 'plain', optional: true },
                        },
                        nesting_mode: 'single',
                      },
                      description: 'B.',
                      description_kind: 'plain',
                      optional: true,
                    },
                    secret_wo: {
                      type: 'string',
                      description: 'W.',
                      description_kind: 'plain',
                      optional: true,
                      sensitive: true,
                      write_only: true,
                    },
                    zeta: { type: 'number', description_kind: 'plain', computed: true },
                  },
                  description: 'A thing.',
                  description_kind: 'plain',
                },
              },
            },
          },
        },
      }),
    );
  });

  it('gives the GetProviderSchema message the same attributes, type as JSON bytes', () => {
    const w = toWireSchema(resource);
    expect(w.block.attributes?.map((a) => a.name)).toEqual(['alpha', 'block', 'secret_wo', 'zeta']);
    const wo = w.block.attributes?.find((a) => a.name === 'secret_wo');
    expect(wo).toMatchObject({ write_only: true, sensitive: true, optional: true });
    expect(Buffer.from(wo?.type ?? []).toString()).toBe('"string"');
    const nested = w.block.attributes?.find((a) => a.name === 'block');
    expect(nested?.nested_type?.nesting).toBe('SINGLE');
    expect(Buffer.from(nested?.nested_type?.attributes[0]?.type ?? []).toString()).toBe('["list","string"]');
  });
});

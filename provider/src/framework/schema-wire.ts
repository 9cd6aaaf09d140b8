// A declared schema as the tfplugin6 Schema message (GetProviderSchema), in @grpc/proto-loader's object form.
import type { Schema, SchemaAttribute, SchemaObject } from '../wire/handler.ts';
import type { Attribute, Attributes, BlockSchema } from './schema.ts';

function wireAttributes(attrs: Attributes): SchemaAttribute[] {
  return Object.keys(attrs)
    .sort()
    .map((name) => wireAttribute(name, attrs[name] as Attribute));
}

function wireAttribute(name: string, a: Attribute): SchemaAttribute {
  const out: SchemaAttribute = {
    name,
    description: a.description,
    required: !!a.required,
    optional: !!a.optional,
    computed: !!a.computed,
    sensitive: !!a.sensitive,
    description_kind: 'PLAIN',
    deprecated: !!a.deprecated,
    write_only: !!a.writeOnly,
  };
  if (a.type) out.type = Buffer.from(JSON.stringify(a.type));
  if (a.nested) {
    out.nested_type = {
      attributes: wireAttributes(a.nested.attributes),
      nesting: a.nested.nesting.toUpperCase() as SchemaObject['nesting'],
    };
  }
  return out;
}

export function toWireSchema(schema: BlockSchema): Schema {
  const version = schema.version ?? 0;
  return {
    version,
    block: {
      version,
      attributes: wireAttributes(schema.attributes),
      block_types: [],
      description: schema.description,
      description_kind: 'PLAIN',
      deprecated: false,
    },
  };
}

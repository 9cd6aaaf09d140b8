// The provider's schema as `tofu providers schema -json` prints it (OpenTofu internal/command/jsonprovider):
// Go struct field order, map keys sorted, false/empty fields left out, description_kind always "plain".
import type { IdentityDefinition } from './define.ts';
import type { Attribute, Attributes, BlockSchema } from './schema.ts';

export type JsonAttribute = {
  type?: unknown;
  nested_type?: { attributes: Record<string, JsonAttribute>; nesting_mode: string };
  description?: string;
  description_kind: 'plain';
  deprecated?: true;
  required?: true;
  optional?: true;
  computed?: true;
  sensitive?: true;
  write_only?: true;
};

export interface JsonSchema {
  version: number;
  block: {
    attributes?: Record<string, JsonAttribute>;
    description?: string;
    description_kind: 'plain';
  };
}

export interface ProviderSchemas {
  provider: BlockSchema;
  resources: Record<string, BlockSchema>;
  dataSources: Record<string, BlockSchema>;
  ephemeralResources: Record<string, BlockSchema>;
  /** Resource identities, by resource type. */
  identities?: Record<string, IdentityDefinition>;
}

/** `resource_identity_schemas` entries: version, then attributes (type, description, required/optional_for_import). */
function jsonIdentities(m: Record<string, IdentityDefinition>): Record<string, unknown> | undefined {
  const names = Object.keys(m).sort();
  if (names.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const n of names) {
    const def = m[n] as IdentityDefinition;
    const attributes: Record<string, unknown> = {};
    for (const a of Object.keys(def.attributes).sort()) {
      const attr = def.attributes[a] as IdentityDefinition['attributes'][string];
      attributes[a] = {
        type: 'string',
        ...(attr.description ? { description: attr.description } : {}),
        ...(attr.requiredForImport ? { required_for_import: true } : { optional_for_import: true }),
      };
    }
    out[n] = { version: def.version ?? 0, attributes };
  }
  return out;
}

function jsonAttributes(attrs: Attributes): Record<string, JsonAttribute> {
  const out: Record<string, JsonAttribute> = {};
  for (const name of Object.keys(attrs).sort()) out[name] = jsonAttribute(attrs[name] as Attribute);
  return out;
}

function jsonAttribute(a: Attribute): JsonAttribute {
  // Go field order: type, nested_type, description, description_kind, deprecated, required, optional, ...
  const ordered: Record<string, unknown> = {};
  if (a.type) ordered.type = a.type;
  if (a.nested) {
    ordered.nested_type = { attributes: jsonAttributes(a.nested.attributes), nesting_mode: a.nested.nesting };
  }
  if (a.description) ordered.description = a.description;
  ordered.description_kind = 'plain';
  if (a.deprecated) ordered.deprecated = true;
  if (a.required) ordered.required = true;
  if (a.optional) ordered.optional = true;
  if (a.computed) ordered.computed = true;
  if (a.sensitive) ordered.sensitive = true;
  if (a.writeOnly) ordered.write_only = true;
  return ordered as JsonAttribute;
}

export function toJsonSchema(schema: BlockSchema): JsonSchema {
  const block: Record<string, unknown> = {};
  if (Object.keys(schema.attributes).length > 0) block.attributes = jsonAttributes(schema.attributes);
  if (schema.description) block.description = schema.description;
  block.description_kind = 'plain';
  return { version: schema.version ?? 0, block: block as JsonSchema['block'] };
}

function jsonSchemas(m: Record<string, BlockSchema>): Record<string, JsonSchema> | undefined {
  const names = Object.keys(m).sort();
  if (names.length === 0) return undefined;
  const out: Record<string, JsonSchema> = {};
  for (const n of names) out[n] = toJsonSchema(m[n] as BlockSchema);
  return out;
}

/** The whole document for one provider address (e.g. `registry.opentofu.org/coffer/coffer`). */
export function schemaDocument(address: string, s: ProviderSchemas): unknown {
  const provider: Record<string, unknown> = { provider: toJsonSchema(s.provider) };
  const resources = jsonSchemas(s.resources);
  const dataSources = jsonSchemas(s.dataSources);
  const ephemeral = jsonSchemas(s.ephemeralResources);
  if (resources) provider.resource_schemas = resources;
  if (dataSources) provider.data_source_schemas = dataSources;
  if (ephemeral) provider.ephemeral_resource_schemas = ephemeral;
  const identities = jsonIdentities(s.identities ?? {});
  if (identities) provider.resource_identity_schemas = identities;
  return { format_version: '1.0', provider_schemas: { [address]: provider } };
}

/** JSON as Go's encoding/json writes it: compact, with <, > and & (and U+2028/U+2029) escaped. */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

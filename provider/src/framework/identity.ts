// Resource identity (protocol 6.10) from a declaration: the GetResourceIdentitySchemas entry, the cty type,
// the identity of a state (its identity attributes, copied), and identity data on the wire.
import type { ResourceIdentityDataOut, ResourceIdentitySchema } from '../wire/handler.ts';
import type { IdentityDefinition } from './define.ts';
import { encodeDynamic } from './dynamic.ts';
import { type Attributes, type CtyType, objectType } from './schema.ts';
import type { ObjectValue } from './value.ts';

/** The identity attributes as schema attributes (all strings), for typing and shaping values. */
export function identityAttributes(def: IdentityDefinition): Attributes {
  return Object.fromEntries(
    Object.entries(def.attributes).map(([name, a]) => [
      name,
      {
        type: 'string',
        description: a.description,
        ...(a.requiredForImport ? { required: true } : { optional: true }),
      },
    ]),
  ) as Attributes;
}

const identityTypes = new WeakMap<IdentityDefinition, CtyType>();

/** The identity's cty object type (built once per declaration: plan and apply encode an identity each time). */
export function identityType(def: IdentityDefinition): CtyType {
  let t = identityTypes.get(def);
  if (t === undefined) {
    t = objectType(identityAttributes(def));
    identityTypes.set(def, t);
  }
  return t;
}

export function toWireIdentitySchema(def: IdentityDefinition): ResourceIdentitySchema {
  return {
    version: def.version ?? 0,
    identity_attributes: Object.keys(def.attributes)
      .sort()
      .map((name) => {
        const a = def.attributes[name] as IdentityDefinition['attributes'][string];
        return {
          name,
          type: Buffer.from('"string"'),
          required_for_import: !!a.requiredForImport,
          optional_for_import: !a.requiredForImport,
          description: a.description,
        };
      }),
  };
}

/** The identity of an object whose state is `state`, or null while any identity attribute is not a known string. */
export function identityOf(def: IdentityDefinition, state: ObjectValue | null): ObjectValue | null {
  if (!state) return null;
  const out: ObjectValue = {};
  for (const name of Object.keys(def.attributes)) {
    const v = state[name];
    if (typeof v !== 'string') return null;
    out[name] = v;
  }
  return out;
}

export function encodeIdentity(
  def: IdentityDefinition,
  identity: ObjectValue | null,
): ResourceIdentityDataOut | null {
  return identity ? { identity_data: encodeDynamic(identity, identityType(def)) } : null;
}

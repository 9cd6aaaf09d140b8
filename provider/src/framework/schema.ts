// Declaring a schema once: attributes with their type and behaviour. Everything else (the GetProviderSchema
// message, the codec types, the schema JSON document, planning and validation) is derived from these
// declarations.
import type { CtyType } from '../wire/codec.ts';
import type { Validator } from './validators.ts';

/** A cty type in its JSON form, exactly as it goes into a schema's `type` bytes: `"string"`, `["list","string"]`. */
export type { CtyType };

export type Nesting = 'single' | 'list' | 'set' | 'map';

/** How a computed attribute is planned when the resource changes and the configuration leaves it null. */
export type ComputedPlan =
  /** keep the prior value (the default: ids, creation times, values only the server changes) */
  | 'stable'
  /** unknown whenever the resource is updated (update times, values derived from the whole object) */
  | 'volatile';

export interface Attribute {
  /** The value type; omit when `nested` is given. */
  readonly type?: CtyType;
  /** A nested attribute (protocol 6 `nested_type`): an object, or a list/set/map of objects. */
  readonly nested?: NestedObject;
  readonly description: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /** Accepted in configuration, never stored: null in every plan and state (protocol 6.8). */
  readonly writeOnly?: boolean;
  /** A change of this attribute replaces the resource. */
  readonly requiresReplace?: boolean;
  readonly computedPlan?: ComputedPlan;
  /**
   * For optional + computed attributes whose default the API documents: planned when the configuration
   * leaves the attribute out, so removing a setting returns it to the default instead of keeping the old value.
   */
  readonly default?: string | number | boolean;
  readonly validators?: readonly Validator[];
  readonly deprecated?: boolean;
}

export interface NestedObject {
  readonly nesting: Nesting;
  readonly attributes: Attributes;
}

export type Attributes = { readonly [name: string]: Attribute };

export interface BlockSchema {
  /** Schema version recorded in state (UpgradeResourceState receives it back). */
  readonly version?: number;
  readonly description: string;
  readonly attributes: Attributes;
}

const entryLists = new WeakMap<Attributes, readonly (readonly [string, Attribute])[]>();

/**
 * `Object.entries(attributes)`, built once per attribute map: conform, plan, validate and settle walk the
 * schema several times per RPC. Declarations are never changed after they are made.
 */
export function entriesOf(attributes: Attributes): readonly (readonly [string, Attribute])[] {
  let e = entryLists.get(attributes);
  if (e === undefined) {
    e = Object.entries(attributes);
    entryLists.set(attributes, e);
  }
  return e;
}

/** The cty type of one attribute's value. */
export function attributeType(attr: Attribute): CtyType {
  if (attr.nested) {
    const obj = objectType(attr.nested.attributes);
    return attr.nested.nesting === 'single' ? obj : ([attr.nested.nesting, obj] as const);
  }
  if (!attr.type) throw new Error('an attribute needs a type or a nested object');
  return attr.type;
}

/** The cty object type of a block (or a nested object): every attribute, sorted by name. */
export function objectType(attributes: Attributes): CtyType {
  const out: Record<string, CtyType> = {};
  for (const name of Object.keys(attributes).sort()) out[name] = attributeType(attributes[name] as Attribute);
  return ['object', out] as const;
}

/** Checks a declaration for mistakes the CLI would reject later with a less helpful message. */
export function checkSchema(where: string, schema: BlockSchema, managed: boolean): void {
  const visit = (attrs: Attributes, prefix: string) => {
    for (const [name, a] of Object.entries(attrs)) {
      const at = `${where}: ${prefix}${name}`;
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`${at}: attribute names are lower_snake_case`);
      if (!!a.type === !!a.nested) throw new Error(`${at}: give exactly one of type and nested`);
      const modes = [a.required, a.optional || a.computed].filter(Boolean).length;
      if (modes !== 1) throw new Error(`${at}: required, or optional and/or computed`);
      if (a.writeOnly && !managed)
        throw new Error(`${at}: write-only attributes exist on managed resources only`);
      if (a.writeOnly && a.computed) throw new Error(`${at}: a write-only attribute cannot be computed`);
      if (a.requiresReplace && !managed) throw new Error(`${at}: requiresReplace is for managed resources`);
      if (a.default !== undefined && !(a.optional && a.computed))
        throw new Error(`${at}: a default is for optional + computed attributes`);
      if (a.nested) {
        if (a.writeOnly) throw new Error(`${at}: mark the nested attributes write-only, not the object`);
        visit(a.nested.attributes, `${prefix}${name}.`);
      }
    }
  };
  visit(schema.attributes, '');
}

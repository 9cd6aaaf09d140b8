// cty types in their JSON form (go-cty cty/json_type.go): what a schema attribute's `type` bytes hold and
// what the codec walks values with.

export type CtyPrimitive = 'string' | 'number' | 'bool' | 'dynamic';
export type CtyType =
  | CtyPrimitive
  | readonly ['list', CtyType]
  | readonly ['set', CtyType]
  | readonly ['map', CtyType]
  | readonly ['object', { readonly [name: string]: CtyType }]
  | readonly ['object', { readonly [name: string]: CtyType }, readonly string[]]
  | readonly ['tuple', readonly CtyType[]];

/** The compact JSON bytes of a type, as Schema.Attribute.type expects (`"string"` with the quotes). */
export function ctyTypeJson(type: CtyType): Buffer {
  return Buffer.from(JSON.stringify(type));
}

/** Parses (and checks) a cty type from its JSON form, e.g. the type half of a dynamic value. */
export function parseCtyType(json: unknown): CtyType {
  if (json === 'string' || json === 'number' || json === 'bool' || json === 'dynamic') return json;
  if (Array.isArray(json)) {
    const [kind, arg, optional] = json as unknown[];
    switch (kind) {
      case 'list':
      case 'set':
      case 'map':
        if (json.length === 2) return [kind, parseCtyType(arg)];
        break;
      case 'object': {
        if ((json.length === 2 || json.length === 3) && isPlainObject(arg)) {
          const attrs: Record<string, CtyType> = {};
          for (const [name, t] of Object.entries(arg)) attrs[name] = parseCtyType(t);
          if (json.length === 2) return ['object', attrs];
          if (Array.isArray(optional) && optional.every((o) => typeof o === 'string' && o in attrs)) {
            return ['object', attrs, optional as string[]];
          }
        }
        break;
      }
      case 'tuple':
        if (json.length === 2 && Array.isArray(arg)) return ['tuple', arg.map(parseCtyType)];
        break;
    }
  }
  throw new TypeError(`not a cty type: ${JSON.stringify(json)?.slice(0, 200)}`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A readable name for messages: "string", "list of string", "object". */
export function typeName(type: CtyType): string {
  if (typeof type === 'string') return type;
  switch (type[0]) {
    case 'list':
    case 'set':
    case 'map':
      return `${type[0]} of ${typeName(type[1])}`;
    default:
      return type[0];
  }
}

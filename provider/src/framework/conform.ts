// Shaping a value by a schema: every attribute present, nested objects shaped, write-only values dropped
// where the phase needs it. Lives apart from value.ts so that values (and validators) know nothing of schemas.
import { type Attribute, type Attributes, entriesOf } from './schema.ts';
import { isObject, type ObjectValue, UNKNOWN, type Value } from './value.ts';

/**
 * Shapes a loose object into the schema: every attribute present (null when missing), nested objects shaped
 * too, names the schema does not know dropped, write-only attributes nulled when `dropWriteOnly`.
 */
export function conform(attributes: Attributes, v: Value | undefined, dropWriteOnly: boolean): ObjectValue {
  const src = isObject(v) ? v : {};
  const out: ObjectValue = {};
  for (const [name, attr] of entriesOf(attributes)) {
    out[name] = conformAttribute(attr, src[name], dropWriteOnly);
  }
  return out;
}

function conformAttribute(attr: Attribute, v: Value | undefined, dropWriteOnly: boolean): Value {
  if (v === undefined || v === null) return null;
  if (attr.writeOnly && dropWriteOnly) return null;
  if (v === UNKNOWN || !attr.nested) return v;
  const nested = attr.nested;
  switch (nested.nesting) {
    case 'single':
      return conform(nested.attributes, v, dropWriteOnly);
    case 'list':
    case 'set':
      return Array.isArray(v) ? v.map((e) => conform(nested.attributes, e, dropWriteOnly)) : null;
    case 'map': {
      if (!isObject(v)) return null;
      const out: ObjectValue = {};
      for (const [k, e] of Object.entries(v)) out[k] = conform(nested.attributes, e, dropWriteOnly);
      return out;
    }
  }
}

// Building a new state that the CLI accepts after apply: every value known in the plan comes back identical,
// unknown ones are filled from what the API answered, write-only values are null.

import { conform } from './conform.ts';
import { type Attributes, entriesOf } from './schema.ts';
import { isObject, type ObjectValue, UNKNOWN, type Value } from './value.ts';

/**
 * Known planned values win; UNKNOWN planned values take the resource's result. Non-computed attributes
 * therefore always equal the configuration, as the CLI requires, whatever the API normalised.
 */
export function settle(attributes: Attributes, planned: ObjectValue, result: ObjectValue): ObjectValue {
  const p = conform(attributes, planned, true);
  const r = conform(attributes, result, true);
  const out: ObjectValue = {};
  for (const [name, attr] of entriesOf(attributes)) {
    const pv = p[name] ?? null;
    const rv = r[name] ?? null;
    if (attr.writeOnly) out[name] = null;
    else if (pv === UNKNOWN) out[name] = rv;
    else if (attr.nested?.nesting === 'single' && isObject(pv) && isObject(rv)) {
      out[name] = settle(attr.nested.attributes, pv, rv);
    } else if (containsUnknown(pv)) out[name] = rv;
    else out[name] = pv;
  }
  return out;
}

function containsUnknown(v: Value): boolean {
  if (v === UNKNOWN) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (isObject(v)) return Object.values(v).some(containsUnknown);
  return false;
}

/** Data sources and ephemeral resources: configured (non-computed) values are kept as configured. */
export function withConfig(attributes: Attributes, config: ObjectValue, result: ObjectValue): ObjectValue {
  const c = conform(attributes, config, false);
  const r = conform(attributes, result, false);
  const out: ObjectValue = {};
  for (const [name, attr] of entriesOf(attributes)) {
    out[name] = attr.computed && (c[name] ?? null) === null ? (r[name] ?? null) : (c[name] ?? null);
  }
  return out;
}

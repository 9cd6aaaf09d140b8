// Planning by the CLI's rules (OpenTofu objchange/plan_valid.go):
// - every attribute that is not computed equals the configuration;
// - a computed attribute the configuration leaves null is unknown on create, and on update when it is
//   `volatile` and the resource changes (`stable` ones keep the prior value); one with a documented default
//   takes the default instead, on create and on update;
// - write-only attributes are null in the plan (their value exists only in the configuration);
// - requires-replace paths are those, among the declared ones, whose value changes;
// - the same inputs always give the same plan (nothing here reads a clock or the network).

import { conform } from './conform.ts';
import type { Path } from './diagnostics.ts';
import { type Attribute, type Attributes, entriesOf } from './schema.ts';
import { equal, isObject, type ObjectValue, UNKNOWN, type Value } from './value.ts';

export interface PlanInput {
  attributes: Attributes;
  /** null on create */
  prior: ObjectValue | null;
  proposed: ObjectValue;
  config: ObjectValue;
}

export interface PlanResult {
  planned: ObjectValue;
  requiresReplace: Path[];
  /** Whether anything differs from the prior state (always true on create). */
  changed: boolean;
}

export function plan(input: PlanInput): PlanResult {
  const { attributes, prior, config } = input;
  const planned = conform(attributes, input.proposed, true);
  applyDefaults(attributes, planned, config);
  if (prior === null) {
    markCreate(attributes, planned, config);
    return { planned, requiresReplace: [], changed: true };
  }
  const changed = !equal(planned, conform(attributes, prior, true));
  markUpdate(attributes, planned, prior, config, changed);
  const requiresReplace = changed ? replacePaths(attributes, prior, planned, []) : [];
  return { planned, requiresReplace, changed };
}

/** Attributes with a default that the configuration leaves null take it, in nested objects too. */
function applyDefaults(attributes: Attributes, planned: ObjectValue, config: ObjectValue): void {
  for (const [name, attr] of entriesOf(attributes)) {
    const c = config[name] ?? null;
    if (attr.default !== undefined && c === null) planned[name] = attr.default;
    else forNested(attr, planned[name], c, (p, cfg) => applyDefaults(nestedAttributes(attr), p, cfg));
  }
}

/** Computed attributes left null by the configuration become unknown (or take their default), in nested
 * objects too. */
function markCreate(attributes: Attributes, planned: ObjectValue, config: ObjectValue): void {
  for (const [name, attr] of entriesOf(attributes)) {
    const c = config[name] ?? null;
    if (attr.computed && c === null) {
      planned[name] = attr.default ?? UNKNOWN;
      continue;
    }
    forNested(attr, planned[name], c, (p, cfg) => markCreate(nestedAttributes(attr), p, cfg));
  }
}

function markUpdate(
  attributes: Attributes,
  planned: ObjectValue,
  prior: ObjectValue,
  config: ObjectValue,
  changed: boolean,
): void {
  for (const [name, attr] of entriesOf(attributes)) {
    const c = config[name] ?? null;
    if (attr.default !== undefined && c === null) continue; // applyDefaults planned it
    if (attr.computed && c === null && changed && attr.computedPlan === 'volatile') {
      planned[name] = UNKNOWN;
      continue;
    }
    if (!attr.nested) continue;
    const before = prior[name] ?? null;
    const after = planned[name] ?? null;
    if (attr.nested.nesting === 'single' && isObject(after) && isObject(c)) {
      if (!isObject(before)) markCreate(attr.nested.attributes, after, c);
      else markUpdate(attr.nested.attributes, after, before, c, changed);
    } else if (before === null) {
      forNested(attr, after, c, (p, cfg) => markCreate(nestedAttributes(attr), p, cfg));
    }
  }
}

function nestedAttributes(attr: Attribute): Attributes {
  return attr.nested?.attributes ?? {};
}

/** Calls `fn` for each nested object of `planned` with its configuration counterpart. */
function forNested(
  attr: Attribute,
  planned: Value | undefined,
  config: Value | undefined,
  fn: (p: ObjectValue, c: ObjectValue) => void,
): void {
  if (!attr.nested || planned === null || planned === undefined) return;
  if (attr.nested.nesting === 'single') {
    if (isObject(planned) && isObject(config)) fn(planned, config);
  } else if (Array.isArray(planned) && Array.isArray(config)) {
    planned.forEach((p, i) => {
      const c = config[i];
      if (isObject(p) && isObject(c)) fn(p, c);
    });
  } else if (isObject(planned) && isObject(config)) {
    for (const [k, p] of Object.entries(planned)) {
      const c = config[k];
      if (isObject(p) && isObject(c)) fn(p, c);
    }
  }
}

function replacePaths(
  attributes: Attributes,
  prior: ObjectValue,
  planned: ObjectValue,
  at: string[],
): Path[] {
  const out: Path[] = [];
  for (const [name, attr] of entriesOf(attributes)) {
    const before = prior[name] ?? null;
    const after = planned[name] ?? null;
    if (attr.requiresReplace && !equal(before, after)) out.push([...at, name]);
    else if (attr.nested?.nesting === 'single' && isObject(before) && isObject(after)) {
      out.push(...replacePaths(attr.nested.attributes, before, after, [...at, name]));
    }
  }
  return out;
}

/** Marks attributes unknown in a plan (a resource's own rule, e.g. "version changes when the value does"). */
export function markUnknown(planned: ObjectValue, ...names: string[]): void {
  for (const n of names) planned[n] = UNKNOWN;
}

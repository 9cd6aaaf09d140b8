// Configuration validation driven by the declarations: attribute validators (known values only: unknown ones
// are checked again at plan time, when they are known) and the write-only capability of the client.
import { type Diagnostic, error, type Path } from './diagnostics.ts';
import { type Attributes, entriesOf } from './schema.ts';
import { isObject, type ObjectValue, UNKNOWN, type Value } from './value.ts';

export function validateAttributes(attributes: Attributes, config: ObjectValue, at: Path = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, attr] of entriesOf(attributes)) {
    const v = config[name] ?? null;
    if (v === null || v === UNKNOWN) continue;
    const path = [...at, name];
    for (const validator of attr.validators ?? []) {
      const problem = validator.check(v, !!attr.sensitive || !!attr.writeOnly);
      if (problem) out.push(error(`Invalid ${name}`, `${name} ${problem}.`, path));
    }
    if (attr.nested) {
      const nestedAttrs = attr.nested.attributes;
      forEachNested(attr.nested.nesting, v, (obj, step) =>
        out.push(...validateAttributes(nestedAttrs, obj, step === undefined ? path : [...path, step])),
      );
    }
  }
  return out;
}

function forEachNested(
  nesting: string,
  v: Value,
  fn: (obj: ObjectValue, step: { key: string } | { index: number } | undefined) => void,
): void {
  if (nesting === 'single') {
    if (isObject(v)) fn(v, undefined);
  } else if (Array.isArray(v)) {
    v.forEach((e, index) => {
      if (isObject(e)) fn(e, { index });
    });
  } else if (isObject(v)) {
    for (const [key, e] of Object.entries(v)) if (isObject(e)) fn(e, { key });
  }
}

/** Write-only attributes set in a configuration whose CLI cannot handle them (Terraform/OpenTofu < 1.11). */
export function writeOnlyNotAllowed(
  attributes: Attributes,
  config: ObjectValue,
  at: Path = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, attr] of entriesOf(attributes)) {
    const v = config[name] ?? null;
    if (v === null) continue;
    const path = [...at, name];
    if (attr.writeOnly) {
      out.push(
        error(
          'Write-only attribute not supported',
          `${name} is write-only, which needs OpenTofu >= 1.11 or Terraform >= 1.11; this CLI did not announce ` +
            'support for write-only attributes. Upgrade the CLI, or use the attribute without the _wo suffix.',
          path,
        ),
      );
    } else if (attr.nested) {
      const nestedAttrs = attr.nested.attributes;
      forEachNested(attr.nested.nesting, v, (obj, step) =>
        out.push(...writeOnlyNotAllowed(nestedAttrs, obj, step === undefined ? path : [...path, step])),
      );
    }
  }
  return out;
}

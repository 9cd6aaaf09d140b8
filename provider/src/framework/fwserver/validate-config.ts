// ValidateProviderConfig, ValidateResourceConfig, ValidateDataResourceConfig, ValidateEphemeralResourceConfig
// (and the validation PlanResourceChange, ReadDataSource and OpenEphemeralResource repeat once values are
// known): the attribute validators, then the declaration's own rule.
import { conform } from '../conform.ts';
import type { ValidateArgs } from '../define.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { BlockSchema } from '../schema.ts';
import { validateAttributes, writeOnlyNotAllowed } from '../validate.ts';
import type { ObjectValue } from '../value.ts';

interface Validated {
  readonly schema: BlockSchema;
  validate?(args: ValidateArgs): Diagnostic[];
}

export function validateConfig(d: Validated, config: ObjectValue | null): Diagnostic[] {
  if (!config) return [];
  const shaped = conform(d.schema.attributes, config, false);
  return [...validateAttributes(d.schema.attributes, shaped), ...(d.validate?.({ config: shaped }) ?? [])];
}

/** A managed resource's configuration; write-only values only from a client that handles them. */
export function validateResourceConfig(
  d: Validated,
  config: ObjectValue | null,
  writeOnlyAllowed: boolean,
): Diagnostic[] {
  const diags = validateConfig(d, config);
  // Only a client that says it handles write-only attributes may set them (Terraform/OpenTofu >= 1.11);
  // an older client sends no capabilities at all.
  if (config && !writeOnlyAllowed) diags.push(...writeOnlyNotAllowed(d.schema.attributes, config));
  return diags;
}

// UpgradeResourceState: stored state (already decoded into the current type, attributes an older schema had
// dropped) shaped into the current schema. Versions newer than the declaration's and pre-0.12 flatmap state
// are refused.
import { conform } from '../conform.ts';
import type { ResourceDefinition } from '../define.ts';
import { DiagnosticsError, error } from '../diagnostics.ts';
import type { ObjectValue } from '../value.ts';

export function checkStateVersion<C>(def: ResourceDefinition<C>, version: number): void {
  const current = def.schema.version ?? 0;
  if (version > current) {
    throw new DiagnosticsError(
      error(
        'State from a newer provider',
        `The state of this ${def.typeName} was written by schema version ${version}; this provider ` +
          `knows versions up to ${current}. Upgrade terraform-provider-coffer.`,
      ),
    );
  }
}

export function refuseFlatmap(): never {
  throw new DiagnosticsError(error('Unsupported state format', 'Flatmap (pre-0.12) state is not supported.'));
}

/** A stored null (JSON `null`) stays null: shaping it would make an object of null attributes out of nothing. */
export function upgradeResourceState<C>(
  def: ResourceDefinition<C>,
  stored: ObjectValue | null,
): ObjectValue | null {
  return stored ? conform(def.schema.attributes, stored, true) : null;
}

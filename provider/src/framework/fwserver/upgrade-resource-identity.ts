// UpgradeResourceIdentity: a stored identity shaped into the current identity schema.
import { conform } from '../conform.ts';
import type { ResourceDefinition } from '../define.ts';
import { DiagnosticsError, error } from '../diagnostics.ts';
import { identityAttributes } from '../identity.ts';
import type { ObjectValue } from '../value.ts';

/** The identity declaration of `def`, refusing types without one and versions newer than it. */
export function identityToUpgrade<C>(def: ResourceDefinition<C>, version: number) {
  const id = def.identity;
  if (!id) {
    throw new DiagnosticsError(
      error('No resource identity', `${def.typeName} has no resource identity to upgrade.`),
    );
  }
  const current = id.version ?? 0;
  if (version > current) {
    throw new DiagnosticsError(
      error(
        'Identity from a newer provider',
        `The identity of this ${def.typeName} was written by identity version ${version}; this ` +
          `provider knows versions up to ${current}. Upgrade terraform-provider-coffer.`,
      ),
    );
  }
  return id;
}

export function upgradeResourceIdentity<C>(
  def: ResourceDefinition<C>,
  stored: ObjectValue | null,
): ObjectValue | null {
  return stored && def.identity ? conform(identityAttributes(def.identity), stored, true) : null;
}

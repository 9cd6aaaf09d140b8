/** Secret locations for the backend suites: a scope in organization `acme`, placed as the directory would. */
import { randomUUID } from 'node:crypto';
import type { SecretLocation } from '../../src/backends/types.ts';

/**
 * A new secret's location: an organization secret lives on `acme` itself (scopeId is the organization), a
 * team secret on its team, a workspace secret in `team` (null: directly in the organization).
 */
export function loc(
  name: string,
  scopeType: SecretLocation['scopeType'] = 'team',
  scopeId = 'platform',
  team: string | null = null,
): SecretLocation {
  const organizationId = scopeType === 'organization' ? scopeId : 'acme';
  const teamId = scopeType === 'team' ? scopeId : scopeType === 'workspace' ? team : null;
  return { id: randomUUID(), scopeType, scopeId, name, organizationId, teamId };
}

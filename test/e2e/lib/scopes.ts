// Secrets and overrides live only on teams and workspaces that exist (issue 11): the suites that set up
// their objects with the SDK create those scopes first.
import type { Coffer } from '@coffer/sdk';

/** Creates each team, then each workspace (`id: team`, or `id: null` for one directly in the organization). */
export async function createScopes(
  sdk: Coffer,
  scopes: { teams?: string[]; workspaces?: Record<string, string | null> },
): Promise<void> {
  for (const id of scopes.teams ?? []) await sdk.teams.create({ id });
  for (const [id, teamId] of Object.entries(scopes.workspaces ?? {})) {
    await sdk.workspaces.create({ id, teamId });
  }
}

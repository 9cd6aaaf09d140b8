/**
 * Where a new secret lives in a remote backend, relative to the backend's prefix (Vault's `secretPath`, AWS's
 * `secretPrefix`). The one place the layout is decided. It follows the tenancy hierarchy:
 *
 *   organization secret                     {org}/{name}
 *   team secret                             {org}/teams/{team}/{name}
 *   workspace secret (in a team)            {org}/teams/{team}/workspaces/{ws}/{name}
 *   workspace secret (directly in the org)  {org}/workspaces/{ws}/{name}
 *
 * so a Vault policy on `secret/data/coffer/acme/teams/payments/*` (or an IAM condition on the secret name
 * `coffer/acme/teams/payments/*`) grants exactly one team and its workspaces, and `acme/*` one organization.
 *
 * The path is decided once, when the value is first written: rotations and deletes use the reference the
 * secret recorded (`storage.reference`), so secrets written under the earlier layout
 * (`{scopeType}/{scopeId}/{name}`) and workspaces moved to another team keep their values where they are.
 *
 * Ids (`[A-Za-z0-9][A-Za-z0-9._-]{0,63}`) and names (`[A-Za-z_][A-Za-z0-9_]{0,127}`) are valid Vault path
 * segments and AWS secret-name characters as they are, and neither can be `.` or `..`. An organization
 * secret may be named `teams` or `workspaces`: it is a leaf beside the folder of that name (Vault keeps a key
 * and a folder of one name apart, AWS names are flat), never inside it.
 */
import type { SecretLocation } from './types.ts';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

function bad(why: string): Error {
  return new Error(`a secret location ${why}`);
}

export function layoutPath(loc: SecretLocation): string {
  // The API validates these already; a store row that somehow breaks them must not escape its prefix.
  const { scopeType, scopeId, name, organizationId: org, teamId: team } = loc;
  if (!NAME.test(name) || !ID.test(scopeId) || !ID.test(org)) {
    throw bad('with an id or a name outside the API patterns');
  }
  if (team !== null && !ID.test(team)) throw bad('with a team id outside the API patterns');
  switch (scopeType) {
    case 'organization':
      if (scopeId !== org || team !== null) throw bad('of an organization that is not its own');
      return `${org}/${name}`;
    case 'team':
      if (team !== scopeId) throw bad('of a team that is not its own');
      return `${org}/teams/${team}/${name}`;
    case 'workspace':
      return team === null
        ? `${org}/workspaces/${scopeId}/${name}`
        : `${org}/teams/${team}/workspaces/${scopeId}/${name}`;
    default:
      throw bad('on a scope type the API does not have');
  }
}

/**
 * How deep a secret can sit below the prefix (`{org}/teams/{team}/workspaces/{ws}/{name}`: 6 segments; the
 * earlier `{scopeType}/{scopeId}/{name}` has 3), so a walk that counts secrets knows where to stop.
 */
export const LAYOUT_MAX_DEPTH = 6;

/** `a/b/` + `c` without doubled or trailing slashes. */
export function joinPath(prefix: string, rest: string): string {
  const p = prefix.replace(/\/+$/, '');
  return p === '' ? rest : `${p}/${rest}`;
}

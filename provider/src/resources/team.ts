// coffer_team: a team of an organization (/v1/teams). Secrets, workspaces and API keys on a team need it to
// exist. Renaming is a PATCH; the id and the organization are for good (changing either replaces the team).
// Destroying a team that still holds anything fails with the API's list of what is left, unless
// delete_contents is set (cascade=true). Import by id.
import type { ResponseBody } from '@coffer/sdk';
import { SCOPE_ID } from '@coffer/sdk/rules';
import { DiagnosticsError, error, type Known, type ResourceDefinition, str } from '../framework/index.ts';
import type { CofferClient } from './client.ts';
import { sameInstant } from './common.ts';
import { apiDiagnostics, call, type PointerMap } from './errors.ts';
import { alreadyExists, notEmpty, notFound, planDefaultName, scopeAttributes } from './scopes.ts';

type Team = ResponseBody<'getTeam'>;

export const POINTERS: PointerMap = {
  '/id': ['id'],
  '/name': ['name'],
  '/organizationId': ['organization_id'],
};

const attributes = scopeAttributes('team');
type TeamAttributes = typeof attributes;

/** What a state keeps from the configuration or the state before (the API has no such field). */
type Kept = Pick<Known<TeamAttributes>, 'delete_contents' | 'created_at' | 'updated_at'>;

export function teamState(t: Team, base: Kept): Known<TeamAttributes> {
  return {
    id: t.id,
    name: t.name,
    organization_id: t.organizationId,
    delete_contents: base.delete_contents,
    created_at: sameInstant(base.created_at, t.createdAt),
    updated_at: sameInstant(base.updated_at, t.updatedAt),
  };
}

export const teamResource: ResourceDefinition<CofferClient, TeamAttributes> = {
  typeName: 'coffer_team',
  identity: {
    attributes: { id: { requiredForImport: true, description: 'The team id.' } },
    importId: (i) => str(i.id) ?? '',
  },
  schema: {
    description:
      'A team: a group of workspaces in an organization, with its own secrets (the team layer of what its workspaces resolve). Secrets, workspaces and API keys on a team need it to exist first: refer to coffer_team.<name>.id.',
    attributes,
  },

  plan({ planned, config }) {
    planDefaultName(planned, config);
  },

  async create({ client, planned }) {
    try {
      const t = await client.sdk.teams.create({
        id: planned.id,
        ...(typeof planned.name === 'string' ? { name: planned.name } : {}),
        ...(typeof planned.organization_id === 'string' ? { organizationId: planned.organization_id } : {}),
      });
      return { state: teamState(t, { ...planned, created_at: null, updated_at: null }) };
    } catch (e) {
      if (client.isStatus(e, 409)) throw alreadyExists('team', planned.id);
      throw new DiagnosticsError(apiDiagnostics(client, e, `creating team ${planned.id}`, POINTERS));
    }
  },

  async read({ client, state }) {
    if (!state.id) return null;
    try {
      return { state: teamState(await client.sdk.teams.get(state.id), state) };
    } catch (e) {
      if (client.isStatus(e, 404)) return null;
      throw new DiagnosticsError(apiDiagnostics(client, e, `reading team ${state.id}`));
    }
  },

  async update({ client, planned, prior }) {
    const id = prior.id;
    const what = `updating team ${id}`;
    // Only the name changes in place; delete_contents is the provider's own (nothing to send).
    const t =
      typeof planned.name === 'string' && planned.name !== prior.name
        ? await call(
            client,
            what,
            () => client.sdk.teams.update(id, { name: planned.name as string }),
            POINTERS,
          )
        : await call(client, what, () => client.sdk.teams.get(id));
    return { state: teamState(t, { ...planned, created_at: prior.created_at, updated_at: null }) };
  },

  async delete({ client, prior }) {
    try {
      await client.sdk.teams.delete(prior.id, prior.delete_contents === true ? { cascade: true } : undefined);
    } catch (e) {
      if (client.isStatus(e, 404)) return;
      throw new DiagnosticsError(notEmpty(client, 'team', prior.id, e));
    }
  },

  async importState({ client, id }) {
    if (!SCOPE_ID.test(id)) {
      throw new DiagnosticsError(
        error(
          'Invalid import id',
          `Import a coffer_team by its id (${SCOPE_ID.source}); got ${JSON.stringify(id)}.`,
        ),
      );
    }
    try {
      const t = await client.sdk.teams.get(id);
      return { state: teamState(t, { delete_contents: null, created_at: null, updated_at: null }) };
    } catch (e) {
      if (client.isStatus(e, 404)) throw notFound('team', id, 'Cannot import: no such team');
      throw new DiagnosticsError(apiDiagnostics(client, e, `importing team ${id}`));
    }
  },
};

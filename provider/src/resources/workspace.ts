// coffer_workspace: a workspace (/v1/workspaces), in a team (team_id) or directly in its organization (team_id
// null). Secrets, overrides and API keys on a workspace need it to exist. A change of team_id is a move
// (PATCH, audited as workspace.moved): from then on the workspace resolves its new team's secrets. The id and
// the organization are for good (changing either replaces the workspace). Destroying a workspace that still
// holds anything fails with the API's list of what is left, unless delete_contents is set (cascade=true).
// Import by id.
import type { ResponseBody } from '@coffer/sdk';
import { SCOPE_ID } from '@coffer/sdk/rules';
import {
  type Attributes,
  DiagnosticsError,
  error,
  type Known,
  type ResourceDefinition,
  str,
  validators as v,
} from '../framework/index.ts';
import type { CofferClient } from './client.ts';
import { sameInstant } from './common.ts';
import { apiDiagnostics, call, type PointerMap } from './errors.ts';
import { alreadyExists, notEmpty, notFound, planDefaultName, scopeAttributes } from './scopes.ts';

type Workspace = ResponseBody<'getWorkspace'>;

export const POINTERS: PointerMap = {
  '/id': ['id'],
  '/name': ['name'],
  '/organizationId': ['organization_id'],
  '/teamId': ['team_id'],
};

const { id, name, organization_id, delete_contents, created_at, updated_at } = scopeAttributes('workspace');
const attributes = {
  id,
  name,
  team_id: {
    type: 'string',
    optional: true,
    description:
      "The team the workspace belongs to (a team of the same organization), or null for a workspace directly in its organization. Changing it moves the workspace in place (audited as workspace.moved): from then on it resolves the new team's secrets instead of the old one's.",
    validators: [v.matches(SCOPE_ID, 'a team id')],
  },
  organization_id,
  delete_contents,
  created_at,
  updated_at,
} satisfies Attributes;
type WorkspaceAttributes = typeof attributes;

type Kept = Pick<Known<WorkspaceAttributes>, 'delete_contents' | 'created_at' | 'updated_at'>;

export function workspaceState(w: Workspace, base: Kept): Known<WorkspaceAttributes> {
  return {
    id: w.id,
    name: w.name,
    team_id: w.teamId ?? null,
    organization_id: w.organizationId,
    delete_contents: base.delete_contents,
    created_at: sameInstant(base.created_at, w.createdAt),
    updated_at: sameInstant(base.updated_at, w.updatedAt),
  };
}

export const workspaceResource: ResourceDefinition<CofferClient, WorkspaceAttributes> = {
  typeName: 'coffer_workspace',
  identity: {
    attributes: { id: { requiredForImport: true, description: 'The workspace id.' } },
    importId: (i) => str(i.id) ?? '',
  },
  schema: {
    description:
      "A workspace: where agents run and secrets resolve (override > workspace > the workspace's team > organization). It belongs to a team or directly to its organization. Secrets, overrides and API keys on a workspace need it to exist first: refer to coffer_workspace.<name>.id.",
    attributes,
  },

  plan({ planned, config }) {
    planDefaultName(planned, config);
  },

  async create({ client, planned }) {
    try {
      const w = await client.sdk.workspaces.create({
        id: planned.id,
        teamId: planned.team_id,
        ...(typeof planned.name === 'string' ? { name: planned.name } : {}),
        ...(typeof planned.organization_id === 'string' ? { organizationId: planned.organization_id } : {}),
      });
      return { state: workspaceState(w, { ...planned, created_at: null, updated_at: null }) };
    } catch (e) {
      if (client.isStatus(e, 409)) throw alreadyExists('workspace', planned.id);
      throw new DiagnosticsError(apiDiagnostics(client, e, `creating workspace ${planned.id}`, POINTERS));
    }
  },

  async read({ client, state }) {
    if (!state.id) return null;
    try {
      return { state: workspaceState(await client.sdk.workspaces.get(state.id), state) };
    } catch (e) {
      if (client.isStatus(e, 404)) return null;
      throw new DiagnosticsError(apiDiagnostics(client, e, `reading workspace ${state.id}`));
    }
  },

  async update({ client, planned, prior }) {
    const wsId = prior.id;
    const body: { name?: string; teamId?: string | null } = {};
    if (typeof planned.name === 'string' && planned.name !== prior.name) body.name = planned.name;
    if (planned.team_id !== prior.team_id) body.teamId = planned.team_id;
    const moving = 'teamId' in body;
    const what = moving
      ? `moving workspace ${wsId} to ${planned.team_id === null ? 'its organization (no team)' : `team ${planned.team_id}`}`
      : `updating workspace ${wsId}`;
    // delete_contents is the provider's own: a change of it alone sends nothing.
    const w =
      Object.keys(body).length > 0
        ? await call(client, what, () => client.sdk.workspaces.update(wsId, body), POINTERS)
        : await call(client, what, () => client.sdk.workspaces.get(wsId));
    return { state: workspaceState(w, { ...planned, created_at: prior.created_at, updated_at: null }) };
  },

  async delete({ client, prior }) {
    try {
      await client.sdk.workspaces.delete(
        prior.id,
        prior.delete_contents === true ? { cascade: true } : undefined,
      );
    } catch (e) {
      if (client.isStatus(e, 404)) return;
      throw new DiagnosticsError(notEmpty(client, 'workspace', prior.id, e));
    }
  },

  async importState({ client, id: wsId }) {
    if (!SCOPE_ID.test(wsId)) {
      throw new DiagnosticsError(
        error(
          'Invalid import id',
          `Import a coffer_workspace by its id (${SCOPE_ID.source}); got ${JSON.stringify(wsId)}.`,
        ),
      );
    }
    try {
      const w = await client.sdk.workspaces.get(wsId);
      return { state: workspaceState(w, { delete_contents: null, created_at: null, updated_at: null }) };
    } catch (e) {
      if (client.isStatus(e, 404)) throw notFound('workspace', wsId, 'Cannot import: no such workspace');
      throw new DiagnosticsError(apiDiagnostics(client, e, `importing workspace ${wsId}`));
    }
  },
};

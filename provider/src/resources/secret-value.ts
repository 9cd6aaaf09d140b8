// ephemeral coffer_secret_value: resolves one secret for a workspace (POST /v1/secrets:resolve) during a
// run, through the workspace's own chain (override > workspace > its team > its organization; team_id is
// deprecated and sent only when set). The value is handed to OpenTofu for ephemeral contexts (write-only
// attributes, provider blocks) and is never stored in the state or the plan. Needs a key with the runtime
// role or higher; every read is audited.

import { SCOPE_ID, SECRET_NAME } from '@coffer/sdk/rules';
import {
  type Attributes,
  DiagnosticsError,
  type EphemeralResourceDefinition,
  error,
  validators as v,
  warning,
} from '../framework/index.ts';
import type { CofferClient } from './client.ts';
import { call, type PointerMap } from './errors.ts';

const POINTERS: PointerMap = {
  '/workspaceId': ['workspace_id'],
  '/teamId': ['team_id'],
  '/names': ['name'],
};

const TEAM_ID_DEPRECATED =
  "Deprecated: leave it out. The team layer is the workspace's own team (from the workspace record), so " +
  'team secrets take part without it. Still accepted and sent when set, and then it must name that team ' +
  '(the API refuses any other team).';

const attributes = {
  workspace_id: {
    type: 'string',
    required: true,
    description: 'The workspace resolving the name.',
    validators: [v.matches(SCOPE_ID, 'a workspace id')],
  },
  team_id: {
    type: 'string',
    optional: true,
    deprecated: true,
    description: TEAM_ID_DEPRECATED,
    validators: [v.matches(SCOPE_ID, 'a team id')],
  },
  name: {
    type: 'string',
    required: true,
    description: 'The secret name.',
    validators: [v.matches(SECRET_NAME, 'an environment-variable name')],
  },
  after_version: {
    type: 'number',
    optional: true,
    description:
      'Set it to the version of the secret this reads (e.g. coffer_secret.db.version) when that secret is managed ' +
      'in the same configuration. Not sent to the API: while the secret is yet to be created or rotated, the ' +
      'version is unknown, and both OpenTofu and Terraform then read the value during apply, after the write, ' +
      'instead of during plan (Terraform opens ephemeral resources while planning, depends_on notwithstanding).',
    validators: [v.integerBetween(0, Number.MAX_SAFE_INTEGER)],
  },
  value: { type: 'string', computed: true, sensitive: true, description: 'The resolved value.' },
  scope_type: { type: 'string', computed: true, description: 'The scope type of the secret that won.' },
  source: {
    type: 'string',
    computed: true,
    description: 'override, workspace, team or organization: where the value came from.',
  },
  version: { type: 'number', computed: true, description: 'Version of the resolved value.' },
} satisfies Attributes;

export const secretValueEphemeral: EphemeralResourceDefinition<CofferClient, typeof attributes> = {
  typeName: 'coffer_secret_value',
  validate({ config }) {
    if ((config.team_id ?? null) === null) return [];
    const why = TEAM_ID_DEPRECATED.replace(/^Deprecated: l/, 'L');
    return [warning('Deprecated attribute', `team_id is deprecated. ${why}`, ['team_id'])];
  },
  schema: {
    description:
      "The value a workspace resolves for a secret name (override > workspace > the workspace's team > its organization). Ephemeral: never stored.",
    attributes,
  },
  async open({ client, config }) {
    const workspaceId = config.workspace_id;
    const teamId = config.team_id;
    const name = config.name;
    const res = await call(
      client,
      `resolving ${name} for workspace ${workspaceId}`,
      () =>
        client.sdk.secrets
          .resolve({ workspaceId, ...(teamId ? { teamId } : {}), names: [name] })
          .catch((e: unknown) => {
            if (!client.isStatus(e, 404)) throw e;
            throw new DiagnosticsError(
              error(
                'No such workspace',
                `Resolving ${name}: no workspace ${workspaceId} that the API key can see. It does not exist (create it ` +
                  "first, e.g. with a coffer_workspace resource), or it belongs to another organization than the key's.",
                ['workspace_id'],
              ),
            );
          }),
      POINTERS,
    );
    const item = res.items.find((i) => i.name === name);
    if (!item) {
      throw new DiagnosticsError(
        error(
          'Secret does not resolve',
          `${name} resolves in no scope for workspace ${workspaceId} (its overrides, the workspace, its team, its organization): it does not exist, or it expired. ` +
            "If this configuration creates it, set after_version to that coffer_secret's version, so the value is read after it is written.",
          ['name'],
        ),
      );
    }
    const value = typeof item.value === 'string' ? item.value : item.value.reveal();
    return {
      result: { value, scope_type: item.scope.type, source: item.source, version: item.version },
    };
  },
};

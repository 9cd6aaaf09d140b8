// ephemeral coffer_secret_value: resolves one secret for a workspace (POST /v1/secrets:resolve) during a
// run. The value is handed to OpenTofu for ephemeral contexts (write-only attributes, provider blocks) and is
// never stored in the state or the plan. Needs a key with the runtime role or higher; every read is audited.

import { SCOPE_ID, SECRET_NAME } from '@coffer/sdk/rules';
import {
  type Attributes,
  DiagnosticsError,
  type EphemeralResourceDefinition,
  error,
  validators as v,
} from '../framework/index.ts';
import type { CofferClient } from './client.ts';
import { call } from './errors.ts';

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
    description: "The workspace's team, so team secrets take part.",
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
  schema: {
    description:
      'The value a workspace resolves for a secret name (override > workspace > team > organization). Ephemeral: never stored.',
    attributes,
  },
  async open({ client, config }) {
    const workspaceId = config.workspace_id;
    const teamId = config.team_id;
    const name = config.name;
    const res = await call(client, `resolving ${name} for workspace ${workspaceId}`, () =>
      client.sdk.secrets.resolve({ workspaceId, ...(teamId ? { teamId } : {}), names: [name] }),
    );
    const item = res.items.find((i) => i.name === name);
    if (!item) {
      throw new DiagnosticsError(
        error(
          'Secret does not resolve',
          `${name} resolves in no scope for workspace ${workspaceId}${teamId ? ` (team ${teamId})` : ''}: it does not exist, or it expired. ` +
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

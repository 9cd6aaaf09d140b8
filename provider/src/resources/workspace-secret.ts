// coffer_workspace_secret: a workspace override (/v1/workspaces/{id}/secrets/{key}). Every write is a PUT of
// the whole override (value included), so every update bumps the version. Import as `workspace_id/KEY`.
import type { ResponseBody } from '@coffer/sdk';
import { MAX_EXPIRES_IN_DAYS, WORKSPACE_SECRET_KEYS } from '@coffer/sdk/rules';
import {
  type Attributes,
  DiagnosticsError,
  error,
  type Known,
  markUnknown,
  type Planned,
  type ResourceDefinition,
  str,
  validators as v,
} from '../framework/index.ts';
import type { CofferClient } from './client.ts';
import {
  configuredValue,
  drifted,
  SCOPE_ID,
  validateValue,
  valueAttributes,
  withAppliedVersion,
} from './common.ts';
import { apiDiagnostics, call, type PointerMap } from './errors.ts';

type Override = ResponseBody<'getWorkspaceSecret'>;
type Key = (typeof WORKSPACE_SECRET_KEYS)[number];

const POINTERS: PointerMap = {
  '/path/workspaceId': ['workspace_id'],
  '/path/key': ['key'],
  '/key': ['key'],
  '/value': ['value'],
  '/expiresInDays': ['expires_in_days'],
};

/** What a state keeps from the configuration (the API never returns values) or the state before. */
type Kept = Pick<Known<OverrideAttributes>, 'value' | 'value_wo' | 'value_wo_version' | 'expires_in_days'>;

function toState(o: Override, base: Kept): Known<OverrideAttributes> {
  return {
    value: base.value,
    value_wo: base.value_wo,
    value_wo_version: base.value_wo_version,
    expires_in_days: base.expires_in_days,
    id: `${o.workspaceId}/${o.key}`,
    workspace_id: o.workspaceId,
    key: o.key,
    version: o.version,
    set_by: o.setBy,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    expires_at: o.expiresAt ?? null,
  };
}

const label = (o: Pick<Known<OverrideAttributes>, 'workspace_id' | 'key'>) =>
  `workspace override ${o.workspace_id}/${o.key}`;

function put(
  client: CofferClient,
  planned: Planned<OverrideAttributes>,
  config: Known<OverrideAttributes>,
  createOnly = false,
): Promise<Override> {
  const ws = planned.workspace_id;
  const key = planned.key as Key; // the oneOf validator admitted only the spec's keys
  const days = planned.expires_in_days;
  const body = {
    value: configuredValue(client, config),
    ...(typeof days === 'number' ? { expiresInDays: days } : {}),
  };
  return call(
    client,
    `writing ${label(planned)}`,
    () =>
      client.sdk.workspaceSecrets
        .put(ws, key, body, createOnly ? { ifNoneMatch: '*' } : undefined)
        .catch((e: unknown) => {
          if (!createOnly || !client.isStatus(e, 412)) throw e;
          throw new DiagnosticsError(
            error(
              'Workspace override already exists',
              `Workspace ${ws} already has an override for ${key}, and it was left as it was. ` +
                'If this is a replacement under create_before_destroy (or -replace), the override being ' +
                'replaced still exists while its successor is created: remove create_before_destroy from this ' +
                'resource. If it was set outside this configuration, import it to manage it here: ' +
                `tofu import <address> ${ws}/${key} (terraform import), or an import block with id = "${ws}/${key}".`,
              ['key'],
            ),
          );
        }),
    POINTERS,
  );
}

const attributes = {
  id: { type: 'string', computed: true, description: '`workspace_id/KEY`.' },
  workspace_id: {
    type: 'string',
    required: true,
    requiresReplace: true,
    description: 'The workspace. Changing it replaces the override.',
    validators: [v.matches(SCOPE_ID, 'a workspace id')],
  },
  key: {
    type: 'string',
    required: true,
    requiresReplace: true,
    description: `The override key: ${WORKSPACE_SECRET_KEYS.join(', ')}. Changing it replaces the override.`,
    validators: [v.oneOf(WORKSPACE_SECRET_KEYS)],
  },
  ...valueAttributes,
  expires_in_days: {
    type: 'number',
    optional: true,
    description: `Expire the value this many days after each write (1 to ${MAX_EXPIRES_IN_DAYS}).`,
    validators: [v.integerBetween(1, MAX_EXPIRES_IN_DAYS)],
  },
  expires_at: {
    type: 'string',
    computed: true,
    computedPlan: 'volatile',
    description: 'When the value expires (from expires_in_days), or null.',
  },
  set_by: {
    type: 'string',
    computed: true,
    computedPlan: 'volatile',
    description: 'Id of the API key that last wrote the value.',
  },
  created_at: { type: 'string', computed: true, description: 'Creation time (RFC 3339).' },
  updated_at: {
    type: 'string',
    computed: true,
    computedPlan: 'volatile',
    description: 'Last write time (RFC 3339).',
  },
} satisfies Attributes;
type OverrideAttributes = typeof attributes;

export const workspaceSecretResource: ResourceDefinition<CofferClient, OverrideAttributes> = {
  typeName: 'coffer_workspace_secret',
  identity: {
    attributes: {
      workspace_id: { requiredForImport: true, description: 'The workspace.' },
      key: { requiredForImport: true, description: 'The override key (OPENAI_API_KEY, ...).' },
    },
    importId: (i) => `${str(i.workspace_id)}/${str(i.key)}`,
  },
  schema: {
    description:
      "A workspace override: the workspace's own provider key (OPENAI_API_KEY, ...), used instead of the platform's.",
    attributes,
  },

  validate: ({ config }) => validateValue(config),

  plan({ prior, planned, priorPrivate, changed }) {
    // Any write replaces the whole override and bumps its version; a rotation elsewhere is written back.
    if (prior && (changed || drifted(prior, priorPrivate))) {
      markUnknown(planned, 'version', 'updated_at', 'set_by', 'expires_at');
    }
  },

  async create({ client, config, planned }) {
    // Create-only (If-None-Match: *): never take over an override that exists already.
    const o = await put(client, planned, config, true);
    return { state: toState(o, planned), private: withAppliedVersion(o.version) };
  },

  async read({ client, state }) {
    const ws = state.workspace_id;
    const key = state.key;
    if (!ws || !key) return null;
    try {
      const o = await client.sdk.workspaceSecrets.get(ws, key as Key);
      return { state: toState(o, state) };
    } catch (e) {
      if (client.isStatus(e, 404)) return null;
      throw new DiagnosticsError(apiDiagnostics(client, e, `reading ${label(state)}`));
    }
  },

  async update({ client, config, planned }) {
    const o = await put(client, planned, config);
    return { state: toState(o, planned), private: withAppliedVersion(o.version) };
  },

  async delete({ client, prior }) {
    try {
      await client.sdk.workspaceSecrets.delete(prior.workspace_id, prior.key as Key);
    } catch (e) {
      if (client.isStatus(e, 404)) return;
      throw new DiagnosticsError(apiDiagnostics(client, e, `deleting ${label(prior)}`));
    }
  },

  async importState({ client, id }) {
    const [ws, key, ...rest] = id.split('/');
    if (!ws || !key || rest.length > 0 || !SCOPE_ID.test(ws) || !WORKSPACE_SECRET_KEYS.includes(key as Key)) {
      throw new DiagnosticsError(
        error(
          'Invalid import id',
          `Import a coffer_workspace_secret as workspace_id/KEY (KEY one of ${WORKSPACE_SECRET_KEYS.join(', ')}), e.g. ws-checkout/OPENAI_API_KEY; got ${JSON.stringify(id)}.`,
        ),
      );
    }
    try {
      const o = await client.sdk.workspaceSecrets.get(ws, key);
      const empty: Kept = { value: null, value_wo: null, value_wo_version: null, expires_in_days: null };
      return { state: toState(o, empty), private: withAppliedVersion(o.version) };
    } catch (e) {
      if (client.isStatus(e, 404)) {
        throw new DiagnosticsError(
          error('Cannot import: no such override', `Workspace ${ws} has no override ${key}.`),
        );
      }
      throw new DiagnosticsError(apiDiagnostics(client, e, `importing workspace override ${id}`, POINTERS));
    }
  },
};

// Data sources: metadata only (the API never lists values).

import { SCOPE_ID, SCOPE_TYPES, SECRET_CATEGORIES, WORKSPACE_SECRET_KEYS } from '@coffer/sdk/rules';
import {
  type Attribute,
  type Attributes,
  type DataSourceDefinition,
  DiagnosticsError,
  type ObjectValue,
  str,
  validators as v,
} from '../framework/index.ts';
import type { CofferClient } from './client.ts';
import { apiDiagnostics, call } from './errors.ts';
import { notFound } from './scopes.ts';

export const secretsDataSource: DataSourceDefinition<CofferClient> = {
  typeName: 'coffer_secrets',
  schema: {
    description: 'Lists secrets (metadata, never values), optionally filtered.',
    attributes: {
      scope_type: {
        type: 'string',
        optional: true,
        description: 'Only this scope type.',
        validators: [v.oneOf(SCOPE_TYPES)],
      },
      scope_id: {
        type: 'string',
        optional: true,
        description: 'Only this scope id.',
        validators: [v.matches(SCOPE_ID, 'a scope id')],
      },
      name_prefix: {
        type: 'string',
        optional: true,
        description: 'Only names starting with this.',
        validators: [v.matches(/^[A-Za-z0-9_]{1,128}$/, 'a name prefix')],
      },
      category: {
        type: 'string',
        optional: true,
        description: 'Only this category.',
        validators: [v.oneOf(SECRET_CATEGORIES)],
      },
      secrets: {
        type: [
          'list',
          [
            'object',
            { id: 'string', name: 'string', scope_id: 'string', scope_type: 'string', version: 'number' },
          ],
        ],
        computed: true,
        description: 'The matching secrets: id, name, scope_type, scope_id, version.',
      },
    },
  },
  async read({ client, config }) {
    const query = Object.fromEntries(
      Object.entries({
        scopeType: str(config.scope_type),
        scopeId: str(config.scope_id),
        namePrefix: str(config.name_prefix),
        category: str(config.category),
      }).filter(([, x]) => x !== null),
    );
    const secrets: ObjectValue[] = [];
    await call(client, 'listing secrets', async () => {
      for await (const s of client.sdk.secrets.list(query)) {
        secrets.push({
          id: s.id,
          name: s.name,
          scope_type: s.scope.type,
          scope_id: s.scope.id,
          version: s.version,
        });
      }
    });
    return { secrets };
  },
};

const workspaceSecretsAttributes = {
  workspace_id: {
    type: 'string',
    required: true,
    description: 'The workspace.',
    validators: [v.matches(SCOPE_ID, 'a workspace id')],
  },
  secrets: {
    type: ['list', ['object', { key: 'string', version: 'number' }]],
    computed: true,
    description: `The overrides set: key (one of ${WORKSPACE_SECRET_KEYS.join(', ')}) and version.`,
  },
} satisfies Attributes;

export const workspaceSecretsDataSource: DataSourceDefinition<
  CofferClient,
  typeof workspaceSecretsAttributes
> = {
  typeName: 'coffer_workspace_secrets',
  schema: {
    description: "Lists a workspace's overrides (keys and versions, never values).",
    attributes: workspaceSecretsAttributes,
  },
  async read({ client, config }) {
    const ws = config.workspace_id;
    const secrets: ObjectValue[] = [];
    await call(client, `listing the overrides of workspace ${ws}`, async () => {
      for await (const o of client.sdk.workspaceSecrets.list(ws))
        secrets.push({ key: o.key, version: o.version });
    });
    return { secrets };
  },
};

export const secretsManagerDataSource: DataSourceDefinition<CofferClient> = {
  typeName: 'coffer_secrets_manager',
  schema: {
    description: 'The secrets-manager configuration in effect.',
    attributes: {
      backend: { type: 'string', computed: true, description: 'The configured backend.' },
      effective_backend: {
        type: 'string',
        computed: true,
        description: 'The backend in use (DB when the configured one lacks settings).',
      },
    },
  },
  async read({ client }) {
    const c = await call(client, 'reading the secrets manager', () => client.sdk.secretsManager.get());
    return { backend: c.backend, effective_backend: c.effectiveBackend };
  },
};

const lookupId = (kind: 'team' | 'workspace') =>
  ({
    type: 'string',
    required: true,
    description: `The ${kind} id.`,
    validators: [v.matches(SCOPE_ID, `a ${kind} id`)],
  }) satisfies Attribute;

const teamAttributes = {
  id: lookupId('team'),
  name: { type: 'string', computed: true, description: 'Display name.' },
  organization_id: { type: 'string', computed: true, description: 'The organization the team belongs to.' },
  created_at: { type: 'string', computed: true, description: 'Creation time (RFC 3339).' },
  updated_at: { type: 'string', computed: true, description: 'Last change time (RFC 3339).' },
} satisfies Attributes;

export const teamDataSource: DataSourceDefinition<CofferClient, typeof teamAttributes> = {
  typeName: 'coffer_team',
  schema: {
    description:
      "A team, by id (one the API key can see: another organization's teams answer as missing). Fails when there is no such team.",
    attributes: teamAttributes,
  },
  async read({ client, config }) {
    const id = config.id;
    try {
      const t = await client.sdk.teams.get(id);
      return {
        name: t.name,
        organization_id: t.organizationId,
        created_at: t.createdAt,
        updated_at: t.updatedAt,
      };
    } catch (e) {
      if (client.isStatus(e, 404)) throw notFound('team', id, 'No such team', true);
      throw new DiagnosticsError(apiDiagnostics(client, e, `reading team ${id}`));
    }
  },
};

const workspaceAttributes = {
  id: lookupId('workspace'),
  name: { type: 'string', computed: true, description: 'Display name.' },
  team_id: {
    type: 'string',
    computed: true,
    description: 'The team the workspace belongs to; null when it belongs directly to its organization.',
  },
  organization_id: {
    type: 'string',
    computed: true,
    description: 'The organization the workspace belongs to.',
  },
  created_at: { type: 'string', computed: true, description: 'Creation time (RFC 3339).' },
  updated_at: { type: 'string', computed: true, description: 'Last change time (RFC 3339).' },
} satisfies Attributes;

export const workspaceDataSource: DataSourceDefinition<CofferClient, typeof workspaceAttributes> = {
  typeName: 'coffer_workspace',
  schema: {
    description:
      "A workspace, by id (one the API key can see: another organization's workspaces answer as missing). Fails when there is no such workspace.",
    attributes: workspaceAttributes,
  },
  async read({ client, config }) {
    const id = config.id;
    try {
      const w = await client.sdk.workspaces.get(id);
      return {
        name: w.name,
        team_id: w.teamId ?? null,
        organization_id: w.organizationId,
        created_at: w.createdAt,
        updated_at: w.updatedAt,
      };
    } catch (e) {
      if (client.isStatus(e, 404)) throw notFound('workspace', id, 'No such workspace', true);
      throw new DiagnosticsError(apiDiagnostics(client, e, `reading workspace ${id}`));
    }
  },
};

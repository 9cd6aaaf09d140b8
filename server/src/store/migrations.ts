/**
 * Versioned schema migrations, one list for both dialects. Each migration is a function of the column
 * types so the same table definitions serve SQLite and PostgreSQL. Applied migrations are recorded in
 * `schema_migrations (version, name, applied_at)`; a migration runs in its own transaction together with
 * its bookkeeping row. Never edit a released migration: append a new one.
 */
import type { ColumnTypes } from './dialect.ts';
import type { SqlExecutor } from './executor.ts';

export interface Migration {
  version: number;
  name: string;
  sql: (t: ColumnTypes) => string;
  /** A data step that depends on what the store holds, run after `sql` in the same transaction. */
  data?: (tx: SqlExecutor) => Promise<void>;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: (t) => `
CREATE TABLE meta (
  key ${t.ident} PRIMARY KEY,
  value ${t.text} NOT NULL
);

CREATE TABLE secrets (
  id ${t.uuid} PRIMARY KEY,
  scope_type ${t.ident} NOT NULL CHECK (scope_type IN ('organization', 'team', 'workspace')),
  scope_id ${t.ident} NOT NULL,
  name ${t.ident} NOT NULL,
  category ${t.ident} NOT NULL,
  description ${t.text},
  expires_at ${t.ts},
  version ${t.int} NOT NULL DEFAULT 1,
  created_at ${t.ts} NOT NULL,
  updated_at ${t.ts} NOT NULL,
  last_rotated_at ${t.ts},
  storage_backend ${t.ident} NOT NULL,
  storage_reference ${t.text},
  value_envelope ${t.text},
  vault_ref ${t.text},
  CONSTRAINT secrets_scope_name UNIQUE (scope_type, scope_id, name)
);
CREATE INDEX secrets_created ON secrets (created_at, id);
CREATE INDEX secrets_name ON secrets (name, scope_type);

CREATE TABLE workspace_secrets (
  workspace_id ${t.ident} NOT NULL,
  key ${t.ident} NOT NULL,
  set_by ${t.text} NOT NULL,
  created_at ${t.ts} NOT NULL,
  updated_at ${t.ts} NOT NULL,
  expires_at ${t.ts},
  version ${t.int} NOT NULL DEFAULT 1,
  value_envelope ${t.text} NOT NULL,
  CONSTRAINT workspace_secrets_pkey PRIMARY KEY (workspace_id, key)
);

CREATE TABLE api_keys (
  id ${t.uuid} PRIMARY KEY,
  name ${t.text} NOT NULL,
  role ${t.ident} NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'runtime')),
  scope_type ${t.ident} NOT NULL CHECK (scope_type IN ('organization', 'team', 'workspace')),
  scope_id ${t.ident} NOT NULL,
  prefix ${t.ident} NOT NULL,
  token_hash ${t.ident} NOT NULL,
  created_at ${t.ts} NOT NULL,
  expires_at ${t.ts},
  last_used_at ${t.ts},
  revoked_at ${t.ts},
  CONSTRAINT api_keys_token_hash UNIQUE (token_hash)
);
CREATE INDEX api_keys_created ON api_keys (created_at, id);

CREATE TABLE secret_reads (
  id ${t.uuid} PRIMARY KEY,
  at ${t.ts} NOT NULL,
  secret_id ${t.uuid},
  name ${t.ident} NOT NULL,
  scope_type ${t.ident} NOT NULL,
  scope_id ${t.ident} NOT NULL,
  backend ${t.ident} NOT NULL,
  cache_hit ${t.bool} NOT NULL,
  principal_id ${t.text},
  request_id ${t.text},
  kind ${t.ident} NOT NULL
);
CREATE INDEX secret_reads_at ON secret_reads (at, id);
CREATE INDEX secret_reads_name ON secret_reads (name, at, id);

CREATE TABLE audit_events (
  id ${t.uuid} PRIMARY KEY,
  at ${t.ts} NOT NULL,
  type ${t.ident} NOT NULL,
  principal_id ${t.text},
  request_id ${t.text},
  name ${t.ident},
  scope_type ${t.ident},
  scope_id ${t.ident},
  details ${t.json}
);
CREATE INDEX audit_events_at ON audit_events (at, id);
CREATE INDEX audit_events_name ON audit_events (name, at, id);

CREATE TABLE secrets_manager_config (
  id ${t.smallint} PRIMARY KEY CHECK (id = 1),
  config ${t.json} NOT NULL,
  vault_token_envelope ${t.text},
  updated_at ${t.ts} NOT NULL
);

CREATE TABLE idempotency_keys (
  principal_id ${t.ident} NOT NULL,
  key ${t.ident} NOT NULL,
  method ${t.ident} NOT NULL,
  path ${t.text} NOT NULL,
  body_hash ${t.ident} NOT NULL,
  status ${t.int} NOT NULL,
  response_body ${t.text} NOT NULL,
  response_headers ${t.json} NOT NULL,
  created_at ${t.ts} NOT NULL,
  expires_at ${t.ts} NOT NULL,
  CONSTRAINT idempotency_keys_pkey PRIMARY KEY (principal_id, key)
);
CREATE INDEX idempotency_keys_expires ON idempotency_keys (expires_at);
`,
  },
  {
    version: 2,
    name: 'revision for ETags; keyed idempotency fingerprints; short prefixes only for minted keys',
    sql: (t) => `
ALTER TABLE secrets ADD COLUMN revision ${t.int} NOT NULL DEFAULT 1;
UPDATE secrets SET revision = version;
-- Their body_hash was an unkeyed sha256 of the request (value included): drop them rather than keep it.
DELETE FROM idempotency_keys;
-- A key the server did not mint (the bootstrap key from the environment) shows no part of its token.
UPDATE api_keys SET prefix = '' WHERE NOT (length(prefix) = 12 AND substr(prefix, 1, 4) = 'cof_');
`,
  },
  {
    version: 3,
    name: 'remote backends: the remote version a secret recorded; what a read audit entry handed out',
    sql: (t) => `
ALTER TABLE secrets ADD COLUMN storage_remote_version ${t.text};
-- value (the default, what every earlier entry was), fallback (from the environment: the backend failed),
-- missing (a remote reference that is no longer there), with a detail saying why.
ALTER TABLE secret_reads ADD COLUMN outcome ${t.ident} NOT NULL DEFAULT 'value';
ALTER TABLE secret_reads ADD COLUMN detail ${t.text};
`,
  },
  {
    version: 4,
    name: 'tenancy: organizations, teams and workspaces as resources; keys and audit records belong to one organization',
    sql: (t) => `
CREATE TABLE organizations (
  id ${t.ident} PRIMARY KEY,
  name ${t.text} NOT NULL,
  created_at ${t.ts} NOT NULL,
  updated_at ${t.ts} NOT NULL,
  revision ${t.int} NOT NULL DEFAULT 1
);
CREATE INDEX organizations_created ON organizations (created_at, id);

CREATE TABLE teams (
  id ${t.ident} PRIMARY KEY,
  organization_id ${t.ident} NOT NULL REFERENCES organizations (id),
  name ${t.text} NOT NULL,
  created_at ${t.ts} NOT NULL,
  updated_at ${t.ts} NOT NULL,
  revision ${t.int} NOT NULL DEFAULT 1
);
CREATE INDEX teams_organization ON teams (organization_id, created_at, id);

CREATE TABLE workspaces (
  id ${t.ident} PRIMARY KEY,
  organization_id ${t.ident} NOT NULL REFERENCES organizations (id),
  team_id ${t.ident} REFERENCES teams (id),
  name ${t.text} NOT NULL,
  created_at ${t.ts} NOT NULL,
  updated_at ${t.ts} NOT NULL,
  revision ${t.int} NOT NULL DEFAULT 1
);
CREATE INDEX workspaces_organization ON workspaces (organization_id, created_at, id);
CREATE INDEX workspaces_team ON workspaces (team_id, created_at, id);

ALTER TABLE api_keys ADD COLUMN organization_id ${t.ident};
ALTER TABLE api_keys ADD COLUMN deployment ${t.bool} NOT NULL DEFAULT FALSE;
CREATE INDEX api_keys_scope ON api_keys (scope_type, scope_id);
ALTER TABLE audit_events ADD COLUMN organization_id ${t.ident};
ALTER TABLE secret_reads ADD COLUMN organization_id ${t.ident};
CREATE INDEX audit_events_organization ON audit_events (organization_id, at, id);
CREATE INDEX secret_reads_organization ON secret_reads (organization_id, at, id);
`,
    data: upgradeScopesToTenancy,
  },
];

/**
 * Migration 4's data step. Before it, scopes were names rows carried, and every organization key reached
 * every organization. Now each name a row carries becomes a resource:
 * - every organization id a secret or key names becomes an organization;
 * - the bootstrap organization is the one of the first key the store ever had (the bootstrap key; `default`
 *   when there is none), and its oldest owner key still in use becomes the deployment key;
 * - every team id becomes a team of the bootstrap organization (a team's organization was never recorded);
 * - every workspace id becomes a workspace directly in the bootstrap organization (its team was never
 *   recorded either: a caller named it on each resolve). Move it into its team with PATCH /v1/workspaces.
 * Audit records get the organization of the scope they name; those naming no scope stay deployment-level.
 */
async function upgradeScopesToTenancy(tx: SqlExecutor): Promise<void> {
  const at = new Date().toISOString();
  const ids = async (sql: string) => (await tx.query<{ id: unknown }>(sql)).map((r) => String(r.id));
  const first = await tx.query<{ scope_id: unknown; scope_type: unknown }>(
    'SELECT scope_type, scope_id FROM api_keys ORDER BY created_at, id LIMIT 1',
  );
  const home = first[0]?.scope_type === 'organization' ? String(first[0].scope_id) : 'default';
  const scoped = (type: string) =>
    ids(
      ['secrets', 'api_keys', 'audit_events', 'secret_reads']
        .map((t) => `SELECT DISTINCT scope_id AS id FROM ${t} WHERE scope_type = '${type}'`)
        .join(' UNION '),
    );
  const teams = await scoped('team');
  const workspaces = [
    ...new Set([
      ...(await scoped('workspace')),
      ...(await ids('SELECT DISTINCT workspace_id AS id FROM workspace_secrets')),
    ]),
  ];
  const orgs = new Set(await scoped('organization'));
  if (first[0] || teams.length > 0 || workspaces.length > 0) orgs.add(home);
  for (const id of orgs) {
    await tx.execute('INSERT INTO organizations (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)', [
      id,
      id,
      at,
      at,
    ]);
  }
  for (const id of teams) {
    await tx.execute(
      'INSERT INTO teams (id, organization_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      [id, home, id, at, at],
    );
  }
  for (const id of workspaces) {
    await tx.execute(
      'INSERT INTO workspaces (id, organization_id, team_id, name, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?)',
      [id, home, id, at, at],
    );
  }
  const orgOf = `CASE scope_type WHEN 'organization' THEN scope_id
    WHEN 'team' THEN (SELECT organization_id FROM teams WHERE teams.id = scope_id)
    ELSE (SELECT organization_id FROM workspaces WHERE workspaces.id = scope_id) END`;
  await tx.execute(`UPDATE api_keys SET organization_id = ${orgOf}`);
  await tx.execute(`UPDATE audit_events SET organization_id = ${orgOf} WHERE scope_type IS NOT NULL`);
  await tx.execute(`UPDATE secret_reads SET organization_id = ${orgOf}`);
  // The deployment key: the bootstrap organization's oldest owner key still in use (the bootstrap key,
  // unless it was revoked). Every other key now reaches its own organization only.
  const operator = await tx.query<{ id: unknown }>(
    "SELECT id FROM api_keys WHERE scope_type = 'organization' AND scope_id = ? AND role = 'owner' AND revoked_at IS NULL ORDER BY created_at, id LIMIT 1",
    [home],
  );
  if (operator[0]) await tx.execute('UPDATE api_keys SET deployment = TRUE WHERE id = ?', [operator[0].id]);
}

export const SCHEMA_MIGRATIONS_DDL = (t: ColumnTypes) => `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version ${t.int} PRIMARY KEY,
  name ${t.text} NOT NULL,
  applied_at ${t.ts} NOT NULL
)`;

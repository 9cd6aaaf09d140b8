/**
 * Versioned schema migrations, one list for both dialects. Each migration is a function of the column
 * types so the same table definitions serve SQLite and PostgreSQL. Applied migrations are recorded in
 * `schema_migrations (version, name, applied_at)`; a migration runs in its own transaction together with
 * its bookkeeping row. Never edit a released migration: append a new one.
 */
import type { ColumnTypes } from './dialect.ts';

export interface Migration {
  version: number;
  name: string;
  sql: (t: ColumnTypes) => string;
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
];

export const SCHEMA_MIGRATIONS_DDL = (t: ColumnTypes) => `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version ${t.int} PRIMARY KEY,
  name ${t.text} NOT NULL,
  applied_at ${t.ts} NOT NULL
)`;

/**
 * Upgrading a store written by the release before tenancy (fixtures/v3-store: written by `coffer serve` of
 * commit 4915eab, schema version 3; fixture.json holds its keys and what each caller resolved then). The
 * current server opens it (on SQLite as it is; on PostgreSQL after its rows are copied into a v3 schema),
 * migration 4 turns the scopes its rows name into organizations, teams and workspaces, and every secret
 * still resolves for the same callers, except exactly the documented stricter set (README, "Upgrading to
 * organizations, teams and workspaces"):
 * - nothing resolves across organizations any more (GLOBEX_TOKEN was another organization's);
 * - a workspace's team was never recorded, so the workspace starts directly in its organization and its
 *   team's secrets resolve once it is moved into the team (PATCH /v1/workspaces/{id} { teamId });
 *   a `teamId` naming another team than the workspace's is refused (422);
 * - a team key now covers its team's workspaces, so it resolves their whole chain.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_TYPES } from '../../src/store/dialect.ts';
import { MIGRATIONS, SCHEMA_MIGRATIONS_DDL } from '../../src/store/migrations.ts';
import { openPostgresDriver } from '../../src/store/postgres.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { call, startServer, type TestServer } from '../support/server.ts';
import { pgUrl, STORE_KINDS, type StoreKind, skipKind } from '../support/stores.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'v3-store');
const fixture = JSON.parse(readFileSync(join(FIXTURE, 'fixture.json'), 'utf8')) as {
  encryptionSecret: string;
  keys: Record<string, string>;
  before: Record<string, string[]>;
};
const NAMES = ['ORG_DB', 'TEAM_KEY', 'WS_KEY', 'OPENAI_API_KEY', 'GLOBEX_TOKEN'];
const TABLES = [
  'meta',
  'secrets',
  'workspace_secrets',
  'api_keys',
  'secret_reads',
  'audit_events',
  'secrets_manager_config',
  'idempotency_keys',
];
const BOOL_COLUMNS = new Set(['cache_hit']);

/** A PostgreSQL database at schema version 3 holding the fixture's rows. */
async function v3OnPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const db = await createTestDatabase(pgUrl() as string);
  const driver = openPostgresDriver({ databaseUrl: db.url });
  const src = new DatabaseSync(join(FIXTURE, 'coffer.db'), { readOnly: true });
  try {
    await driver.withMigrationLock(async (tx) => {
      const t = COLUMN_TYPES.postgres;
      await tx.script(SCHEMA_MIGRATIONS_DDL(t));
      for (const m of MIGRATIONS.filter((x) => x.version <= 3)) {
        await tx.script(m.sql(t));
        await tx.execute('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
      }
      for (const table of TABLES) {
        for (const row of src.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, unknown>>) {
          const cols = Object.keys(row);
          const values = cols.map((c) => (BOOL_COLUMNS.has(c) ? Boolean(row[c]) : row[c]));
          await tx.execute(
            `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
            values,
          );
        }
      }
    });
  } finally {
    src.close();
    await driver.close();
  }
  return db;
}

describe.each(STORE_KINDS)('upgrading a store of the previous release (%s)', (kind: StoreKind) => {
  let srv: TestServer;
  let dataDir: string;
  let drop = async () => {};
  const resolve = async (key: string, body: Record<string, unknown>) =>
    call(srv.url, 'POST', '/v1/secrets:resolve', { key: fixture.keys[key], body: { names: NAMES, ...body } });
  const pairs = (r: { json: { items: Array<{ name: string; value: string }> } }) =>
    r.json.items.map((i) => `${i.name}=${i.value}`);
  const without = (list: string[], ...names: string[]) =>
    list.filter((x) => !names.some((n) => x.startsWith(`${n}=`)));

  beforeAll(async () => {
    if (skipKind(kind)) return;
    dataDir = mkdtempSync(join(tmpdir(), 'coffer-upgrade-'));
    let databaseUrl: string | undefined;
    if (kind === 'sqlite') cpSync(join(FIXTURE, 'coffer.db'), join(dataDir, 'coffer.db'));
    else {
      const db = await v3OnPostgres();
      databaseUrl = db.url;
      drop = db.drop;
    }
    srv = await startServer({
      dataDir,
      ...(databaseUrl ? { databaseUrl, kind } : {}),
      env: {
        COFFER_ENCRYPTION_SECRET: fixture.encryptionSecret,
        COFFER_BOOTSTRAP_API_KEY: fixture.keys.bootstrap,
        COFFER_ORGANIZATION_ID: 'acme',
      },
    });
  });

  afterAll(async () => {
    await srv?.stop();
    await drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(skipKind(kind))(
    'the scopes the rows named are resources, in the organizations their rows imply',
    async () => {
      const key = fixture.keys.bootstrap as string;
      const orgs = await call(srv.url, 'GET', '/v1/organizations', { key });
      expect(orgs.json.items.map((o: { id: string }) => o.id).sort()).toEqual(['acme', 'globex']);
      const teams = await call(srv.url, 'GET', '/v1/teams', { key });
      expect(
        teams.json.items.map((t: { id: string; organizationId: string }) => [t.id, t.organizationId]),
      ).toEqual([['payments', 'acme']]);
      const ws = await call(srv.url, 'GET', '/v1/workspaces/checkout', { key });
      expect(ws.json).toMatchObject({ id: 'checkout', organizationId: 'acme', teamId: null });
      const keys = await call(srv.url, 'GET', '/v1/api-keys?limit=500', { key });
      const byName = Object.fromEntries(
        keys.json.items.map((k: { name: string; organizationId: string; deployment: boolean }) => [
          k.name,
          [k.organizationId, k.deployment],
        ]),
      );
      expect(byName).toEqual({
        'bootstrap-owner': ['acme', true],
        'acme-runtime': ['acme', false],
        'payments-runtime': ['acme', false],
        'checkout-runtime': ['acme', false],
      });
      const globex = await call(srv.url, 'GET', '/v1/secrets', { key: fixture.keys['globex-owner'] });
      expect(globex.json.items.map((s: { name: string }) => s.name)).toEqual(['GLOBEX_TOKEN']);
      const events = await call(srv.url, 'GET', '/v1/audit/events?type=secret.created', {
        key: fixture.keys['globex-owner'],
      });
      expect(events.json.items.map((e: { target: { name: string } }) => e.target.name)).toEqual([
        'GLOBEX_TOKEN',
      ]);
    },
  );

  it.skipIf(skipKind(kind))(
    'every secret resolves for the same callers, minus exactly the documented stricter set',
    async () => {
      // teamId named a team the workspace was never recorded in.
      expect((await resolve('acme-runtime', { workspaceId: 'checkout', teamId: 'payments' })).status).toBe(
        422,
      );
      // Before the move: the workspace resolves its own layers and its organization's, nothing of globex.
      expect(pairs(await resolve('acme-runtime', { workspaceId: 'checkout' }))).toEqual(
        without(fixture.before['acme-runtime'] as string[], 'GLOBEX_TOKEN', 'TEAM_KEY'),
      );
      expect(pairs(await resolve('checkout-runtime', { workspaceId: 'checkout' }))).toEqual(
        without(fixture.before['checkout-runtime'] as string[], 'GLOBEX_TOKEN'),
      );
      const moved = await call(srv.url, 'PATCH', '/v1/workspaces/checkout', {
        key: fixture.keys.bootstrap,
        body: { teamId: 'payments' },
      });
      expect(moved.status).toBe(200);
      // After it, the organization key resolves what it did with teamId, minus the other organization's.
      expect(pairs(await resolve('acme-runtime', { workspaceId: 'checkout' }))).toEqual(
        without(fixture.before['acme-runtime'] as string[], 'GLOBEX_TOKEN'),
      );
      expect(pairs(await resolve('acme-runtime', { workspaceId: 'checkout', teamId: 'payments' }))).toEqual(
        without(fixture.before['acme-runtime'] as string[], 'GLOBEX_TOKEN'),
      );
      // The workspace key now also gets its team's secret; the team key its workspaces' whole chain.
      expect(pairs(await resolve('checkout-runtime', { workspaceId: 'checkout' })).sort()).toEqual(
        [
          ...without(fixture.before['checkout-runtime'] as string[], 'GLOBEX_TOKEN'),
          'TEAM_KEY=team_key-value',
        ].sort(),
      );
      expect(pairs(await resolve('payments-runtime', { workspaceId: 'checkout' }))).toEqual(
        without(fixture.before['acme-runtime'] as string[], 'GLOBEX_TOKEN'),
      );
      // The other organization's owner reaches only its own: it resolves its token in a workspace of globex.
      expect((await resolve('globex-owner', { workspaceId: 'checkout' })).status).toBe(404);
      const g = fixture.keys['globex-owner'] as string;
      expect(
        (await call(srv.url, 'POST', '/v1/workspaces', { key: g, body: { id: 'globex-ws' } })).status,
      ).toBe(201);
      expect(pairs(await resolve('globex-owner', { workspaceId: 'globex-ws' }))).toEqual([
        'GLOBEX_TOKEN=globex_token-value',
      ]);
    },
  );
});

/**
 * openStore: picks the driver (PostgreSQL when databaseUrl is set, else SQLite in dataDir), loads the
 * encryption secret, and — in one transaction under the migration lock — applies pending migrations,
 * checks the encryption canary and, when a previous secret is given, re-encrypts every envelope with the
 * current key. Only then does it hand back the Store.
 */
import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AAD } from '../crypto/bindings.ts';
import { Keyring } from '../crypto/cipher.ts';
import { loadEncryptionSecret, SECRET_FILE_NAME } from '../crypto/secret-file.ts';
import { COLUMN_TYPES } from './dialect.ts';
import type { SqlDriver, SqlExecutor } from './executor.ts';
import { MIGRATIONS, SCHEMA_MIGRATIONS_DDL } from './migrations.ts';
import { openPostgresDriver } from './postgres.ts';
import { SqlStore } from './sql-store.ts';
import { openSqliteDriver, sqlitePath } from './sqlite.ts';
import { type OpenStoreOptions, type Store, StoreStartupError } from './types.ts';

export { SecretValue } from '../crypto/secret-value.ts';
export * from './types.ts';

export const CANARY_META_KEY = 'encryption.canary';
export const CANARY_PLAINTEXT = 'coffer-canary-v1';
export const WRONG_KEY_MESSAGE =
  'the encryption secret does not match the one this data was written with; set COFFER_ENCRYPTION_SECRET_PREVIOUS to rotate';

export interface StartupReport {
  appliedMigrations: number[];
  schemaVersion: number;
  /** How many envelopes were re-encrypted with the current key (0 when no rotation happened). */
  reencrypted: number;
  keyId: string;
  secretSource: 'env' | 'file' | 'generated';
}

export type OpenedStore = Store & { readonly startup: StartupReport; readonly path?: string };

/** Read the store settings from the environment (the CLI can override dataDir/databaseUrl with flags). */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenStoreOptions {
  const pool = env.COFFER_DATABASE_POOL_SIZE ? Number.parseInt(env.COFFER_DATABASE_POOL_SIZE, 10) : undefined;
  const sync = env.COFFER_SQLITE_SYNCHRONOUS?.toUpperCase();
  if (sync !== undefined && sync !== 'NORMAL' && sync !== 'FULL') {
    throw new StoreStartupError('COFFER_SQLITE_SYNCHRONOUS must be NORMAL or FULL');
  }
  if (pool !== undefined && !(pool >= 1 && pool <= 1000)) {
    throw new StoreStartupError('COFFER_DATABASE_POOL_SIZE must be an integer between 1 and 1000');
  }
  return {
    dataDir: env.COFFER_DATA_DIR || './.coffer',
    databaseUrl: env.COFFER_DATABASE_URL || undefined,
    encryptionSecret: env.COFFER_ENCRYPTION_SECRET || undefined,
    previousSecret: env.COFFER_ENCRYPTION_SECRET_PREVIOUS || undefined,
    poolSize: pool,
    sqliteSynchronous: sync,
  };
}

/**
 * A data directory that was used before (it holds encryption.secret) must hold its database: an empty or
 * missing coffer.db there is a lost or truncated store, not a first start, and starting would silently
 * begin again with nothing. `--init-store` says a new store is wanted.
 */
function refuseLostSqliteStore(opts: OpenStoreOptions): void {
  if (opts.databaseUrl || opts.initStore) return;
  const db = sqlitePath({ dataDir: opts.dataDir });
  const usedBefore = existsSync(join(opts.dataDir, SECRET_FILE_NAME));
  const size = existsSync(db) ? statSync(db).size : null;
  const advice =
    'restore it from a backup, or start with --init-store (COFFER_INIT_STORE=1) for a new, empty store';
  if (size === 0) {
    throw new StoreStartupError(`${db} is empty (0 bytes): the store was truncated or replaced; ${advice}.`);
  }
  if (size === null && usedBefore) {
    throw new StoreStartupError(
      `${db} is missing from a data directory that was used before (${SECRET_FILE_NAME} is there); ${advice}.`,
    );
  }
}

export async function openStore(opts: OpenStoreOptions): Promise<OpenedStore> {
  let keyring: Keyring;
  let secretSource: StartupReport['secretSource'];
  refuseLostSqliteStore(opts);
  try {
    const { secret, source } = loadEncryptionSecret(opts.dataDir, opts.encryptionSecret);
    keyring = Keyring.fromSecrets(secret, opts.previousSecret);
    secretSource = source;
  } catch (err) {
    throw new StoreStartupError((err as Error).message);
  }

  const driver: SqlDriver & { path?: string } = opts.databaseUrl
    ? openPostgresDriver({ databaseUrl: opts.databaseUrl, poolSize: opts.poolSize })
    : openSqliteDriver({ dataDir: opts.dataDir, synchronous: opts.sqliteSynchronous });

  try {
    const { applied, reencrypted, macKey } = await driver.withMigrationLock(async (tx) => {
      const applied = await migrate(tx);
      const reencrypted = await checkCanaryAndRotate(tx, keyring);
      const macKey = await loadIdempotencyMacKey(tx, keyring);
      return { applied, reencrypted, macKey };
    });
    const store = SqlStore.create(driver.root, {
      kind: driver.root.dialect,
      keyring,
      macKey,
      ping: () => driver.ping(),
      close: () => driver.close(),
    });
    const startup: StartupReport = {
      appliedMigrations: applied,
      schemaVersion: MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0,
      reencrypted,
      keyId: keyring.current.keyId,
      secretSource,
    };
    return Object.assign(store, { startup, ...(driver.path ? { path: driver.path } : {}) }) as OpenedStore;
  } catch (err) {
    await driver.close().catch(() => {});
    throw err;
  }
}

/** Applies pending migrations inside the caller's transaction; returns the versions applied. */
export async function migrate(tx: SqlExecutor): Promise<number[]> {
  const types = COLUMN_TYPES[tx.dialect];
  await tx.script(SCHEMA_MIGRATIONS_DDL(types));
  const rows = await tx.query<{ version: unknown }>('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((r) => Number(r.version)));
  const latestKnown = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  const newest = Math.max(0, ...done);
  if (newest > latestKnown) {
    throw new StoreStartupError(
      `the database schema (version ${newest}) is newer than this server understands (${latestKnown}); upgrade the server`,
    );
  }
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await tx.script(m.sql(types));
    await m.data?.(tx);
    await tx.execute('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
      m.version,
      m.name,
      new Date().toISOString(),
    ]);
    applied.push(m.version);
  }
  return applied;
}

/**
 * Canary: a known plaintext encrypted with the current key in `meta`. On start:
 *  - absent: first start, write it;
 *  - written with the current key: decrypt it to prove the key (a tampered canary also stops the start);
 *  - written with the previous key (COFFER_ENCRYPTION_SECRET_PREVIOUS): rotate everything;
 *  - anything else: stop with WRONG_KEY_MESSAGE.
 * With a previous key configured, every envelope not written with the current key is re-encrypted (also
 * rows a not-yet-restarted replica wrote with the old key). Returns how many envelopes were rewritten.
 */
export async function checkCanaryAndRotate(tx: SqlExecutor, keyring: Keyring): Promise<number> {
  const rows = await tx.query<{ value: string }>('SELECT value FROM meta WHERE key = ?', [CANARY_META_KEY]);
  const canary = rows[0]?.value;
  const writeCanary = () =>
    tx.execute(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [CANARY_META_KEY, keyring.encrypt(CANARY_PLAINTEXT, AAD.canary())],
    );
  if (canary === undefined) {
    await writeCanary();
    return keyring.previous ? reencryptAll(tx, keyring) : 0;
  }
  let plaintext: string;
  try {
    plaintext = keyring.decrypt(canary, AAD.canary()).reveal();
  } catch {
    throw new StoreStartupError(
      keyring.previous
        ? 'neither COFFER_ENCRYPTION_SECRET nor COFFER_ENCRYPTION_SECRET_PREVIOUS matches the one this data was written with'
        : WRONG_KEY_MESSAGE,
    );
  }
  if (plaintext !== CANARY_PLAINTEXT) throw new StoreStartupError(WRONG_KEY_MESSAGE);
  if (!keyring.previous) return 0;
  let n = 0;
  if (keyring.needsReencrypt(canary)) {
    await writeCanary();
    n++;
  }
  return n + (await reencryptAll(tx, keyring));
}

export const MAC_KEY_META_KEY = 'idempotency.mac-key';

/** The idempotency fingerprint key: created on first start, kept encrypted in `meta`. */
async function loadIdempotencyMacKey(tx: SqlExecutor, keyring: Keyring): Promise<KeyObject> {
  const rows = await tx.query<{ value: string }>('SELECT value FROM meta WHERE key = ?', [MAC_KEY_META_KEY]);
  let raw: string;
  if (rows[0]) {
    raw = keyring.decrypt(rows[0].value, AAD.idempotencyMacKey()).reveal();
  } else {
    raw = randomBytes(32).toString('base64url');
    await tx.execute('INSERT INTO meta (key, value) VALUES (?, ?)', [
      MAC_KEY_META_KEY,
      keyring.encrypt(raw, AAD.idempotencyMacKey()),
    ]);
  }
  return createSecretKey(Buffer.from(raw, 'base64url'));
}

/**
 * Every envelope the store holds, re-encrypted with the current key. The list is the schema's: each column
 * that holds an envelope appears here (server/test/store/rotation.test.ts scans every column of every table
 * to prove no envelope is left behind).
 */
async function reencryptAll(tx: SqlExecutor, keyring: Keyring): Promise<number> {
  let n = 0;
  const macKey = await tx.query<{ value: string }>('SELECT value FROM meta WHERE key = ?', [
    MAC_KEY_META_KEY,
  ]);
  if (macKey[0] && keyring.needsReencrypt(macKey[0].value)) {
    await tx.execute('UPDATE meta SET value = ? WHERE key = ?', [
      keyring.reencrypt(macKey[0].value, AAD.idempotencyMacKey()),
      MAC_KEY_META_KEY,
    ]);
    n++;
  }
  const answers = await tx.query<Record<string, unknown>>(
    "SELECT principal_id, key, response_body FROM idempotency_keys WHERE response_body <> ''",
  );
  for (const r of answers) {
    const env = String(r.response_body);
    if (!keyring.needsReencrypt(env)) continue;
    const row = { principalId: String(r.principal_id), key: String(r.key) };
    await tx.execute('UPDATE idempotency_keys SET response_body = ? WHERE principal_id = ? AND key = ?', [
      keyring.reencrypt(env, AAD.idempotentAnswer(row)),
      r.principal_id,
      r.key,
    ]);
    n++;
  }
  const secrets = await tx.query<Record<string, unknown>>(
    'SELECT id, scope_type, scope_id, name, value_envelope FROM secrets WHERE value_envelope IS NOT NULL',
  );
  for (const r of secrets) {
    const env = String(r.value_envelope);
    if (!keyring.needsReencrypt(env)) continue;
    const aad = AAD.secret({
      id: String(r.id),
      scopeType: r.scope_type as 'organization',
      scopeId: String(r.scope_id),
      name: String(r.name),
    });
    await tx.execute('UPDATE secrets SET value_envelope = ? WHERE id = ?', [
      keyring.reencrypt(env, aad),
      r.id,
    ]);
    n++;
  }
  const overrides = await tx.query<Record<string, unknown>>(
    'SELECT workspace_id, key, value_envelope FROM workspace_secrets',
  );
  for (const r of overrides) {
    const env = String(r.value_envelope);
    if (!keyring.needsReencrypt(env)) continue;
    const aad = AAD.workspaceSecret({ workspaceId: String(r.workspace_id), key: String(r.key) });
    await tx.execute('UPDATE workspace_secrets SET value_envelope = ? WHERE workspace_id = ? AND key = ?', [
      keyring.reencrypt(env, aad),
      r.workspace_id,
      r.key,
    ]);
    n++;
  }
  const cfg = await tx.query<Record<string, unknown>>(
    'SELECT vault_token_envelope FROM secrets_manager_config WHERE id = 1 AND vault_token_envelope IS NOT NULL',
  );
  const tokenEnv = cfg[0]?.vault_token_envelope;
  if (typeof tokenEnv === 'string' && keyring.needsReencrypt(tokenEnv)) {
    await tx.execute('UPDATE secrets_manager_config SET vault_token_envelope = ? WHERE id = 1', [
      keyring.reencrypt(tokenEnv, AAD.configToken()),
    ]);
    n++;
  }
  return n;
}

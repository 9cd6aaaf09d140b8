/** Encryption at rest: values never appear in the SQLite files or in a dump of the PostgreSQL tables. */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenedStore } from '../../src/store/index.ts';
import { makeStoreEnv, type StoreEnv, skipKind } from '../support/stores.ts';

const MARK = 'PLAINTEXT-MARKER-7f3a';

async function writeMarked(store: OpenedStore, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const row = {
      id: randomUUID(),
      scopeType: 'organization' as const,
      scopeId: 'acme',
      name: `VISIBLE_NAME_${i}`,
    };
    await store.secrets.create({
      ...row,
      category: 'provider',
      storageBackend: 'DB',
      valueEnvelope: store.crypto.encryptSecretValue(`${MARK}-${i}-${'v'.repeat(40)}`, row),
    });
  }
  await store.workspaceSecrets.upsert({
    workspaceId: 'ws',
    key: 'OPENAI_API_KEY',
    setBy: 'k',
    expiresAt: null,
    valueEnvelope: store.crypto.encryptWorkspaceValue(`${MARK}-override`, {
      workspaceId: 'ws',
      key: 'OPENAI_API_KEY',
    }),
  });
  await store.config.putSecretsManager(
    { backend: 'VAULT' },
    store.crypto.encryptConfigToken(`${MARK}-vault-token`),
  );
}

describe('encryption at rest', () => {
  let env: StoreEnv | undefined;
  afterEach(async () => {
    await env?.cleanup();
    env = undefined;
  });

  it('sqlite: no plaintext value in the database or WAL files', async () => {
    env = await makeStoreEnv('sqlite');
    const store = await env.open();
    await writeMarked(store, 50);
    const path = store.path as string;
    const scan = () => {
      const files = [path, `${path}-wal`].filter(existsSync);
      const blob = Buffer.concat(files.map((f) => readFileSync(f)));
      return { files, blob };
    };
    const live = scan(); // data still in the WAL, not checkpointed
    expect(live.files).toContain(`${path}-wal`);
    expect(live.blob.includes('VISIBLE_NAME_7')).toBe(true); // positive control: the scan sees the data
    expect(live.blob.includes(MARK)).toBe(false);
    expect(live.blob.includes(Buffer.from(MARK, 'utf16le'))).toBe(false);
    await store.close();
    const closed = scan();
    expect(closed.blob.includes('VISIBLE_NAME_7')).toBe(true);
    expect(closed.blob.includes(MARK)).toBe(false);
  });

  it.skipIf(skipKind('postgres'))('postgres: no plaintext value in any table', async () => {
    env = await makeStoreEnv('postgres');
    const store = await env.open();
    await writeMarked(store, 20);
    await store.close();
    const c = new pg.Client({ connectionString: env.databaseUrl });
    await c.connect();
    try {
      const tables = await c.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      );
      expect(tables.rows.map((t) => t.tablename)).toContain('secrets');
      let dump = '';
      for (const { tablename } of tables.rows) {
        const rows = await c.query(`SELECT t::text AS row FROM "${tablename}" t`);
        dump += rows.rows.map((r) => r.row).join('\n');
      }
      expect(dump).toContain('VISIBLE_NAME_7');
      expect(dump).not.toContain(MARK);
    } finally {
      await c.end();
    }
  });
});

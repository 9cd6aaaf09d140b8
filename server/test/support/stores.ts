import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type OpenedStore, openStore } from '../../src/store/index.ts';
import type { OpenStoreOptions } from '../../src/store/types.ts';
import { createTestDatabase } from './postgres.ts';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

export const TEST_SECRET = 'test-encryption-secret-0123456789-abcdefghijklmnop';

/** The PostgreSQL URL provided by the globalSetup, or null when PostgreSQL is unavailable (non-CI only). */
export function pgUrl(): string | null {
  return inject('cofferPgUrl') ?? null;
}

export function skipKind(kind: StoreKind): boolean {
  return kind === 'postgres' && !pgUrl();
}

export interface StoreEnv {
  dataDir: string;
  databaseUrl: string | undefined;
  open(extra?: Partial<OpenStoreOptions>): Promise<OpenedStore>;
  cleanup(): Promise<void>;
}

/** A fresh, empty environment (temp data dir; for postgres also a fresh database). */
export async function makeStoreEnv(kind: StoreKind): Promise<StoreEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), `coffer-store-${kind}-`));
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (kind === 'postgres') {
    const base = pgUrl();
    if (!base) throw new Error('PostgreSQL unavailable');
    const db = await createTestDatabase(base);
    databaseUrl = db.url;
    drop = db.drop;
  }
  return {
    dataDir,
    databaseUrl,
    open: (extra = {}) => openStore({ dataDir, databaseUrl, encryptionSecret: TEST_SECRET, ...extra }),
    async cleanup() {
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

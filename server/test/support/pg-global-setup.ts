/**
 * vitest globalSetup: one PostgreSQL cluster for the whole server project. Tests read its URL with
 * `inject('cofferPgUrl')` (null when PostgreSQL is unavailable outside CI) and create their own database
 * with createTestDatabase(). In CI (CI=true) a missing PostgreSQL fails the run.
 */
import type { TestProject } from 'vitest/node';
import { findPgBin, type PgCluster, startPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    cofferPgUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.COFFER_TEST_DATABASE_URL;
  if (external) {
    project.provide('cofferPgUrl', external);
    return async () => {};
  }
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  if (!findPgBin()) {
    if (ci) throw new Error('CI: PostgreSQL binaries missing (run scripts/setup.d/20-postgresql.sh)');
    console.warn(
      '\n\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n' +
        '!! PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: PostgreSQL store tests are SKIPPED.\n' +
        '!! Install them with scripts/setup.d/20-postgresql.sh (CI=true makes this a failure).\n' +
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n',
    );
    project.provide('cofferPgUrl', null);
    return async () => {};
  }
  // Binaries present but the cluster does not start: that is a real failure, not a skip.
  const cluster: PgCluster = await startPostgres();
  project.provide('cofferPgUrl', cluster.url);
  process.env.COFFER_TEST_DATABASE_URL = cluster.url;
  return () => cluster.stop();
}

/**
 * vitest globalSetup: one PostgreSQL cluster for the whole server project. Tests read its URL with
 * `inject('cofferPgUrl')` (null when PostgreSQL is unavailable outside CI) and create their own database
 * with createTestDatabase(). In CI a missing PostgreSQL fails the run (scripts/lib/ci.ts).
 */
import type { TestProject } from 'vitest/node';
import { skipUnlessAvailable } from '../../../scripts/lib/ci.ts';
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
  const missing = findPgBin()
    ? []
    : ['PostgreSQL binaries under /usr/lib/postgresql/*/bin (scripts/setup.d/20-postgresql.sh)'];
  if (skipUnlessAvailable('the PostgreSQL store tests', missing)) {
    project.provide('cofferPgUrl', null);
    return async () => {};
  }
  // Binaries present but the cluster does not start: that is a real failure, not a skip.
  const cluster: PgCluster = await startPostgres();
  project.provide('cofferPgUrl', cluster.url);
  process.env.COFFER_TEST_DATABASE_URL = cluster.url;
  return () => cluster.stop();
}

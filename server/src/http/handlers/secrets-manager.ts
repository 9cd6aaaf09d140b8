/** /v1/secrets-manager: the deployment-wide backend configuration, its check, and migrating values into it. */
import { Migration, type MigrationResult, MigrationTargetError } from '../../services/migration.ts';
import { requireDeployment, requireReader } from '../access.ts';
import type { Handler } from '../context.ts';
import { HttpError } from '../problem.ts';
import { event } from './common.ts';

export const getSecretsManager: Handler = async (ctx, s) => {
  requireReader(ctx.principal, 'read the secrets-manager configuration');
  return { status: 200, body: await s.manager.reload() };
};

export const putSecretsManager: Handler = async (ctx, s) => {
  requireDeployment(ctx.principal, 'change the secrets-manager configuration');
  const view = await s.manager.replace(ctx.body as Record<string, unknown>);
  await s.store.audit.appendEvent(
    event(
      ctx.principal,
      ctx,
      'secrets_manager.updated',
      { kind: 'secrets_manager' },
      { backend: view.backend },
    ),
  );
  s.cache.clear();
  return { status: 200, body: view };
};

export const checkSecretsManager: Handler = async (ctx, s) => {
  requireDeployment(ctx.principal, 'check the secrets backend');
  // Really connects: a remote backend logs in and counts Coffer's secrets there.
  const { backend: _backend, ...body } = await s.backendHealth.check();
  return { status: 200, body };
};

export const migrateSecretsManager: Handler = async (ctx, s) => {
  requireDeployment(ctx.principal, 'migrate secrets between backends');
  const b = (ctx.body ?? {}) as { dryRun?: boolean; deleteSource?: boolean };
  const p = ctx.principal;
  const migration = new Migration(s.store, s.manager, s.values, s.directory);
  let result: MigrationResult;
  try {
    result = await migration.run(
      { dryRun: b.dryRun === true, deleteSource: b.deleteSource === true },
      {
        secretMoved: (rec, organizationId, from, to) =>
          event(
            p,
            ctx,
            'secret.updated',
            {
              kind: 'secret',
              id: rec.id,
              name: rec.name,
              scope: { type: rec.scopeType, id: rec.scopeId },
              organizationId,
            },
            { storage: { from, to }, migrated: true },
          ),
        run: (details) => event(p, ctx, 'secrets_manager.migrated', { kind: 'secrets_manager' }, details),
      },
    );
  } catch (err) {
    if (err instanceof MigrationTargetError) throw new HttpError(409, err.message);
    throw err;
  } finally {
    // Values are unchanged, but records moved: no cached entry may outlive its record's storage.
    s.cache.clear();
  }
  return { status: 200, body: result };
};

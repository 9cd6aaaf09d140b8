/** /v1/secrets-manager: the deployment-wide backend configuration. */
import { requireDeployment, requireReader } from '../access.ts';
import type { Handler } from '../context.ts';
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

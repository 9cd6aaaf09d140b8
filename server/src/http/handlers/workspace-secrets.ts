/** /v1/workspaces/{workspaceId}/secrets: provider keys a workspace owner or admin brings. */

import { DuplicateError } from '../../store/types.ts';
import { requireCovers, requireReader, requireWriter } from '../access.ts';
import type { Handler } from '../context.ts';
import { HttpError } from '../problem.ts';
import { workspaceSecretView } from '../views.ts';
import { event, page } from './common.ts';

const DAY_MS = 86_400_000;

function target(ctx: Parameters<Handler>[0]) {
  const workspaceId = ctx.path.workspaceId as string;
  const key = ctx.path.key as string;
  requireCovers(ctx.principal, { type: 'workspace', id: workspaceId });
  return { workspaceId, key };
}

export const putWorkspaceSecret: Handler = async (ctx, s) => {
  requireWriter(ctx.principal, 'set workspace overrides');
  const { workspaceId, key } = target(ctx);
  const b = ctx.body as { value: string; expiresInDays?: number };
  const expiresAt = b.expiresInDays ? new Date(Date.now() + b.expiresInDays * DAY_MS).toISOString() : null;
  const createOnly = ctx.headers['if-none-match'] === '*';
  const { record, created } = await s.store.transaction(async (tx) => {
    const r = await tx.workspaceSecrets
      .upsert({
        workspaceId,
        key,
        setBy: ctx.principal.keyId,
        expiresAt,
        valueEnvelope: s.store.crypto.encryptWorkspaceValue(b.value, { workspaceId, key }),
        createOnly,
      })
      .catch((err: unknown) => {
        if (createOnly && err instanceof DuplicateError) {
          throw new HttpError(412, `Workspace ${workspaceId} already has an override for ${key}.`);
        }
        throw err;
      });
    await tx.audit.appendEvent(
      event(ctx.principal, ctx, 'workspace_secret.put', {
        kind: 'workspace_secret',
        id: `${workspaceId}/${key}`,
        name: key,
        scope: { type: 'workspace', id: workspaceId },
      }),
    );
    return r;
  });
  s.cache.clear();
  return { status: created ? 201 : 200, body: workspaceSecretView(record) };
};

export const listWorkspaceSecrets: Handler = async (ctx, s) => {
  requireReader(ctx.principal, 'list workspace overrides');
  const workspaceId = ctx.path.workspaceId as string;
  requireCovers(ctx.principal, { type: 'workspace', id: workspaceId });
  const r = await s.store.workspaceSecrets.list(workspaceId, page(ctx.query));
  return { status: 200, body: { items: r.items.map(workspaceSecretView), nextCursor: r.nextCursor } };
};

export const getWorkspaceSecret: Handler = async (ctx, s) => {
  requireReader(ctx.principal, 'read workspace overrides');
  const { workspaceId, key } = target(ctx);
  const rec = await s.store.workspaceSecrets.get(workspaceId, key);
  if (!rec) throw new HttpError(404, `Workspace ${workspaceId} has no ${key} override.`);
  return { status: 200, body: workspaceSecretView(rec) };
};

export const deleteWorkspaceSecret: Handler = async (ctx, s) => {
  requireWriter(ctx.principal, 'delete workspace overrides');
  const { workspaceId, key } = target(ctx);
  const deleted = await s.store.transaction(async (tx) => {
    const ok = await tx.workspaceSecrets.delete(workspaceId, key);
    if (ok) {
      await tx.audit.appendEvent(
        event(ctx.principal, ctx, 'workspace_secret.deleted', {
          kind: 'workspace_secret',
          id: `${workspaceId}/${key}`,
          name: key,
          scope: { type: 'workspace', id: workspaceId },
        }),
      );
    }
    return ok;
  });
  if (!deleted) throw new HttpError(404, `Workspace ${workspaceId} has no ${key} override.`);
  s.cache.clear();
  return { status: 204 };
};

/** /v1/workspaces/{workspaceId}/secrets: provider keys a workspace owner or admin brings. */

import { DuplicateError } from '../../store/types.ts';
import { requireReader, requireWriter } from '../access.ts';
import type { Handler } from '../context.ts';
import { HttpError } from '../problem.ts';
import { workspaceSecretView } from '../views.ts';
import { event, page } from './common.ts';
import { scopeForRead, scopeForWrite, stillThere } from './scopes.ts';

const DAY_MS = 86_400_000;

const noWorkspace = (id: string) => () => new HttpError(404, `No workspace with id ${id}.`);

/** A write: the workspace must exist (422 on /path/workspaceId) and be covered (403). */
async function writeTarget(ctx: Parameters<Handler>[0], s: Parameters<Handler>[1]) {
  const workspaceId = ctx.path.workspaceId as string;
  await scopeForWrite(ctx.principal, s, 'workspace', workspaceId, '/path/workspaceId');
  return { workspaceId, key: ctx.path.key as string };
}

/** A read: a workspace that does not exist, or is another organization's, answers 404. */
async function readTarget(ctx: Parameters<Handler>[0], s: Parameters<Handler>[1]) {
  const workspaceId = ctx.path.workspaceId as string;
  await scopeForRead(ctx.principal, s, 'workspace', workspaceId, noWorkspace(workspaceId));
  return { workspaceId, key: ctx.path.key as string };
}

export const putWorkspaceSecret: Handler = async (ctx, s) => {
  requireWriter(ctx.principal, 'set workspace overrides');
  const { workspaceId, key } = await writeTarget(ctx, s);
  const b = ctx.body as { value: string; expiresInDays?: number };
  const expiresAt = b.expiresInDays ? new Date(Date.now() + b.expiresInDays * DAY_MS).toISOString() : null;
  const createOnly = ctx.headers['if-none-match'] === '*';
  const { record, created } = await s.store.transaction(async (tx) => {
    await stillThere(tx, 'workspace', workspaceId, '/path/workspaceId');
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
  const { workspaceId } = await readTarget(ctx, s);
  const r = await s.store.workspaceSecrets.list(workspaceId, page(ctx.query));
  return { status: 200, body: { items: r.items.map(workspaceSecretView), nextCursor: r.nextCursor } };
};

export const getWorkspaceSecret: Handler = async (ctx, s) => {
  requireReader(ctx.principal, 'read workspace overrides');
  const { workspaceId, key } = await readTarget(ctx, s);
  const rec = await s.store.workspaceSecrets.get(workspaceId, key);
  if (!rec) throw new HttpError(404, `Workspace ${workspaceId} has no ${key} override.`);
  return { status: 200, body: workspaceSecretView(rec) };
};

export const deleteWorkspaceSecret: Handler = async (ctx, s) => {
  requireWriter(ctx.principal, 'delete workspace overrides');
  const at = await s.directory.locate('workspace', ctx.path.workspaceId as string);
  if (!at) throw noWorkspace(ctx.path.workspaceId as string)();
  const { workspaceId, key } = await writeTarget(ctx, s);
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

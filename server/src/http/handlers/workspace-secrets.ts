/** /v1/workspaces/{workspaceId}/secrets: provider keys a workspace owner or admin brings. */

import { DuplicateError } from '../../store/types.ts';
import { requireReader, requireWriter } from '../access.ts';
import type { Handler, RequestContext } from '../context.ts';
import { errorReply } from '../error-reply.ts';
import { HttpError, invalid, type Problem } from '../problem.ts';
import { workspaceSecretView } from '../views.ts';
import { event, page } from './common.ts';
import { scopeForRead, scopeForWrite } from './scopes.ts';

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

interface BatchItem {
  workspaceId: string;
  key: string;
  value: string;
  expiresInDays?: number;
  createOnly?: boolean;
}

/** A pointer of the single PUT's problem (`/path/workspaceId`, `/value`) as one into item `i` of the batch. */
function intoItem(problem: Problem, i: number): Problem {
  if (!problem.errors) return problem;
  const errors = problem.errors.map((e) => ({
    ...e,
    pointer: `/items/${i}/${e.pointer.replace(/^\/(path\/)?/, '')}`,
  }));
  return { ...problem, errors };
}

/**
 * POST /v1/workspace-secrets:batchPut: each item as its own PUT, in order (own access check, version and audit
 * event); an item's failure is its result and leaves the others applied. Each item costs one rate-limit token.
 */
export const batchPutWorkspaceSecrets: Handler = async (ctx, s) => {
  requireWriter(ctx.principal, 'set workspace overrides');
  const items = (ctx.body as { items: BatchItem[] }).items;
  const seen = new Map<string, number>();
  const repeats = items.flatMap((it, i) => {
    const id = `${it.workspaceId}/${it.key}`;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    return first === undefined
      ? []
      : [{ pointer: `/items/${i}`, detail: `repeats item ${first} (${id}): each override may appear once` }];
  });
  if (repeats.length) throw invalid(422, repeats, 'request body');
  s.limits.perKey?.charge(ctx.principal.keyId, items.length - 1);

  const results = [];
  for (const [i, it] of items.entries()) {
    const one: RequestContext & { principal: typeof ctx.principal } = {
      ...ctx,
      path: { workspaceId: it.workspaceId, key: it.key },
      headers: it.createOnly ? { 'if-none-match': '*' } : {},
      body:
        it.expiresInDays === undefined
          ? { value: it.value }
          : { value: it.value, expiresInDays: it.expiresInDays },
    };
    try {
      const reply = await putWorkspaceSecret(one, s);
      results.push({ status: reply.status, secret: reply.body });
    } catch (err) {
      const reply = errorReply(err, s, ctx.pathname, ctx.requestId);
      results.push({ status: reply.status, problem: intoItem(reply.body as Problem, i) });
    }
  }
  return { status: 200, body: { results } };
};

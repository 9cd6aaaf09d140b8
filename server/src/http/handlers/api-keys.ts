/** /v1/api-keys: keys with one role on one scope; the token is shown once, only its hash is kept. */
import type { ApiKeyRecord, Page, Role, Store } from '../../store/types.ts';
import { canGrant, covers, reachOf, requireReader, requireWriter, type Scope } from '../access.ts';
import { hashToken, newToken } from '../authenticate.ts';
import type { Handler } from '../context.ts';
import { HttpError } from '../problem.ts';
import { apiKeyView } from '../views.ts';
import { dateField, event, page } from './common.ts';
import { scopeForWrite, stillThere } from './scopes.ts';

const RANK: Record<Role, number> = { owner: 3, admin: 2, member: 1, runtime: 0 };

/**
 * How many unrevoked keys without an expiry, other than `key`, are `like` it. Revoking a permanent owner key
 * (or deployment key) must leave one: a key that expires cannot be the last, or nobody holds that power the
 * day it does.
 */
async function othersLike(
  store: Store,
  key: ApiKeyRecord,
  filter: { scopeType?: 'organization'; scopeId?: string },
  like: (k: ApiKeyRecord) => boolean,
): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const page: Page<ApiKeyRecord> = await store.apiKeys.list({ ...filter, limit: 500, cursor });
    for (const k of page.items) if (k.id !== key.id && !k.revokedAt && !k.expiresAt && like(k)) n++;
    cursor = page.nextCursor;
  } while (cursor && n < 1);
  return n;
}

const otherPermanentOwners = (store: Store, key: ApiKeyRecord) =>
  othersLike(store, key, { scopeType: 'organization', scopeId: key.scopeId }, (k) => k.role === 'owner');

/** The deployment must keep a key that can manage it: an owner or admin deployment key without an expiry. */
const otherPermanentDeploymentKeys = (store: Store, key: ApiKeyRecord) =>
  othersLike(store, key, {}, (k) => k.deployment && (k.role === 'owner' || k.role === 'admin'));

export const createApiKey: Handler = async (ctx, s) => {
  const p = ctx.principal;
  const b = ctx.body as {
    name: string;
    role: Role;
    scope: Scope;
    expiresAt?: string | null;
    deployment?: boolean;
  };
  requireWriter(p, 'create API keys');
  // A deployment key mints keys in any organization (the first owner of a new one); others in their own.
  const at = p.deployment
    ? await s.directory.locate(b.scope.type, b.scope.id)
    : await scopeForWrite(p, s, b.scope.type, b.scope.id, '/scope/id');
  if (!at) {
    throw new HttpError(422, `There is no ${b.scope.type} ${b.scope.id}: create it first.`, [
      { pointer: '/scope/id', detail: `names no ${b.scope.type} that exists` },
    ]);
  }
  if (!canGrant(p, b.role)) throw new HttpError(403, `A ${p.role} key cannot create ${b.role} keys.`);
  if (b.deployment) {
    if (!p.deployment) throw new HttpError(403, 'Only a deployment key can create deployment keys.');
    if (b.scope.type !== 'organization') {
      throw new HttpError(422, 'A deployment key is an organization key.', [
        { pointer: '/deployment', detail: 'needs an organization scope' },
      ]);
    }
  }
  const expiresAt = dateField(b.expiresAt, '/expiresAt') ?? null;
  const { token, prefix } = newToken();
  const rec = await s.store.transaction(async (tx) => {
    await stillThere(tx, b.scope.type, b.scope.id, '/scope/id');
    const r = await tx.apiKeys.create({
      name: b.name,
      role: b.role,
      scopeType: b.scope.type,
      scopeId: b.scope.id,
      prefix,
      tokenHash: hashToken(token),
      expiresAt,
      organizationId: at.organizationId,
      deployment: b.deployment === true,
    });
    await tx.audit.appendEvent(
      event(
        p,
        ctx,
        'api_key.created',
        { kind: 'api_key', id: r.id, name: r.name, scope: b.scope, organizationId: at.organizationId },
        { role: b.role, deployment: r.deployment },
      ),
    );
    return r;
  });
  return { status: 201, body: { ...apiKeyView(rec), token }, sensitive: true };
};

export const listApiKeys: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireReader(p, 'list API keys');
  const within = reachOf(p);
  if (!within) return { status: 200, body: { items: [], nextCursor: null } };
  const r = await s.store.apiKeys.list({ ...page(ctx.query), within });
  return { status: 200, body: { items: r.items.map(apiKeyView), nextCursor: r.nextCursor } };
};

async function coveredKey(ctx: Parameters<Handler>[0], s: Parameters<Handler>[1]) {
  const id = ctx.path.apiKeyId as string;
  const rec = await s.store.apiKeys.get(id);
  // A key on a scope that was deleted still belongs to its organization (and its team, for a team key).
  const at =
    rec &&
    ((await s.directory.locate(rec.scopeType, rec.scopeId)) ??
      (rec.organizationId
        ? {
            type: rec.scopeType,
            id: rec.scopeId,
            organizationId: rec.organizationId,
            teamId: rec.scopeType === 'team' ? rec.scopeId : null,
          }
        : null));
  if (!rec || !at || !covers(ctx.principal, at)) {
    throw new HttpError(404, `No API key with id ${id}.`);
  }
  return rec;
}

export const getApiKey: Handler = async (ctx, s) => {
  requireReader(ctx.principal, 'read API keys');
  return { status: 200, body: apiKeyView(await coveredKey(ctx, s)) };
};

export const revokeApiKey: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireWriter(p, 'revoke API keys');
  const rec = await coveredKey(ctx, s);
  if (rec.revokedAt) throw new HttpError(404, `API key ${rec.id} is already revoked.`);
  if (RANK[rec.role] > RANK[p.role])
    throw new HttpError(403, `A ${p.role} key cannot revoke an ${rec.role} key.`);
  if (
    rec.role === 'owner' &&
    rec.scopeType === 'organization' &&
    !rec.expiresAt &&
    (await otherPermanentOwners(s.store, rec)) === 0
  ) {
    throw new HttpError(
      403,
      'This is the last organization owner key without an expiry; create another one (without expiresAt) before revoking it.',
    );
  }
  if (rec.deployment && !rec.expiresAt && (await otherPermanentDeploymentKeys(s.store, rec)) === 0) {
    throw new HttpError(
      403,
      'This is the last deployment key without an expiry; create another one (deployment: true) before revoking it.',
    );
  }
  await s.store.transaction(async (tx) => {
    await tx.apiKeys.revoke(rec.id);
    await tx.audit.appendEvent(
      event(p, ctx, 'api_key.revoked', {
        kind: 'api_key',
        id: rec.id,
        name: rec.name,
        scope: { type: rec.scopeType, id: rec.scopeId },
      }),
    );
  });
  s.auth.forget(rec.id);
  return { status: 204 };
};

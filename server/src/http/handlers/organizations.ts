/** /v1/organizations: the deployment's hard boundaries, created and deleted by deployment keys. */
import { requireDeployment, requireReader, requireWriter, sameOrganization } from '../access.ts';
import type { Handler } from '../context.ts';
import { HttpError } from '../problem.ts';
import { etag } from '../views.ts';
import { event, ifMatch, page, unlessTaken, updatedOrThrow } from './common.ts';
import { emptyScope, notEmpty, plural } from './scopes.ts';

const notFound = (id: string) => new HttpError(404, `No organization with id ${id}.`);
const target = (id: string) => ({ kind: 'organization', id, name: id, organizationId: null });

export const createOrganization: Handler = async (ctx, s) => {
  requireDeployment(ctx.principal, 'create organizations');
  const b = ctx.body as { id: string; name?: string };
  const rec = await s.store
    .transaction(async (tx) => {
      const r = await tx.organizations.create({ id: b.id, name: b.name ?? b.id });
      await tx.audit.appendEvent(event(ctx.principal, ctx, 'organization.created', target(r.id)));
      return r;
    })
    .catch(unlessTaken('organization', b.id));
  s.cache.clear();
  return {
    status: 201,
    body: rec,
    headers: { etag: etag(rec.revision), location: `/v1/organizations/${rec.id}` },
  };
};

export const listOrganizations: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireReader(p, 'list organizations');
  if (!p.deployment && p.organizationId === null)
    return { status: 200, body: { items: [], nextCursor: null } };
  const only = p.deployment ? undefined : (p.organizationId as string);
  const r = await s.store.organizations.list({ ...page(ctx.query), ...(only ? { only } : {}) });
  return { status: 200, body: r };
};

async function visibleOrganization(ctx: Parameters<Handler>[0], s: Parameters<Handler>[1]) {
  const id = ctx.path.organizationId as string;
  const p = ctx.principal;
  const rec = await s.store.organizations.get(id);
  if (!rec || !(p.deployment || sameOrganization(p, id))) throw notFound(id);
  return rec;
}

export const getOrganization: Handler = async (ctx, s) => {
  requireReader(ctx.principal, 'read organizations');
  const rec = await visibleOrganization(ctx, s);
  return { status: 200, body: rec, headers: { etag: etag(rec.revision) } };
};

export const updateOrganization: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireWriter(p, 'rename organizations');
  const rec = await visibleOrganization(ctx, s);
  if (!p.deployment && p.scope.type !== 'organization') {
    throw new HttpError(403, 'Only an organization or deployment key can rename an organization.');
  }
  const b = ctx.body as { name?: string };
  const r = await s.store.transaction(async (tx) => {
    const u = await tx.organizations.update(rec.id, b, ifMatch(ctx.headers));
    if (u.ok) await tx.audit.appendEvent(event(p, ctx, 'organization.updated', target(rec.id)));
    return u;
  });
  const record = updatedOrThrow(r, 'organization', () => notFound(rec.id));
  return { status: 200, body: record, headers: { etag: etag(record.revision) } };
};

export const deleteOrganization: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireDeployment(p, 'delete organizations');
  const id = ctx.path.organizationId as string;
  if (!(await s.store.organizations.get(id))) throw notFound(id);
  const keys = await s.store.apiKeys.list({ within: { organizationId: id }, limit: 500 });
  if (keys.items.some((k) => k.deployment)) {
    throw new HttpError(
      409,
      `Organization ${id} holds a deployment key; revoke it first (from another deployment key).`,
    );
  }
  const teams = await s.store.teams.list({ organizationId: id, limit: 500 });
  const workspaces = await s.store.workspaces.list({ organizationId: id, limit: 500 });
  const secrets = await s.store.secrets.listOnScope('organization', id);
  if (ctx.query.cascade !== true) {
    const left: string[] = [];
    if (secrets.length) left.push(plural(secrets.length, 'secret'));
    if (teams.items.length) left.push(plural(teams.items.length, 'team'));
    if (workspaces.items.length) left.push(plural(workspaces.items.length, 'workspace'));
    if (left.length) throw notEmpty(`Organization ${id}`, left);
  }
  // Pages of 500 until nothing is left: a cascade removes what it lists, so the first page is always fresh.
  for (;;) {
    const ws = await s.store.workspaces.list({ organizationId: id, limit: 500 });
    for (const w of ws.items) {
      await emptyScope(ctx, s, 'workspace', w.id, id);
      await s.store.workspaces.delete(w.id);
    }
    const ts = await s.store.teams.list({ organizationId: id, limit: 500 });
    for (const t of ts.items) {
      await emptyScope(ctx, s, 'team', t.id, id);
      await s.store.teams.delete(t.id);
    }
    if (ws.items.length === 0 && ts.items.length === 0) break;
  }
  await emptyScope(ctx, s, 'organization', id, id);
  await s.store.transaction(async (tx) => {
    await tx.organizations.delete(id);
    await tx.audit.appendEvent(
      event(p, ctx, 'organization.deleted', target(id), { cascade: ctx.query.cascade === true }),
    );
  });
  s.cache.clear();
  return { status: 204 };
};

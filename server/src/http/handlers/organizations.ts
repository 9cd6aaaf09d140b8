/** /v1/organizations: the deployment's hard boundaries, created and deleted by deployment keys. */
import { requireDeployment, requireReader, requireWriter, sameOrganization } from '../access.ts';
import type { Handler } from '../context.ts';
import { HttpError } from '../problem.ts';
import { etag } from '../views.ts';
import { event, ifMatch, page, unlessTaken, updatedOrThrow } from './common.ts';
import { forgetKeys, notEmpty, plural, removeScope, scopeTarget, withoutLeftoverKeys } from './scopes.ts';

const notFound = (id: string) => new HttpError(404, `No organization with id ${id}.`);
const target = (id: string) => scopeTarget('organization', id, id);

export const createOrganization: Handler = async (ctx, s) => {
  requireDeployment(ctx.principal, 'create organizations');
  const b = ctx.body as { id: string; name?: string };
  const { rec, leftover } = await s.store
    .transaction(async (tx) => {
      const r = await tx.organizations.create({ id: b.id, name: b.name ?? b.id });
      await tx.audit.appendEvent(event(ctx.principal, ctx, 'organization.created', target(r.id)));
      return { rec: r, leftover: await withoutLeftoverKeys(tx, 'organization', r.id) };
    })
    .catch(unlessTaken('organization', b.id));
  forgetKeys(s, leftover);
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
  const contents = await s.store.scopes.contents('organization', id);
  if (contents.deploymentKeys > 0) {
    throw new HttpError(
      409,
      `Organization ${id} holds a deployment key; revoke it first (from another deployment key).`,
    );
  }
  if (ctx.query.cascade !== true) {
    const left: string[] = [];
    if (contents.secrets) left.push(plural(contents.secrets, 'secret'));
    if (contents.teams) left.push(plural(contents.teams, 'team'));
    if (contents.workspaces.length) left.push(plural(contents.workspaces.length, 'workspace'));
    if (left.length) throw notEmpty(`Organization ${id}`, left);
  }
  for (const w of contents.workspaces) await removeScope(ctx, s, 'workspace', w, id, { cascade: true });
  // Pages of 500 until none is left: each page's teams are gone before the next is read.
  for (let page = await s.store.teams.list({ organizationId: id, limit: 500 }); page.items.length > 0; ) {
    for (const t of page.items) await removeScope(ctx, s, 'team', t.id, id, { cascade: true });
    page = await s.store.teams.list({ organizationId: id, limit: 500 });
  }
  await removeScope(ctx, s, 'organization', id, id, { cascade: ctx.query.cascade === true });
  s.cache.clear();
  return { status: 204 };
};

/** /v1/teams: teams of one organization; an organization key manages them, a team key reads and renames its own. */
import type { TeamRecord } from '../../store/types.ts';
import {
  covers,
  reachOf,
  requireCovers,
  requireOrganizationWriter,
  requireReader,
  requireWriter,
} from '../access.ts';
import type { Handler } from '../context.ts';
import { HttpError } from '../problem.ts';
import { etag } from '../views.ts';
import { event, ifMatch, page, unlessTaken, updatedOrThrow } from './common.ts';
import {
  forgetKeys,
  notEmpty,
  plural,
  removeScope,
  scopeForRead,
  scopeForWrite,
  scopeTarget,
  stillThere,
  withoutLeftoverKeys,
} from './scopes.ts';

const notFound = (id: string) => () => new HttpError(404, `No team with id ${id}.`);
const target = (t: TeamRecord) => scopeTarget('team', t.id, t.organizationId);

export const createTeam: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireWriter(p, 'create teams');
  const b = ctx.body as { id: string; organizationId?: string; name?: string };
  const org = await scopeForWrite(
    p,
    s,
    'organization',
    b.organizationId ?? p.organizationId ?? '',
    '/organizationId',
  );
  const { rec, leftover } = await s.store
    .transaction(async (tx) => {
      await stillThere(tx, 'organization', org.id, '/organizationId');
      const r = await tx.teams.create({ id: b.id, organizationId: org.id, name: b.name ?? b.id });
      await tx.audit.appendEvent(event(p, ctx, 'team.created', target(r)));
      return { rec: r, leftover: await withoutLeftoverKeys(tx, 'team', r.id) };
    })
    .catch(unlessTaken('team', b.id));
  forgetKeys(s, leftover);
  // The directory may hold "no such team" for this id (cached from before): it is cleared with the cache.
  s.cache.clear();
  return { status: 201, body: rec, headers: { etag: etag(rec.revision), location: `/v1/teams/${rec.id}` } };
};

export const listTeams: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireReader(p, 'list teams');
  const reach = reachOf(p);
  if (!reach || reach.workspaceId !== undefined) {
    // A workspace key sees its own workspace's team, if it has one.
    const ws = reach ? await s.directory.locate('workspace', reach.workspaceId as string) : null;
    const team = ws?.teamId ? await s.store.teams.get(ws.teamId) : null;
    return { status: 200, body: { items: team ? [team] : [], nextCursor: null } };
  }
  const r = await s.store.teams.list({
    ...page(ctx.query),
    organizationId: reach.organizationId,
    ...(reach.teamId ? { only: reach.teamId } : {}),
  });
  return { status: 200, body: r };
};

export const getTeam: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireReader(p, 'read teams');
  const id = ctx.path.teamId as string;
  if (p.scope.type === 'workspace') {
    const ws = await s.directory.locate('workspace', p.scope.id);
    if (!ws || ws.teamId !== id || !covers(p, ws)) throw notFound(id)();
  } else {
    await scopeForRead(p, s, 'team', id, notFound(id));
  }
  const rec = await s.store.teams.get(id);
  if (!rec) throw notFound(id)();
  return { status: 200, body: rec, headers: { etag: etag(rec.revision) } };
};

export const updateTeam: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireWriter(p, 'rename teams');
  const id = ctx.path.teamId as string;
  const at = await s.directory.locate('team', id);
  if (!at) throw notFound(id)();
  requireCovers(p, at);
  const r = await s.store.transaction(async (tx) => {
    const u = await tx.teams.update(id, ctx.body as { name?: string }, ifMatch(ctx.headers));
    if (u.ok) await tx.audit.appendEvent(event(p, ctx, 'team.updated', target(u.record)));
    return u;
  });
  const record = updatedOrThrow(r, 'team', notFound(id));
  return { status: 200, body: record, headers: { etag: etag(record.revision) } };
};

export const deleteTeam: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireOrganizationWriter(p, 'delete teams');
  const id = ctx.path.teamId as string;
  const at = await s.directory.locate('team', id);
  if (!at) throw notFound(id)();
  requireCovers(p, at);
  const contents = await s.store.scopes.contents('team', id);
  if (ctx.query.cascade !== true) {
    const left: string[] = [];
    if (contents.secrets) left.push(plural(contents.secrets, 'secret'));
    if (contents.workspaces.length) {
      left.push(`${plural(contents.workspaces.length, 'workspace')} (${contents.workspaces.join(', ')})`);
    }
    if (left.length) throw notEmpty(`Team ${id}`, left);
  }
  for (const w of contents.workspaces) {
    await removeScope(ctx, s, 'workspace', w, at.organizationId, { cascade: true });
  }
  await removeScope(ctx, s, 'team', id, at.organizationId, { cascade: ctx.query.cascade === true });
  s.cache.clear();
  return { status: 204 };
};

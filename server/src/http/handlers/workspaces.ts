/**
 * /v1/workspaces: workspaces of one organization, in one of its teams or directly in it. Organization keys
 * manage them all, team keys the ones in their team; a move to another team needs an organization key.
 */
import type { Located } from '../../services/directory.ts';
import type { WorkspaceRecord } from '../../store/types.ts';
import {
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
  scopeTarget,
  stillThere,
  withoutLeftoverKeys,
} from './scopes.ts';

const notFound = (id: string) => () => new HttpError(404, `No workspace with id ${id}.`);
const target = (w: WorkspaceRecord) => scopeTarget('workspace', w.id, w.organizationId);

/** The team a workspace goes into: it must exist in the workspace's organization (422 on /teamId). */
async function teamIn(s: Parameters<Handler>[1], organizationId: string, teamId: string): Promise<void> {
  const team = await s.directory.locate('team', teamId);
  if (!team || team.organizationId !== organizationId) {
    throw new HttpError(422, `There is no team ${teamId} in organization ${organizationId}.`, [
      { pointer: '/teamId', detail: `names no team of organization ${organizationId}` },
    ]);
  }
}

export const createWorkspace: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireWriter(p, 'create workspaces');
  const b = ctx.body as { id: string; organizationId?: string; teamId?: string | null; name?: string };
  const organizationId = b.organizationId ?? p.organizationId ?? '';
  const org = await s.directory.locate('organization', organizationId);
  if (!org) {
    throw new HttpError(422, `There is no organization ${organizationId}.`, [
      { pointer: '/organizationId', detail: 'names no organization that exists' },
    ]);
  }
  const teamId = b.teamId ?? null;
  const place: Located = { type: 'workspace', id: b.id, organizationId, teamId };
  requireCovers(p, place);
  if (p.scope.type === 'workspace') throw new HttpError(403, 'A workspace key cannot create workspaces.');
  if (teamId !== null) await teamIn(s, organizationId, teamId);
  const { rec, leftover } = await s.store
    .transaction(async (tx) => {
      await stillThere(tx, 'organization', organizationId, '/organizationId');
      if (teamId !== null) await stillThere(tx, 'team', teamId, '/teamId');
      const r = await tx.workspaces.create({ id: b.id, organizationId, teamId, name: b.name ?? b.id });
      await tx.audit.appendEvent(event(p, ctx, 'workspace.created', target(r), { teamId }));
      return { rec: r, leftover: await withoutLeftoverKeys(tx, 'workspace', r.id) };
    })
    .catch(unlessTaken('workspace', b.id));
  forgetKeys(s, leftover);
  s.cache.clear();
  return {
    status: 201,
    body: rec,
    headers: { etag: etag(rec.revision), location: `/v1/workspaces/${rec.id}` },
  };
};

export const listWorkspaces: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireReader(p, 'list workspaces');
  const reach = reachOf(p);
  if (!reach) return { status: 200, body: { items: [], nextCursor: null } };
  const teamId = ctx.query.teamId as string | undefined;
  if (reach.teamId !== undefined && teamId !== undefined && teamId !== reach.teamId) {
    throw new HttpError(403, `This key's team scope does not cover team ${teamId}.`);
  }
  const r = await s.store.workspaces.list({
    ...page(ctx.query),
    organizationId: reach.organizationId,
    ...(reach.teamId !== undefined || teamId !== undefined ? { teamId: reach.teamId ?? teamId } : {}),
    ...(reach.workspaceId !== undefined ? { only: reach.workspaceId } : {}),
  });
  return { status: 200, body: r };
};

export const getWorkspace: Handler = async (ctx, s) => {
  requireReader(ctx.principal, 'read workspaces');
  const id = ctx.path.workspaceId as string;
  await scopeForRead(ctx.principal, s, 'workspace', id, notFound(id));
  const rec = await s.store.workspaces.get(id);
  if (!rec) throw notFound(id)();
  return { status: 200, body: rec, headers: { etag: etag(rec.revision) } };
};

/** A write to an existing workspace: 404 when there is none, 403 beyond the key's reach. */
async function writable(ctx: Parameters<Handler>[0], s: Parameters<Handler>[1]): Promise<Located> {
  const id = ctx.path.workspaceId as string;
  const at = await s.directory.locate('workspace', id);
  if (!at) throw notFound(id)();
  requireCovers(ctx.principal, at);
  return at;
}

export const updateWorkspace: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireWriter(p, 'change workspaces');
  const at = await writable(ctx, s);
  const b = ctx.body as { name?: string; teamId?: string | null };
  const moving = b.teamId !== undefined && b.teamId !== at.teamId;
  if (moving) {
    requireOrganizationWriter(p, 'move a workspace to another team');
    if (b.teamId) await teamIn(s, at.organizationId, b.teamId);
  }
  const r = await s.store.transaction(async (tx) => {
    if (moving && b.teamId) await stillThere(tx, 'team', b.teamId, '/teamId');
    const u = await tx.workspaces.update(at.id, b, ifMatch(ctx.headers));
    if (u.ok) {
      await tx.audit.appendEvent(
        moving
          ? event(p, ctx, 'workspace.moved', target(u.record), { fromTeamId: at.teamId, toTeamId: b.teamId })
          : event(p, ctx, 'workspace.updated', target(u.record)),
      );
    }
    return u;
  });
  const record = updatedOrThrow(r, 'workspace', notFound(at.id));
  // A move changes what the workspace resolves: nothing cached for it may survive.
  s.cache.clear();
  return { status: 200, body: record, headers: { etag: etag(record.revision) } };
};

export const deleteWorkspace: Handler = async (ctx, s) => {
  const p = ctx.principal;
  requireWriter(p, 'delete workspaces');
  if (p.scope.type === 'workspace') throw new HttpError(403, 'A workspace key cannot delete workspaces.');
  const at = await writable(ctx, s);
  const contents = await s.store.scopes.contents('workspace', at.id);
  if (ctx.query.cascade !== true) {
    const left: string[] = [];
    if (contents.secrets) left.push(plural(contents.secrets, 'secret'));
    if (contents.overrides) left.push(plural(contents.overrides, 'override'));
    if (left.length) throw notEmpty(`Workspace ${at.id}`, left);
  }
  await removeScope(ctx, s, 'workspace', at.id, at.organizationId, {
    cascade: ctx.query.cascade === true,
    overrides: contents.overrides,
  });
  s.cache.clear();
  return { status: 204 };
};

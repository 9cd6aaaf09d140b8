// coffer orgs|teams|workspaces list|get|create|update|delete (and workspaces move): the scopes secrets live on.
import { CliError, EXIT, usage } from '../exit.ts';
import { done, json, table, when } from '../output.ts';
import type { Ctx } from '../program.ts';
import { checkId } from '../scope.ts';
import { api, extra, str } from './common.ts';

interface Row {
  id: string;
  name: string;
  organizationId?: string;
  teamId?: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

type Kind = 'organization' | 'team' | 'workspace';

function id(args: string[], what: Kind): string {
  const [first] = args;
  if (extra(args, 1).length > 0) throw usage(`one ${what} id at a time`);
  return checkId(first ?? '', `the ${what} id`);
}

function name(opts: Record<string, unknown>): string | undefined {
  const n = str(opts.name);
  if (n === undefined) return undefined;
  if (n.length < 1 || n.length > 128 || !/^\S(.*\S)?$/.test(n))
    throw usage('--name must be 1 to 128 characters without leading or trailing spaces');
  return n;
}

/** `--if-match 3` (a revision) or an ETag as read (`"3"`). */
function ifMatch(opts: Record<string, unknown>): { ifMatch: string } | undefined {
  const v = str(opts.ifMatch);
  if (v === undefined) return undefined;
  if (!/^("?)[0-9]+\1$/.test(v)) throw usage('--if-match must be a revision (a number, or its ETag "3")');
  return { ifMatch: v };
}

/** `--team T`, or `--no-team` for directly in the organization (null); undefined when neither is given. */
function team(opts: Record<string, unknown>): string | null | undefined {
  if (opts.team === false) return null;
  if (opts.team === undefined || opts.team === true) return undefined;
  return checkId(str(opts.team) ?? '', '--team');
}

async function show(ctx: Ctx, kind: Kind, r: Row): Promise<void> {
  if (ctx.json) return json(r);
  const rows: [string, string | number | null | undefined][] = [
    ['id', r.id],
    ['name', r.name],
  ];
  if (kind !== 'organization') rows.push(['organization', r.organizationId]);
  if (kind === 'workspace') rows.push(['team', r.teamId ?? '(none: directly in the organization)']);
  rows.push(['revision', r.revision], ['created', when(r.createdAt)], ['updated', when(r.updatedAt)]);
  await table(['FIELD', 'VALUE'], rows);
}

async function listed(ctx: Ctx, kind: Kind, items: Row[], empty: string): Promise<void> {
  if (ctx.json) return json(items);
  const head = ['ID', 'NAME'];
  if (kind !== 'organization') head.push('ORGANIZATION');
  if (kind === 'workspace') head.push('TEAM');
  head.push('REVISION', 'UPDATED');
  await table(
    head,
    items.map((r) => {
      const cells: (string | number | null | undefined)[] = [r.id, r.name];
      if (kind !== 'organization') cells.push(r.organizationId);
      if (kind === 'workspace') cells.push(r.teamId ?? '-');
      cells.push(r.revision, when(r.updatedAt));
      return cells;
    }),
    empty,
  );
}

/** A delete: 409 means something is left in it (the server's detail names it); say how to go on. */
async function removing(
  ctx: Ctx,
  kind: Kind,
  target: string,
  cascade: boolean,
  call: () => Promise<unknown>,
) {
  try {
    await call();
  } catch (err) {
    const e = err as { status?: number; message?: string; requestId?: string };
    if (e.status === 409 && !cascade) {
      throw new CliError(EXIT.conflict, e.message ?? `${kind} ${target} is not empty`, {
        hint: `delete what is left first, or pass --cascade to delete it all (and revoke the keys on it)`,
        requestId: e.requestId,
        status: 409,
        kind: 'api',
      });
    }
    throw err;
  }
  if (ctx.json) return json({ id: target, deleted: true, cascade });
  done(`deleted ${kind} ${target}${cascade ? ' and everything in it' : ''}`);
}

// coffer orgs ...

export async function orgList(ctx: Ctx): Promise<void> {
  const coffer = await api(ctx);
  await listed(ctx, 'organization', await coffer.organizations.list().toArray(), 'no organizations');
}

export async function orgGet(ctx: Ctx, args: string[]): Promise<void> {
  const org = id(args, 'organization');
  const coffer = await api(ctx);
  await show(ctx, 'organization', await coffer.organizations.get(org));
}

export async function orgCreate(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const org = id(args, 'organization');
  const n = name(opts);
  const coffer = await api(ctx);
  const r = await coffer.organizations.create({ id: org, ...(n !== undefined ? { name: n } : {}) });
  if (ctx.json) return json(r);
  done(
    `created organization ${r.id} (${r.name}); give it an owner key: coffer keys create --scope organization:${r.id} ...`,
  );
}

export async function orgUpdate(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const org = id(args, 'organization');
  const n = name(opts);
  if (n === undefined) throw usage('nothing to update', 'give --name');
  const coffer = await api(ctx);
  const r = await coffer.organizations.update(org, { name: n }, ifMatch(opts));
  if (ctx.json) return json(r);
  done(`renamed organization ${r.id} to ${r.name} (revision ${r.revision})`);
}

export async function orgDelete(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const org = id(args, 'organization');
  const cascade = Boolean(opts.cascade);
  const coffer = await api(ctx);
  await removing(ctx, 'organization', org, cascade, () =>
    coffer.organizations.delete(org, cascade ? { cascade } : undefined),
  );
}

// coffer teams ...

export async function teamList(ctx: Ctx): Promise<void> {
  const coffer = await api(ctx);
  await listed(ctx, 'team', await coffer.teams.list().toArray(), 'no teams');
}

export async function teamGet(ctx: Ctx, args: string[]): Promise<void> {
  const t = id(args, 'team');
  const coffer = await api(ctx);
  await show(ctx, 'team', await coffer.teams.get(t));
}

export async function teamCreate(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const t = id(args, 'team');
  const n = name(opts);
  const org = opts.org !== undefined ? checkId(str(opts.org) ?? '', '--org') : undefined;
  const coffer = await api(ctx);
  const r = await coffer.teams.create({
    id: t,
    ...(org !== undefined ? { organizationId: org } : {}),
    ...(n !== undefined ? { name: n } : {}),
  });
  if (ctx.json) return json(r);
  done(`created team ${r.id} in organization ${r.organizationId}`);
}

export async function teamUpdate(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const t = id(args, 'team');
  const n = name(opts);
  if (n === undefined) throw usage('nothing to update', 'give --name');
  const coffer = await api(ctx);
  const r = await coffer.teams.update(t, { name: n }, ifMatch(opts));
  if (ctx.json) return json(r);
  done(`renamed team ${r.id} to ${r.name} (revision ${r.revision})`);
}

export async function teamDelete(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const t = id(args, 'team');
  const cascade = Boolean(opts.cascade);
  const coffer = await api(ctx);
  await removing(ctx, 'team', t, cascade, () => coffer.teams.delete(t, cascade ? { cascade } : undefined));
}

// coffer workspaces ...

export async function wsList(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const t = opts.team !== undefined ? checkId(str(opts.team) ?? '', '--team') : undefined;
  const coffer = await api(ctx);
  const items = await coffer.workspaces.list(t !== undefined ? { teamId: t } : undefined).toArray();
  await listed(ctx, 'workspace', items, t !== undefined ? `no workspaces in team ${t}` : 'no workspaces');
}

export async function wsGet(ctx: Ctx, args: string[]): Promise<void> {
  const w = id(args, 'workspace');
  const coffer = await api(ctx);
  await show(ctx, 'workspace', await coffer.workspaces.get(w));
}

export async function wsCreate(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const w = id(args, 'workspace');
  const n = name(opts);
  const t = team(opts);
  const org = opts.org !== undefined ? checkId(str(opts.org) ?? '', '--org') : undefined;
  const coffer = await api(ctx);
  const r = await coffer.workspaces.create({
    id: w,
    ...(org !== undefined ? { organizationId: org } : {}),
    ...(t !== undefined ? { teamId: t } : {}),
    ...(n !== undefined ? { name: n } : {}),
  });
  if (ctx.json) return json(r);
  const where = r.teamId
    ? `in team ${r.teamId} (organization ${r.organizationId})`
    : `directly in organization ${r.organizationId}`;
  done(`created workspace ${r.id} ${where}`);
}

async function wsPatch(
  ctx: Ctx,
  w: string,
  body: { name?: string; teamId?: string | null },
  opts: Record<string, unknown>,
): Promise<void> {
  const coffer = await api(ctx);
  const r = await coffer.workspaces.update(w, body, ifMatch(opts));
  if (ctx.json) return json(r);
  const parts: string[] = [];
  if ('teamId' in body) parts.push(r.teamId ? `in team ${r.teamId}` : 'directly in its organization');
  if (body.name !== undefined) parts.push(`named ${r.name}`);
  done(`workspace ${r.id}: ${parts.join(', ')} (revision ${r.revision})`);
}

export async function wsUpdate(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const w = id(args, 'workspace');
  const n = name(opts);
  const t = team(opts);
  if (n === undefined && t === undefined)
    throw usage('nothing to update', 'give --name, --team T (a move) or --no-team');
  await wsPatch(
    ctx,
    w,
    { ...(n !== undefined ? { name: n } : {}), ...(t !== undefined ? { teamId: t } : {}) },
    opts,
  );
}

export async function wsMove(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const w = id(args, 'workspace');
  const t = team(opts);
  if (t === undefined)
    throw usage('--team T or --no-team is required', `e.g. coffer workspaces move ${w} --team risk`);
  await wsPatch(ctx, w, { teamId: t }, opts);
}

export async function wsDelete(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const w = id(args, 'workspace');
  const cascade = Boolean(opts.cascade);
  const coffer = await api(ctx);
  await removing(ctx, 'workspace', w, cascade, () =>
    coffer.workspaces.delete(w, cascade ? { cascade } : undefined),
  );
}

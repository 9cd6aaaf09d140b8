/** Finding the scope a request names, answering as the tenancy rules say, and emptying one for a cascade. */

import type { Located } from '../../services/directory.ts';
import type { ScopeType, Store } from '../../store/types.ts';
import { covers, type Principal, requireCovers } from '../access.ts';
import type { RequestContext, Services } from '../context.ts';
import { HttpError } from '../problem.ts';
import { event } from './common.ts';

/** A scope a write goes into: 422 on `pointer` when it does not exist, 403 when the key does not cover it. */
export async function scopeForWrite(
  p: Principal,
  s: Services,
  type: ScopeType,
  id: string,
  pointer: string,
): Promise<Located> {
  const at = await s.directory.locate(type, id);
  if (!at) {
    throw new HttpError(422, `There is no ${type} ${id}: create it first.`, [
      { pointer, detail: `names no ${type} that exists` },
    ]);
  }
  requireCovers(p, at);
  return at;
}

/**
 * A scope a read looks into: 404 when it does not exist, is another organization's or is beyond the key's
 * scope (a key learns nothing about what it does not reach).
 */
export async function scopeForRead(
  p: Principal,
  s: Services,
  type: ScopeType,
  id: string,
  notFound: () => HttpError,
): Promise<Located> {
  const at = await s.directory.locate(type, id);
  if (!at || !covers(p, at)) throw notFound();
  return at;
}

/** A delete that leaves something behind without `cascade`: 409 naming what is left. */
export function notEmpty(what: string, left: string[]): HttpError {
  return new HttpError(
    409,
    `${what} still holds ${left.join(', ')}; delete them first or pass cascade=true.`,
    undefined,
  );
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What an audit event about an organization, team or workspace names. Organization events are the
 * deployment's; a team's or workspace's belong to its organization.
 */
export function scopeTarget(type: ScopeType, id: string, organizationId: string) {
  return type === 'organization'
    ? { kind: type, id, name: id, organizationId: null }
    : { kind: type, id, name: id, scope: { type, id }, organizationId };
}

/**
 * Inside the transaction that writes into a scope: it must still exist (a delete may have taken it since it
 * was located; 422 on `pointer` as for one that never did). It stays locked until the write commits, so a
 * delete running meanwhile sees the write and refuses (removeScope) instead of leaving it behind for the
 * next holder of the id.
 */
export async function stillThere(tx: Store, type: ScopeType, id: string, pointer: string): Promise<void> {
  if (!(await tx.scopes.lock(type, id, 'write'))) {
    throw new HttpError(422, `There is no ${type} ${id}: create it first.`, [
      { pointer, detail: `names no ${type} that exists` },
    ]);
  }
}

/**
 * A scope created with an id used before starts with no keys. A key minted while the earlier scope was being
 * deleted (its mint found the scope just before the delete committed) would otherwise stay unrevoked and reach
 * whatever later takes the id, in any organization. Run in the creating transaction; returns the keys revoked.
 */
export function withoutLeftoverKeys(tx: Store, type: ScopeType, id: string): Promise<string[]> {
  return tx.scopes.revokeKeysOn(type, id);
}

/** Revoked keys stop working in this process at once (other replicas within the key cache time). */
export function forgetKeys(s: Services, keyIds: string[]): void {
  for (const keyId of keyIds) s.auth.forget(keyId);
}

/**
 * Empties a scope (emptyScope below), deletes it and audits `<type>.deleted` with `details`: the one way a
 * workspace, team or organization goes, alone or in a cascade.
 */
export async function removeScope(
  ctx: RequestContext & { principal: Principal },
  s: Services,
  type: ScopeType,
  id: string,
  organizationId: string,
  details: Record<string, unknown>,
): Promise<void> {
  // A write that located the scope before it was emptied may commit before the row goes. Its secret or
  // override must not outlive the scope (the next holder of the id would resolve it): a cascade empties the
  // scope again, a few times; past that, or without cascade, or for a new team or workspace in it, 409.
  for (let attempt = 1; ; attempt++) {
    await emptyScope(ctx, s, type, id, organizationId);
    const done = await s.store.transaction(async (tx) => {
      const rows = type === 'organization' ? tx.organizations : type === 'team' ? tx.teams : tx.workspaces;
      if (!(await tx.scopes.lock(type, id, 'delete'))) return { keys: [] };
      const left = await tx.scopes.contents(type, id);
      if (left.teams > 0 || left.workspaces.length > 0) return null;
      if (left.secrets > 0 || left.overrides > 0) return details.cascade === true ? 'again' : null;
      if (!(await rows.delete(id))) return { keys: [] };
      await tx.audit.appendEvent(
        event(ctx.principal, ctx, `${type}.deleted`, scopeTarget(type, id, organizationId), details),
      );
      // A key minted since emptyScope revoked the scope's keys goes with the scope.
      return { keys: await tx.scopes.revokeKeysOn(type, id) };
    });
    if (done !== null && done !== 'again') {
      forgetKeys(s, done.keys);
      return;
    }
    if (done === null || attempt === 3) {
      throw new HttpError(
        409,
        `The ${type} ${id} received new contents while it was being deleted; it is still there: retry the delete.`,
      );
    }
  }
}

/**
 * Deletes a scope's secrets (each remote value first, as a single delete does: a backend that is down
 * answers 503 and what is not yet deleted stays, so a retry finishes the job) and, for a workspace, its
 * overrides; each deletion is audited. Then revokes the keys on the scope.
 */
export async function emptyScope(
  ctx: RequestContext & { principal: Principal },
  s: Services,
  type: ScopeType,
  id: string,
  organizationId: string,
): Promise<void> {
  for (const rec of await s.store.secrets.listOnScope(type, id)) {
    await s.values.remove(rec);
    await s.store.transaction(async (tx) => {
      if (!(await tx.secrets.delete(rec.id))) return;
      await tx.audit.appendEvent(
        event(
          ctx.principal,
          ctx,
          'secret.deleted',
          { kind: 'secret', id: rec.id, name: rec.name, scope: { type, id }, organizationId },
          { cascade: true },
        ),
      );
    });
  }
  if (type === 'workspace') await s.store.scopes.deleteOverrides(id);
  for (const keyId of await s.store.scopes.revokeKeysOn(type, id)) s.auth.forget(keyId);
}

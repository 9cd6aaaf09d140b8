/**
 * Who may do what. A key has one role on one scope. A deployment is one organization tree (the store
 * resolves organization secrets as one layer), so an organization key covers every organization, team and
 * workspace scope; a team key covers its team; a workspace key covers its workspace. Nothing else: the API
 * records no team membership of workspaces, so a team key does not reach any workspace.
 */
import type { ApiKeyRecord, Role, ScopeType } from '../store/types.ts';
import { HttpError } from './problem.ts';

export interface Scope {
  type: ScopeType;
  id: string;
}

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
  scope: Scope;
}

export function principalOf(rec: ApiKeyRecord): Principal {
  return { keyId: rec.id, name: rec.name, role: rec.role, scope: { type: rec.scopeType, id: rec.scopeId } };
}

const RANK: Record<Role, number> = { owner: 3, admin: 2, member: 1, runtime: 0 };

export function covers(p: Principal, target: Scope): boolean {
  if (p.scope.type === 'organization') return true;
  return p.scope.type === target.type && p.scope.id === target.id;
}

function isWriter(p: Principal): boolean {
  return p.role === 'owner' || p.role === 'admin';
}

/** May `p` hand out `role`? Only roles at or below its own; admins cannot mint owners. */
export function canGrant(p: Principal, role: Role): boolean {
  return isWriter(p) && RANK[role] <= RANK[p.role];
}

export function requireWriter(p: Principal, what: string): void {
  if (!isWriter(p)) throw new HttpError(403, `A ${p.role} key cannot ${what}.`);
}

/** Metadata reads: every role but runtime, which only resolves. */
export function requireReader(p: Principal, what: string): void {
  if (p.role === 'runtime') throw new HttpError(403, `A runtime key can only resolve secrets, not ${what}.`);
}

export function requireCovers(p: Principal, target: Scope): void {
  if (!covers(p, target)) {
    throw new HttpError(403, `This key's ${p.scope.type} scope does not cover ${target.type} ${target.id}.`);
  }
}

export function requireOrganizationWriter(p: Principal, what: string): void {
  requireWriter(p, what);
  if (p.scope.type !== 'organization') throw new HttpError(403, `Only an organization key can ${what}.`);
}

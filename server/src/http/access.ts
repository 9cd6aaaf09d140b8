/**
 * Who may do what. A key has one role on one scope of one organization, and never reaches another
 * organization. An organization key covers the organization and everything in it; a team key covers the
 * team and the workspaces that are in it now; a workspace key covers its workspace. A deployment key (the
 * bootstrap key, or one it made with `deployment: true`) may also manage organizations and the
 * secrets-manager configuration and mint keys in any organization; it reads no organization's data unless
 * its own scope covers it.
 */

import type { Located } from '../services/directory.ts';
import type { ApiKeyRecord, Reach, Role, ScopeType } from '../store/types.ts';
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
  /** Null: the key's scope did not exist when it was made (it covers nothing). */
  organizationId: string | null;
  deployment: boolean;
}

export function principalOf(rec: ApiKeyRecord): Principal {
  return {
    keyId: rec.id,
    name: rec.name,
    role: rec.role,
    scope: { type: rec.scopeType, id: rec.scopeId },
    organizationId: rec.organizationId,
    deployment: rec.deployment,
  };
}

const RANK: Record<Role, number> = { owner: 3, admin: 2, member: 1, runtime: 0 };

export function sameOrganization(p: Principal, organizationId: string): boolean {
  return p.organizationId !== null && p.organizationId === organizationId;
}

export function covers(p: Principal, target: Located): boolean {
  if (!sameOrganization(p, target.organizationId)) return false;
  switch (p.scope.type) {
    case 'organization':
      return true;
    case 'team':
      return target.type !== 'organization' && target.teamId === p.scope.id;
    case 'workspace':
      return target.type === 'workspace' && target.id === p.scope.id;
  }
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

/** A write into `target`: another organization's scope answers 403 like one the key does not cover. */
export function requireCovers(p: Principal, target: Located): void {
  if (!sameOrganization(p, target.organizationId)) {
    throw new HttpError(403, `This key belongs to another organization than ${target.type} ${target.id}.`);
  }
  if (!covers(p, target)) {
    throw new HttpError(403, `This key's ${p.scope.type} scope does not cover ${target.type} ${target.id}.`);
  }
}

export function requireOrganizationWriter(p: Principal, what: string): void {
  requireWriter(p, what);
  if (p.scope.type !== 'organization') throw new HttpError(403, `Only an organization key can ${what}.`);
}

/** Deployment-level acts: organizations, the secrets-manager configuration. */
export function requireDeployment(p: Principal, what: string): void {
  requireWriter(p, what);
  if (!p.deployment) throw new HttpError(403, `Only a deployment key can ${what}.`);
}

/** What the key reaches, as the store filters by it; null for a key in no organization (it reaches nothing). */
export function reachOf(p: Principal): Reach | null {
  const organizationId = p.organizationId;
  if (organizationId === null) return null;
  if (p.scope.type === 'team') return { organizationId, teamId: p.scope.id };
  if (p.scope.type === 'workspace') return { organizationId, workspaceId: p.scope.id };
  return { organizationId };
}

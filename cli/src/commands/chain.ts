// Resolving a workspace's chain, as `resolve` works today: the names of the workspace's overrides and of
// the secrets of the workspace, the team (when --team is given) and the organization, then one resolve
// per 100 names. When the tenancy issue lets the server walk the chain itself, only this file changes.
import type { Coffer } from '@coffer/sdk';
import { CliError, EXIT } from '../exit.ts';

export interface Resolved {
  name: string;
  value: { reveal(): string };
  source: string;
  scope: { type: string; id: string };
  version: number;
  expiresAt: string | null;
}

const CHUNK = 100;

export async function chainNames(
  coffer: Coffer,
  workspaceId: string,
  teamId: string | undefined,
): Promise<string[]> {
  const names = new Set<string>();
  try {
    for await (const o of coffer.workspaceSecrets.list(workspaceId)) names.add(o.key);
    const scopes: { scopeType: 'workspace' | 'team' | 'organization'; scopeId?: string }[] = [
      { scopeType: 'workspace', scopeId: workspaceId },
      { scopeType: 'organization' },
    ];
    if (teamId) scopes.push({ scopeType: 'team', scopeId: teamId });
    for (const q of scopes) for await (const s of coffer.secrets.list(q)) names.add(s.name);
  } catch (err) {
    if ((err as { status?: number }).status === 403) {
      throw new CliError(
        EXIT.permission,
        'this key cannot list the names in the chain (a runtime key only resolves)',
        {
          hint: 'name them: --only NAME,NAME',
          requestId: (err as { requestId?: string }).requestId,
          status: 403,
          kind: 'api',
        },
      );
    }
    throw err;
  }
  return [...names].sort();
}

export async function resolveAll(
  coffer: Coffer,
  workspaceId: string,
  teamId: string | undefined,
  names: string[],
  onChunk?: (done: number) => void,
): Promise<{ items: Resolved[]; missing: string[] }> {
  const items: Resolved[] = [];
  const missing: string[] = [];
  for (let i = 0; i < names.length; i += CHUNK) {
    const part = names.slice(i, i + CHUNK);
    const r = await coffer.secrets.resolve({ workspaceId, ...(teamId ? { teamId } : {}), names: part });
    items.push(...(r.items as unknown as Resolved[]));
    missing.push(...r.missing);
    onChunk?.(Math.min(i + CHUNK, names.length));
  }
  return { items, missing };
}

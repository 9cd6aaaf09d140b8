// Resolving a workspace's chain. The server walks it (override > workspace > the workspace's team > its
// organization); listing every name of it (for `run` and `export` without --only) reads the workspace record
// for its team and organization, then lists the overrides and the secrets of those three scopes. Resolving
// goes 100 names a call.
import type { Coffer } from '@coffer/sdk';
import { CliError, EXIT } from '../exit.ts';
import { note } from '../output.ts';

export interface Resolved {
  name: string;
  value: { reveal(): string };
  source: string;
  scope: { type: string; id: string };
  version: number;
  expiresAt: string | null;
}

const CHUNK = 100;

/** `--team` of resolve, run and export: the team is the workspace's own now, so the flag is ignored, with a warning. */
export function warnDeprecatedTeam(opts: Record<string, unknown>, workspaceId: string): void {
  if (opts.team === undefined) return;
  note(
    `warning: --team is deprecated and ignored: workspace ${workspaceId} resolves its own team's secrets (\`coffer workspaces get ${workspaceId}\` shows which)`,
  );
}

export async function chainNames(coffer: Coffer, workspaceId: string): Promise<string[]> {
  const names = new Set<string>();
  try {
    const ws = await coffer.workspaces.get(workspaceId);
    for await (const o of coffer.workspaceSecrets.list(workspaceId)) names.add(o.key);
    const scopes: { scopeType: 'workspace' | 'team' | 'organization'; scopeId: string }[] = [
      { scopeType: 'workspace', scopeId: workspaceId },
      { scopeType: 'organization', scopeId: ws.organizationId },
    ];
    if (ws.teamId) scopes.push({ scopeType: 'team', scopeId: ws.teamId });
    for (const q of scopes) for await (const s of coffer.secrets.list(q)) names.add(s.name);
  } catch (err) {
    const e = err as { status?: number; requestId?: string };
    if (e.status === 403) {
      throw new CliError(
        EXIT.permission,
        'this key cannot list the names in the chain (a runtime key only resolves)',
        { hint: 'name them: --only NAME,NAME', requestId: e.requestId, status: 403, kind: 'api' },
      );
    }
    if (e.status === 404) {
      throw new CliError(EXIT.notFound, `no workspace ${workspaceId}`, {
        hint: 'see `coffer workspaces list`, or create it: `coffer workspaces create ID --team T`',
        requestId: e.requestId,
        status: 404,
        kind: 'api',
      });
    }
    throw err;
  }
  // Names become environment variables and .env lines: one that is not a variable name is never used.
  const { SECRET_NAME } = await import('@coffer/sdk/rules');
  if ([...names].some((n) => !SECRET_NAME.test(n))) {
    throw new CliError(EXIT.failure, 'the server listed a name that is not an environment-variable name', {
      hint: 'check COFFER_BASE_URL: is it the Coffer server you meant?',
      kind: 'api',
    });
  }
  return [...names].sort();
}

export async function resolveAll(
  coffer: Coffer,
  workspaceId: string,
  names: string[],
  onChunk?: (done: number) => void,
): Promise<{ items: Resolved[]; missing: string[] }> {
  const items: Resolved[] = [];
  const missing: string[] = [];
  for (let i = 0; i < names.length; i += CHUNK) {
    const part = names.slice(i, i + CHUNK);
    const r = await coffer.secrets.resolve({ workspaceId, names: part });
    // Only names asked for become variables or .env lines: an answer cannot add LD_PRELOAD, nor smuggle
    // `=` or a newline in a name. Such an answer is refused whole, its names not quoted.
    const asked = new Set(part);
    const unasked = (r.items as unknown as Resolved[]).filter((x) => !asked.has(x.name)).length;
    if (unasked > 0) {
      throw new CliError(
        EXIT.failure,
        `the server answered ${unasked} name(s) that were not asked for; nothing was used`,
        { hint: 'check COFFER_BASE_URL: is it the Coffer server you meant?', kind: 'api' },
      );
    }
    items.push(...(r.items as unknown as Resolved[]));
    missing.push(...r.missing);
    onChunk?.(Math.min(i + CHUNK, names.length));
  }
  return { items, missing };
}

// coffer overrides list|set|delete --workspace W
import { SCOPE_ID, WORKSPACE_SECRET_KEYS } from '@coffer/sdk/rules';
import { usage } from '../exit.ts';
import { readValue, refuseArgv } from '../input.ts';
import { done, json, table, when } from '../output.ts';
import type { Ctx } from '../program.ts';
import { checkId } from '../scope.ts';
import { api, extra, int, str } from './common.ts';

interface OverrideView {
  workspaceId: string;
  key: string;
  version: number;
  updatedAt: string;
  expiresAt: string | null;
  setBy: string;
}

function key(k: string | undefined): string {
  if (!k || !WORKSPACE_SECRET_KEYS.includes(k as never)) {
    throw usage('unknown override key', `one of ${WORKSPACE_SECRET_KEYS.join(', ')}`);
  }
  return k;
}

export async function list(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const ws = checkId(str(opts.workspace) ?? '', '--workspace');
  const coffer = await api(ctx);
  const items = (await coffer.workspaceSecrets.list(ws).toArray()) as OverrideView[];
  if (ctx.json) return json(items);
  await table(
    ['KEY', 'VERSION', 'UPDATED', 'EXPIRES', 'SET BY'],
    items.map((o) => [o.key, o.version, when(o.updatedAt), when(o.expiresAt), o.setBy]),
    `no overrides in workspace ${ws}`,
  );
}

export async function set(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const k = args[0] ?? '';
  // The advice quotes the key and workspace only when valid: a value typed in their place is never echoed.
  const shownKey = WORKSPACE_SECRET_KEYS.includes(k as never) ? k : 'KEY';
  const shownWs = SCOPE_ID.test(str(opts.workspace) ?? '') ? str(opts.workspace) : 'W';
  refuseArgv(`coffer overrides set ${shownKey} --workspace ${shownWs}`, opts, extra(args, 1));
  const ws = checkId(str(opts.workspace) ?? '', '--workspace');
  key(k);
  const days = int(opts.expiresInDays, '--expires-in-days', 1, 3650);
  const { Secret } = await import('@coffer/sdk');
  const value = new Secret((await readValue(opts, `value of ${k}`, true)) as string);
  const coffer = await api(ctx);
  const o = (await coffer.workspaceSecrets.put(
    ws,
    k,
    { value, ...(days !== undefined ? { expiresInDays: days } : {}) },
    opts.createOnly ? { ifNoneMatch: '*' } : undefined,
  )) as OverrideView;
  if (ctx.json) return json(o);
  done(`set ${o.key} in workspace ${o.workspaceId} (version ${o.version})`);
}

export async function remove(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const ws = checkId(str(opts.workspace) ?? '', '--workspace');
  const k = key(args[0]);
  const coffer = await api(ctx);
  await coffer.workspaceSecrets.delete(ws, k);
  if (ctx.json) return json({ workspaceId: ws, key: k, deleted: true });
  done(`deleted ${k} from workspace ${ws}`);
}

// coffer audit reads|events [--since] [--until] [--name] [--type] [--limit] [--json]

import { usage } from '../exit.ts';
import { json, scopeText, table, when } from '../output.ts';
import type { Ctx } from '../program.ts';
import { checkName } from '../scope.ts';
import { parseWhen } from '../time.ts';
import { api, int, str } from './common.ts';

function filters(opts: Record<string, unknown>): { query: Record<string, string | number>; max: number } {
  const query: Record<string, string | number> = {};
  if (opts.since !== undefined) query.from = parseWhen(str(opts.since) ?? '', '--since');
  if (opts.until !== undefined) query.to = parseWhen(str(opts.until) ?? '', '--until');
  if (opts.name !== undefined) query.name = checkName(str(opts.name) ?? '', '--name');
  const max = int(opts.limit, '--limit', 1, 100_000) ?? 100;
  query.limit = Math.min(max, 500);
  return { query, max };
}

async function take<T>(iter: AsyncIterable<T>, max: number): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iter) {
    out.push(x);
    if (out.length >= max) break;
  }
  return out;
}

interface Principal {
  apiKeyId: string;
  name: string;
}

export async function reads(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const { query, max } = filters(opts);
  const coffer = await api(ctx);
  const items = await take(coffer.audit.secretReads(query as never), max);
  if (ctx.json) return json(items);
  await table(
    ['AT', 'NAME', 'SCOPE', 'SOURCE', 'BACKEND', 'CACHE', 'BY', 'REQUEST ID'],
    items.map((r) => [
      when(r.at),
      r.secretName,
      scopeText(r.scope),
      r.source,
      r.backend,
      r.cacheHit ? 'hit' : 'miss',
      (r.principal as Principal | null)?.name,
      r.requestId,
    ]),
    'no reads',
  );
}

export async function events(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const { query, max } = filters(opts);
  if (opts.type !== undefined) {
    const t = str(opts.type) ?? '';
    if (!/^[a-z_]+\.[a-z_]+$/.test(t))
      throw usage('--type: e.g. secret.updated, api_key.created, auth.failed');
    query.type = t;
  }
  const coffer = await api(ctx);
  const items = await take(coffer.audit.events(query as never), max);
  if (ctx.json) return json(items);
  await table(
    ['AT', 'TYPE', 'TARGET', 'SCOPE', 'BY', 'REQUEST ID'],
    items.map((e) => [
      when(e.at),
      e.type,
      e.target.name ?? e.target.id ?? e.target.kind,
      scopeText(e.target.scope),
      (e.principal as Principal | null)?.name,
      e.requestId,
    ]),
    'no events',
  );
}

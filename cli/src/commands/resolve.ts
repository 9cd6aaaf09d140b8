// coffer resolve --workspace W NAME... [--reveal]

import { formatDotenv } from '../dotenv.ts';
import { EXIT } from '../exit.ts';
import { json, line, note, scopeText, table, when } from '../output.ts';
import type { Ctx } from '../program.ts';
import { checkId, checkName } from '../scope.ts';
import { resolveAll, warnDeprecatedTeam } from './chain.ts';
import { api, str } from './common.ts';

export async function resolve(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<number> {
  const ws = checkId(str(opts.workspace) ?? '', '--workspace');
  warnDeprecatedTeam(opts, ws);
  const names = [...new Set(args)];
  for (const [i, n] of names.entries()) checkName(n, `name (argument ${i + 1})`);
  const coffer = await api(ctx);
  const { items, missing } = await resolveAll(coffer, ws, names);
  const reveal = Boolean(opts.reveal);
  if (ctx.json) {
    json({
      items: items.map((r) => ({
        name: r.name,
        ...(reveal ? { value: r.value.reveal() } : {}),
        source: r.source,
        scope: r.scope,
        version: r.version,
        expiresAt: r.expiresAt,
      })),
      missing,
    });
  } else if (reveal) {
    line(
      formatDotenv(
        items.map((r) => [r.name, r.value.reveal()]),
        'use --json',
      ).trimEnd(),
    );
  } else {
    await table(
      ['NAME', 'SOURCE', 'SCOPE', 'VERSION', 'EXPIRES'],
      items.map((r) => [r.name, r.source, scopeText(r.scope), r.version, when(r.expiresAt)]),
      'nothing resolved',
    );
    if (items.length > 0) note('(values hidden: add --reveal to print them)');
  }
  if (missing.length > 0) {
    if (!ctx.json) note(`missing: ${missing.join(', ')}`);
    return EXIT.negative;
  }
  return EXIT.ok;
}

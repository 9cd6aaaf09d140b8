// coffer keys create|list|revoke
import { usage } from '../exit.ts';
import { done, json, line, note, scopeText, table, when } from '../output.ts';
import type { Ctx } from '../program.ts';
import { parseScope } from '../scope.ts';
import { api, str } from './common.ts';

const ROLES = ['owner', 'admin', 'member', 'runtime'];

export async function create(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const role = str(opts.role) ?? '';
  if (!ROLES.includes(role)) throw usage(`--role must be one of ${ROLES.join(', ')}`);
  const scope = parseScope(str(opts.scope));
  const body: Record<string, unknown> = { name: str(opts.name), role, scope };
  if (opts.expiresAt !== undefined) body.expiresAt = str(opts.expiresAt);
  const coffer = await api(ctx);
  const created = await coffer.apiKeys.create(body as never);
  const { token, ...meta } = created as unknown as { token: { reveal(): string } } & Record<string, unknown>;
  if (ctx.json) return json({ ...meta, token: token.reveal() });
  note(
    `created key ${String(meta.name)} (${role} on ${scopeText(scope)}, id ${String(meta.id)}); its token, shown once:`,
  );
  line(token.reveal());
}

export async function list(ctx: Ctx): Promise<void> {
  const coffer = await api(ctx);
  const items = await coffer.apiKeys.list().toArray();
  if (ctx.json) return json(items);
  await table(
    ['NAME', 'ROLE', 'SCOPE', 'PREFIX', 'LAST USED', 'EXPIRES', 'REVOKED', 'ID'],
    items.map((k) => [
      k.name,
      k.role,
      scopeText(k.scope),
      k.prefix,
      when(k.lastUsedAt),
      when(k.expiresAt),
      when(k.revokedAt),
      k.id,
    ]),
    'no keys',
  );
}

export async function revoke(ctx: Ctx, args: string[]): Promise<void> {
  const id = args[0] ?? '';
  const coffer = await api(ctx);
  const r = await coffer.apiKeys.revoke(id);
  if (ctx.json) return json(r ?? { id, revoked: true });
  done(`revoked key ${id}`);
}

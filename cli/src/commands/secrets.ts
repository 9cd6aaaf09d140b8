// coffer secrets list|get|create|update|delete
import { SECRET_CATEGORIES } from '@coffer/sdk/rules';
import { usage } from '../exit.ts';
import { readValue, refuseArgv } from '../input.ts';
import { done, json, scopeText, table, when } from '../output.ts';
import type { Ctx } from '../program.ts';
import { checkName, parseScope, validScope } from '../scope.ts';
import { api, extra, secretId, str } from './common.ts';

interface SecretView {
  id: string;
  name: string;
  scope: { type: string; id: string };
  category?: string | null;
  description?: string | null;
  version: number;
  revision?: number;
  updatedAt: string;
  expiresAt?: string | null;
  storage?: { backend: string; reference: string | null };
}

function category(v: unknown): (typeof SECRET_CATEGORIES)[number] | undefined {
  const c = str(v);
  if (c === undefined) return undefined;
  if (!SECRET_CATEGORIES.includes(c as never))
    throw usage(`--category must be one of ${SECRET_CATEGORIES.join(', ')}`);
  return c as (typeof SECRET_CATEGORIES)[number];
}

function expiry(v: unknown): string | null | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  if (s === 'never' || s === 'none') return null;
  if (Number.isNaN(Date.parse(s)) || !/^\d{4}-\d\d-\d\dT/.test(s)) {
    throw usage('--expires-at must be an RFC 3339 date-time, e.g. 2027-01-31T00:00:00Z (or "never")');
  }
  return s;
}

async function show(ctx: Ctx, s: SecretView): Promise<void> {
  if (ctx.json) return json(s);
  await table(
    ['FIELD', 'VALUE'],
    [
      ['id', s.id],
      ['name', s.name],
      ['scope', scopeText(s.scope)],
      ['category', s.category],
      ['description', s.description],
      ['version', s.version],
      ['revision', s.revision],
      ['backend', s.storage?.backend],
      ['updated', when(s.updatedAt)],
      ['expires', when(s.expiresAt)],
    ],
  );
}

export async function list(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const query: Record<string, string> = {};
  if (opts.scope !== undefined) {
    const scope = parseScope(str(opts.scope));
    query.scopeType = scope.type;
    query.scopeId = scope.id;
  } else if (opts.scopeType !== undefined)
    query.scopeType = parseScope(`${str(opts.scopeType)}:x`, '--scope-type').type;
  if (opts.prefix !== undefined) query.namePrefix = checkName(str(opts.prefix) ?? '', '--prefix');
  const c = category(opts.category);
  if (c) query.category = c;
  const coffer = await api(ctx);
  const items = (await coffer.secrets.list(query).toArray()) as SecretView[];
  if (ctx.json) return json(items);
  await table(
    ['NAME', 'SCOPE', 'CATEGORY', 'VERSION', 'BACKEND', 'UPDATED', 'ID'],
    items.map((s) => [
      s.name,
      scopeText(s.scope),
      s.category,
      s.version,
      s.storage?.backend,
      when(s.updatedAt),
      s.id,
    ]),
    'no secrets',
  );
}

export async function get(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const coffer = await api(ctx);
  const id = await secretId(coffer, args[0] ?? '', opts.scope);
  await show(ctx, (await coffer.secrets.get(id)) as SecretView);
}

export async function create(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const name = args[0] ?? '';
  checkName(name);
  // The advice quotes --scope only when valid: a value typed in its place is never echoed.
  const shownScope = validScope(str(opts.scope)) ? str(opts.scope) : 'TYPE:ID';
  refuseArgv(`coffer secrets create ${name} --scope ${shownScope}`, opts, extra(args, 1));
  const scope = parseScope(str(opts.scope));
  const body: Record<string, unknown> = { name, scope };
  const c = category(opts.category);
  if (c) body.category = c;
  if (opts.description !== undefined) body.description = str(opts.description);
  const exp = expiry(opts.expiresAt);
  if (exp !== undefined) body.expiresAt = exp;
  const vaultRef = str(opts.vaultRef);
  if (vaultRef !== undefined) body.vaultRef = vaultRef;
  if (vaultRef === undefined && !opts.withoutValue) {
    const { Secret } = await import('@coffer/sdk');
    body.value = new Secret((await readValue(opts, `value of ${name}`, true)) as string);
  }
  const coffer = await api(ctx);
  const created = (await coffer.secrets.create(body as never)) as SecretView;
  if (ctx.json) return json(created);
  done(
    `created ${created.name} in ${scopeText(created.scope)} (version ${created.version}, id ${created.id})`,
  );
}

export async function update(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  refuseArgv('coffer secrets update SECRET', opts, extra(args, 1));
  const body: Record<string, unknown> = {};
  const c = category(opts.category);
  if (c) body.category = c;
  if (opts.description !== undefined) body.description = str(opts.description);
  const exp = expiry(opts.expiresAt);
  if (exp !== undefined) body.expiresAt = exp;
  const coffer = await api(ctx);
  const id = await secretId(coffer, args[0] ?? '', opts.scope);
  const value = await readValue(opts, 'new value', false);
  if (value !== undefined) {
    const { Secret } = await import('@coffer/sdk');
    body.value = new Secret(value);
  }
  if (Object.keys(body).length === 0) {
    throw usage(
      'nothing to update',
      'give a new value (--stdin, --from-file, --prompt) or --category, --description, --expires-at',
    );
  }
  const ifMatch = str(opts.ifMatch);
  const updated = (await coffer.secrets.update(
    id,
    body as never,
    ifMatch ? { ifMatch } : undefined,
  )) as SecretView;
  if (ctx.json) return json(updated);
  done(
    `updated ${updated.name} in ${scopeText(updated.scope)} (version ${updated.version}, revision ${updated.revision ?? '-'})`,
  );
}

export async function remove(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const coffer = await api(ctx);
  const id = await secretId(coffer, args[0] ?? '', opts.scope);
  await coffer.secrets.delete(id);
  if (ctx.json) return json({ id, deleted: true });
  done(`deleted secret ${args[0]}`);
}

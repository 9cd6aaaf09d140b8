// coffer secrets-manager get|set|check
import { CliError, EXIT, usage } from '../exit.ts';
import { MAX_BODY_BYTES, readBytes, utf8 } from '../input.ts';
import { done, json, table, when } from '../output.ts';
import type { Ctx } from '../program.ts';
import { api, int, str } from './common.ts';

const BACKENDS = ['DB', 'VAULT', 'READONLY_VAULT', 'AWS_SECRETS_MANAGER', 'ENV'];

async function configFrom(opts: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
  let text: string | undefined;
  if (opts.stdin || opts.fromFile !== undefined) {
    const where = opts.stdin ? 'the configuration on stdin' : 'the configuration in --from-file';
    text = utf8(await readBytes(opts.stdin ? '-' : (str(opts.fromFile) ?? ''), MAX_BODY_BYTES, where), where);
  }
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error();
    return v as Record<string, unknown>;
  } catch {
    // Not quoted: the document may hold a Vault token.
    throw usage('the configuration is not a JSON object');
  }
}

interface ConfigView {
  backend: string;
  effectiveBackend: string;
  fallbackReason: string | null;
  fallback: string;
  cache: { ttlSeconds: number };
  warnings: string[];
  updatedAt: string | null;
}

async function show(ctx: Ctx, c: ConfigView): Promise<void> {
  if (ctx.json) return json(c);
  await table(
    ['FIELD', 'VALUE'],
    [
      ['backend', c.backend],
      ['in effect', c.effectiveBackend],
      ['fallback reason', c.fallbackReason],
      ['fallback', c.fallback],
      ['cache ttl (s)', c.cache?.ttlSeconds],
      ['updated', when(c.updatedAt)],
      ...c.warnings.map((w): [string, string] => ['warning', w]),
    ],
  );
}

export async function get(ctx: Ctx): Promise<void> {
  const coffer = await api(ctx);
  await show(ctx, (await coffer.secretsManager.get()) as ConfigView);
}

export async function set(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  if (opts.vaultToken !== undefined) {
    throw new CliError(EXIT.usage, 'refused: a Vault token is never read from the command line', {
      hint: 'put it in the JSON configuration ({"backend":"VAULT","vault":{"token":"..."}}) and pass it with --stdin or --from-file',
      kind: 'value-on-argv',
    });
  }
  const doc = await configFrom(opts);
  const body: Record<string, unknown> = doc ?? {};
  if (opts.backend !== undefined) {
    const b = str(opts.backend) ?? '';
    if (!BACKENDS.includes(b)) throw usage(`--backend must be one of ${BACKENDS.join(', ')}`);
    body.backend = b;
  }
  const ttl = int(opts.cacheTtl, '--cache-ttl', 0, 86_400);
  if (ttl !== undefined) body.cache = { ...((body.cache as object) ?? {}), ttlSeconds: ttl };
  if (opts.fallback !== undefined) {
    const f = str(opts.fallback) ?? '';
    if (f !== 'ENV' && f !== 'NONE') throw usage('--fallback must be ENV or NONE');
    body.fallback = f;
  }
  if (body.backend === undefined)
    throw usage('--backend is required (or a JSON configuration with "backend")');
  const coffer = await api(ctx);
  const c = (await coffer.secretsManager.put(body as never)) as ConfigView;
  if (ctx.json) return json(c);
  done(`secrets manager set to ${c.backend} (in effect: ${c.effectiveBackend})`);
  for (const w of c.warnings) process.stderr.write(`warning: ${w}\n`);
}

export async function check(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const doc = await configFrom(opts);
  const coffer = await api(ctx);
  const r = (await coffer.secretsManager.check(doc as never)) as {
    ok: boolean;
    latencyMs: number;
    secretCount?: number;
    error?: string;
  };
  if (ctx.json) json(r);
  else
    await table(
      ['FIELD', 'VALUE'],
      [
        ['ok', r.ok ? 'yes' : 'no'],
        ['latency (ms)', r.latencyMs],
        ['secrets', r.secretCount],
        ['error', r.error],
      ],
    );
  return r.ok ? EXIT.ok : EXIT.negative;
}

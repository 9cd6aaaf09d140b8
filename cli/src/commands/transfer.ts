// coffer import FILE --scope S / coffer export --workspace W --format dotenv|json
import { formatDotenv, parseDotenv } from '../dotenv.ts';
import { CliError, EXIT, usage } from '../exit.ts';
import { readBytes, utf8 } from '../input.ts';
import { done, json, note } from '../output.ts';
import { writePrivateFile } from '../private-file.ts';
import type { Ctx } from '../program.ts';
import { progress } from '../progress.ts';
import { checkId, parseNames, parseScope } from '../scope.ts';
import { chainNames, resolveAll, warnDeprecatedTeam } from './chain.ts';
import { api, str } from './common.ts';

/** The spec's `SecretValue` maxLength. */
const MAX_VALUE_CHARS = 65536;
/** A .env file: 256 values of the largest size. */
const MAX_ENV_FILE_BYTES = 64 << 20;

async function readInput(file: string): Promise<string> {
  const what = file === '-' ? 'the .env file on stdin' : file;
  return utf8(await readBytes(file, MAX_ENV_FILE_BYTES, what), what);
}

export async function importEnv(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<number> {
  const file = args[0] ?? '';
  const scope = parseScope(str(opts.scope));
  const entries = parseDotenv(await readInput(file));
  const { SECRET_NAME, SECRET_CATEGORIES } = await import('@coffer/sdk/rules');
  const bad = entries.map(([n]) => n).filter((n) => !SECRET_NAME.test(n));
  if (bad.length > 0) {
    throw usage(`${bad.length} name(s) in ${file} are not environment-variable names; nothing was imported`);
  }
  const empty = entries.filter(([, v]) => v === '').map(([n]) => n);
  if (empty.length > 0) throw usage(`empty values in ${file}: ${empty.join(', ')}; nothing was imported`);
  // The spec's SecretValue limit, in characters (code points): refused here, not after the first creates.
  const long = entries
    .filter(([, v]) => v.length > MAX_VALUE_CHARS && Array.from(v).length > MAX_VALUE_CHARS)
    .map(([n]) => n);
  if (long.length > 0) {
    throw usage(
      `values over ${MAX_VALUE_CHARS} characters in ${file}: ${long.join(', ')}; nothing was imported`,
    );
  }
  const cat = str(opts.category);
  if (cat !== undefined && !SECRET_CATEGORIES.includes(cat as never)) {
    throw usage(`--category must be one of ${SECRET_CATEGORIES.join(', ')}`);
  }
  const mode = str(opts.onConflict) ?? 'fail';
  const { Secret } = await import('@coffer/sdk');
  const coffer = await api(ctx);
  const result = { created: [] as string[], updated: [] as string[], skipped: [] as string[] };
  let existing: Map<string, string> | undefined;
  const bar = await progress(entries.length, 'import', opts.progress);
  try {
    for (const [name, value] of entries) {
      try {
        await coffer.secrets.create({
          name,
          scope,
          value: new Secret(value),
          ...(cat ? { category: cat as never } : {}),
        });
        result.created.push(name);
      } catch (err) {
        if ((err as { status?: number }).status !== 409 || mode === 'fail') {
          if ((err as { status?: number }).status === 409) {
            throw new CliError(
              EXIT.conflict,
              `${name} exists already in ${scope.type}:${scope.id}; stopped after ${result.created.length} created`,
              {
                hint: 'rerun with --on-conflict skip or --on-conflict update',
                requestId: (err as { requestId?: string }).requestId,
                status: 409,
                kind: 'api',
              },
            );
          }
          throw err;
        }
        if (mode === 'skip') result.skipped.push(name);
        else {
          if (!existing) {
            existing = new Map();
            for await (const s of coffer.secrets.list({ scopeType: scope.type, scopeId: scope.id }))
              existing.set(s.name, s.id);
          }
          const id = existing.get(name);
          if (!id) throw err;
          await coffer.secrets.update(id, { value: new Secret(value) });
          result.updated.push(name);
        }
      }
      bar.tick();
    }
  } finally {
    bar.stop();
  }
  if (ctx.json) json({ scope, ...result });
  else
    done(
      `imported into ${scope.type}:${scope.id}: ${result.created.length} created, ${result.updated.length} updated, ${result.skipped.length} skipped`,
    );
  return EXIT.ok;
}

export async function exportEnv(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<number> {
  const ws = checkId(str(opts.workspace) ?? '', '--workspace');
  warnDeprecatedTeam(opts, ws);
  const only = parseNames(str(opts.only));
  const coffer = await api(ctx);
  const names = only ?? (await chainNames(coffer, ws));
  const bar = await progress(Math.ceil(names.length / 100), 'export', opts.progress, 1);
  const { items, missing } =
    names.length === 0 ? { items: [], missing: [] } : await resolveAll(coffer, ws, names, () => bar.tick());
  bar.stop();
  const format = ctx.json ? 'json' : (str(opts.format) ?? 'dotenv');
  const text =
    format === 'json'
      ? `${JSON.stringify(Object.fromEntries(items.map((r) => [r.name, r.value.reveal()])), null, 2)}\n`
      : formatDotenv(items.map((r) => [r.name, r.value.reveal()]));
  const output = str(opts.output);
  if (output) {
    try {
      writePrivateFile(output, text);
    } catch (err) {
      throw usage(`cannot write --output: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    done(`wrote ${items.length} value(s) to ${output}`);
  } else process.stdout.write(text);
  if (missing.length > 0) {
    note(`missing: ${missing.join(', ')}`);
    return EXIT.negative;
  }
  return EXIT.ok;
}

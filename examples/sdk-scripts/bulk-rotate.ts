// Bulk rotation: gives every secret of a scope a fresh random value, a few at a time, with a progress bar.
//
//   COFFER_BASE_URL=http://127.0.0.1:8080 COFFER_API_KEY=... \
//     node sdk-scripts/bulk-rotate.ts --scope-type team --scope-id payments [--prefix DB_] [--seed 200]
//
// --seed N first creates N demo secrets (BULK_0001...) in the scope (existing ones are kept), and the scope itself
// when it is a team or workspace that does not exist yet (secrets live only on scopes that exist). Each update sends
// If-Match with the version it read, so a secret changed by someone else meanwhile is re-read and retried
// once instead of overwritten blindly. New values are random and never printed.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { APIError, Coffer, ConflictError, PreconditionFailedError, Secret } from '@coffer/sdk';
import cliProgress from 'cli-progress';

export interface RotateOptions {
  scopeType: 'organization' | 'team' | 'workspace';
  scopeId: string;
  /** Only names starting with this prefix. */
  prefix?: string;
  /** Parallel requests (default 8). */
  concurrency?: number;
  /** Rotate nothing; count what would be rotated. */
  dryRun?: boolean;
}

export interface RotateResult {
  rotated: number;
  failed: { name: string; error: string }[];
  /** Updates that lost an If-Match race and succeeded on the re-read. */
  retried: number;
  elapsedMs: number;
}

/** A new value: 32 random bytes, base64url. */
function newValue(): Secret {
  return new Secret(randomBytes(32).toString('base64url'));
}

/**
 * Creates the team or workspace `o` names unless it exists (an organization scope is the key's own organization,
 * which always does). Answers whether it created it. A new workspace goes directly in the organization.
 */
export async function ensureScope(coffer: Coffer, o: RotateOptions): Promise<boolean> {
  try {
    if (o.scopeType === 'team') await coffer.teams.create({ id: o.scopeId });
    else if (o.scopeType === 'workspace') await coffer.workspaces.create({ id: o.scopeId });
    else return false;
    return true;
  } catch (e) {
    if (e instanceof ConflictError) return false; // it exists already
    throw e;
  }
}

/** Creates BULK_0001..BULK_<count> in the scope (and the scope, see ensureScope); a name that exists already (409) is left alone. */
export async function seed(coffer: Coffer, o: RotateOptions, count: number): Promise<number> {
  await ensureScope(coffer, o);
  let created = 0;
  const names = Array.from(
    { length: count },
    (_, i) => `${o.prefix ?? 'BULK_'}${String(i + 1).padStart(4, '0')}`,
  );
  await pool(names, o.concurrency ?? 8, async (name) => {
    try {
      await coffer.secrets.create({
        name,
        scope: { type: o.scopeType, id: o.scopeId },
        category: 'integration',
        description: 'bulk-rotate demo secret',
        value: newValue(),
      });
      created++;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  });
  return created;
}

/** Rotates every (matching) secret of the scope; `onStart(total)` then `onProgress()` once per secret. */
export async function rotateAll(
  coffer: Coffer,
  o: RotateOptions,
  hooks: { onStart?(total: number): void; onProgress?(name: string): void } = {},
): Promise<RotateResult> {
  const started = performance.now();
  const targets: { id: string; name: string; revision: number }[] = [];
  const query = {
    scopeType: o.scopeType,
    scopeId: o.scopeId,
    limit: 500,
    ...(o.prefix ? { namePrefix: o.prefix } : {}),
  };
  for await (const s of coffer.secrets.list(query)) {
    if (o.prefix && !s.name.startsWith(o.prefix)) continue;
    targets.push({ id: s.id, name: s.name, revision: s.revision });
  }
  hooks.onStart?.(targets.length);
  const result: RotateResult = { rotated: 0, failed: [], retried: 0, elapsedMs: 0 };
  await pool(targets, o.concurrency ?? 8, async (t) => {
    try {
      if (!o.dryRun) {
        try {
          await coffer.secrets.update(t.id, { value: newValue() }, { ifMatch: t.revision });
        } catch (e) {
          if (!(e instanceof PreconditionFailedError)) throw e;
          const fresh = await coffer.secrets.get(t.id);
          await coffer.secrets.update(t.id, { value: newValue() }, { ifMatch: fresh.revision });
          result.retried++;
        }
      }
      result.rotated++;
    } catch (e) {
      result.failed.push({
        name: t.name,
        error: e instanceof APIError ? `${e.status} ${e.problem.title}` : String(e),
      });
    } finally {
      hooks.onProgress?.(t.name);
    }
  });
  result.elapsedMs = performance.now() - started;
  return result;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'scope-type': { type: 'string', default: 'team' },
      'scope-id': { type: 'string', default: 'bulk-demo' },
      prefix: { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const o: RotateOptions = {
    scopeType: values['scope-type'] as RotateOptions['scopeType'],
    scopeId: values['scope-id'] as string,
    concurrency: Number(values.concurrency),
    dryRun: values['dry-run'],
    ...(values.prefix ? { prefix: values.prefix } : {}),
  };
  const coffer = new Coffer(); // COFFER_BASE_URL, COFFER_API_KEY
  try {
    if (values.seed) {
      const created = await seed(coffer, o, Number(values.seed));
      console.log(`seeded ${created} new secret(s) in ${o.scopeType}/${o.scopeId}`);
    }
    const bar = new cliProgress.SingleBar(
      {
        format: 'rotating {bar} {value}/{total} secrets | {eta_formatted} left | {name}',
        noTTYOutput: true, // still report progress in CI logs
        notTTYSchedule: 1000,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    const result = await rotateAll(coffer, o, {
      onStart: (total) => bar.start(total, 0, { name: '' }),
      onProgress: (name) => bar.increment({ name }),
    });
    bar.stop();
    const rate = result.rotated / Math.max(result.elapsedMs / 1000, 0.001);
    console.log(
      `${o.dryRun ? 'would rotate' : 'rotated'} ${result.rotated} secret(s) in ${(result.elapsedMs / 1000).toFixed(2)} s ` +
        `(${rate.toFixed(0)}/s), ${result.retried} after a lost If-Match race, ${result.failed.length} failed`,
    );
    for (const f of result.failed) console.error(`  failed: ${f.name}: ${f.error}`);
    if (result.failed.length > 0) process.exitCode = 1;
  } finally {
    await coffer.close();
  }
}

if (import.meta.main) await main();

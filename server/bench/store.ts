/**
 * Store micro-benchmark: encrypted writes/s, reads/s and resolve lookups/s directly on a Store (no HTTP),
 * at a given concurrency, with p50/p99 latencies.
 *
 * Importable:  import { benchStore, formatStoreBench } from './store.ts';
 *              const r = await benchStore(store, { writes: 5000, reads: 20000, concurrency: 50 });
 * Runnable:    node server/bench/store.ts [--writes N] [--reads N] [--concurrency N] [--only sqlite|postgres]
 *              [--sqlite-sync NORMAL|FULL] [--json]
 *              SQLite in a temp dir; PostgreSQL on COFFER_DATABASE_URL, or on a temporary local cluster
 *              (durable settings) when the Debian binaries are installed.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/types.ts';

export interface OpStats {
  ops: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface StoreBenchResult {
  kind: string;
  concurrency: number;
  encryptedWrites: OpStats;
  reads: OpStats;
  readsDecrypt: OpStats;
  resolveLookups: OpStats;
  rssMb: number;
}

export interface StoreBenchOptions {
  writes?: number;
  reads?: number;
  concurrency?: number;
}

async function run(
  total: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
): Promise<OpStats> {
  const lat = new Float64Array(total);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const t0 = performance.now();
        await op(i);
        lat[i] = performance.now() - t0;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const sorted = lat.sort();
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { ops: total, seconds, perSecond: total / seconds, p50Ms: q(0.5), p99Ms: q(0.99) };
}

export async function benchStore(store: Store, opts: StoreBenchOptions = {}): Promise<StoreBenchResult> {
  const writes = opts.writes ?? 5000;
  const reads = opts.reads ?? 20000;
  const concurrency = opts.concurrency ?? 50;
  const tag = randomUUID().slice(0, 8);
  const rows: Array<{ id: string; scopeType: 'workspace'; scopeId: string; name: string }> = [];
  for (let i = 0; i < writes; i++) {
    rows.push({
      id: randomUUID(),
      scopeType: 'workspace',
      scopeId: `bench-${tag}-${i % 100}`,
      name: `BENCH_${i}`,
    });
  }
  const value = `sk-bench-${'x'.repeat(48)}`;
  const encryptedWrites = await run(writes, concurrency, (i) => {
    const row = rows[i] as (typeof rows)[0];
    return store.secrets.create({
      ...row,
      category: 'provider',
      storageBackend: 'DB',
      valueEnvelope: store.crypto.encryptSecretValue(value, row),
    });
  });
  const pick = (i: number) => rows[(i * 7919) % rows.length] as (typeof rows)[0];
  const readStats = await run(reads, concurrency, (i) => store.secrets.get(pick(i).id));
  const readsDecrypt = await run(reads, concurrency, async (i) => {
    const rec = await store.secrets.get(pick(i).id);
    if (!rec?.valueEnvelope) throw new Error('missing row');
    store.crypto.decryptSecretValue(rec.valueEnvelope, rec).reveal();
  });
  const resolveLookups = await run(reads, concurrency, (i) => {
    const r = pick(i);
    return store.secrets.findForResolve(
      { workspaceId: r.scopeId, teamId: 'team-x', organizationId: 'org-x' },
      [r.name, 'MISSING_NAME'],
    );
  });
  return {
    kind: store.kind,
    concurrency,
    encryptedWrites,
    reads: readStats,
    readsDecrypt,
    resolveLookups,
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
  };
}

export function formatStoreBench(r: StoreBenchResult): string {
  const line = (label: string, s: OpStats) =>
    `  ${label.padEnd(22)} ${s.perSecond.toFixed(0).padStart(8)}/s   p50 ${s.p50Ms.toFixed(2)} ms   p99 ${s.p99Ms.toFixed(2)} ms   (${s.ops} ops)`;
  return [
    `store ${r.kind} (concurrency ${r.concurrency}, rss ${r.rssMb} MB)`,
    line('encrypted writes', r.encryptedWrites),
    line('reads (metadata)', r.reads),
    line('reads + decrypt', r.readsDecrypt),
    line('resolve lookups', r.resolveLookups),
  ].join('\n');
}

const SECRET = 'bench-encryption-secret-0123456789abcdefghijklmnop';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      writes: { type: 'string', default: '5000' },
      reads: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '50' },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      'sqlite-sync': { type: 'string', default: 'NORMAL' },
    },
  });
  const opts = {
    writes: Number(values.writes),
    reads: Number(values.reads),
    concurrency: Number(values.concurrency),
  };
  const results: StoreBenchResult[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'coffer-bench-'));
  try {
    if (values.only !== 'postgres') {
      const sync = values['sqlite-sync'] === 'FULL' ? 'FULL' : 'NORMAL';
      const s = await openStore({ dataDir, encryptionSecret: SECRET, sqliteSynchronous: sync });
      results.push(await benchStore(s, opts));
      await s.close();
    }
    if (values.only !== 'sqlite') {
      let url = process.env.COFFER_DATABASE_URL;
      let stop = async () => {};
      if (!url) {
        const { findPgBin, startPostgres, createTestDatabase } = await import('../test/support/postgres.ts');
        if (findPgBin()) {
          const cluster = await startPostgres({ durable: true });
          const db = await createTestDatabase(cluster.url);
          url = db.url;
          stop = () => cluster.stop();
        } else {
          console.error('bench: no COFFER_DATABASE_URL and no PostgreSQL binaries: PostgreSQL skipped');
        }
      }
      if (url) {
        try {
          const s = await openStore({ dataDir, databaseUrl: url, encryptionSecret: SECRET, poolSize: 20 });
          results.push(await benchStore(s, opts));
          await s.close();
        } finally {
          await stop();
        }
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(values.json ? JSON.stringify(results, null, 2) : results.map(formatStoreBench).join('\n'));
}

if (import.meta.main) {
  await main();
}

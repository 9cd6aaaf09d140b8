/**
 * `npm run bench:server`: `coffer serve` over loopback HTTP, SQLite and PostgreSQL, in one run.
 *
 *   metadata reads/s     GET /v1/secrets/{id} over 1,000 secrets
 *   resolves/s (hit)     POST /v1/secrets:resolve, 3 names, in-process cache warm (ttlSeconds 300)
 *   resolves/s (miss)    the same with the cache off (ttlSeconds 0): store lookup + decrypt every time
 *   encrypted writes/s   POST /v1/secrets, a new secret each time
 *   RSS                  of the server process after 100,000 secrets
 *
 * 50 concurrent keep-alive connections (node:http Agent, no dependency), p50/p99 per request, figures next
 * to the targets (>= 5,000 reads/s, >= 1,000 encrypted writes/s, p99 < 20 ms). The load generator shares the
 * machine's cores with the server, so the figures are a floor.
 *
 *   node server/bench/http.ts [--seconds 5] [--connections 50] [--secrets 100000] [--only sqlite|postgres|backends]
 *                             [--baseline GIT_REF] [--json]
 *
 * --baseline: the resolve workloads (hit and miss, SQLite) against the server of another commit too, checked
 * out into a temporary git worktree, alternating baseline and current three times; the ratio is
 * current / baseline, measured in this one run.
 *
 * Then the remote backends (bench/backends.ts): resolves from Vault KV v2 and AWS Secrets Manager (moto),
 * cache hit and miss, next to a direct read from the same server.
 *
 * PostgreSQL: COFFER_DATABASE_URL, or a temporary local cluster with durable settings when the Debian
 * binaries are installed (scripts/setup.d/20-postgresql.sh).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../src/launch.ts';
import { type BackendResult, benchBackends, formatBackends } from './backends.ts';

const CLI = join(import.meta.dirname, '..', 'src', 'cli.ts');
const SECRET = 'bench-encryption-secret-0123456789-abcdefghijklmnop';
const TARGETS = { readsPerSecond: 5_000, writesPerSecond: 1_000, p99Ms: 20 };

interface Stats {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

interface Workload {
  name: string;
  /** Capacity: closed loop, back to back. */
  capacity: Stats;
  /** Latency at a fixed offered rate. */
  paced: Stats & { rate: number };
  target?: number;
}

interface Result {
  store: string;
  workloads: Workload[];
  rssMbAfterSecrets: number;
  secrets: number;
}

/** Offered rates for the latency runs: the targets for reads and writes; 1,000/s for resolves. */
const PACE = { reads: TARGETS.readsPerSecond, resolves: 1_000, writes: TARGETS.writesPerSecond };

class Client {
  readonly agent: Agent;
  readonly port: number;
  readonly key: string;
  constructor(port: number, key: string, connections: number) {
    this.port = port;
    this.key = key;
    this.agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            authorization: `Bearer ${this.key}`,
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}

/**
 * `connections` loops for `seconds`. Without `rate`: back to back (closed loop), which measures capacity.
 * With `rate` (requests/s over all connections): each connection sends on a fixed schedule and latency is
 * counted from the scheduled time, so a server that falls behind cannot hide it (no coordinated omission).
 */
async function load(
  connections: number,
  seconds: number,
  op: (i: number) => Promise<{ status: number }>,
  ok: (status: number) => boolean,
  rate?: number,
): Promise<Stats> {
  const lat: number[] = [];
  let errors = 0;
  let i = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const interval = rate ? (connections / rate) * 1000 : 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      for (let k = 0; ; k++) {
        let t0 = performance.now();
        if (rate) {
          const due = start + (c / connections) * interval + k * interval;
          if (due >= end) return;
          if (due > t0) await new Promise((r) => setTimeout(r, due - t0));
          // Late: count from the schedule (no coordinated omission). Early (timers round to whole
          // milliseconds): count from the actual send, never a negative latency.
          t0 = Math.min(due, performance.now());
        } else if (t0 >= end) {
          return;
        }
        // A request that fails on the socket (a reset keep-alive connection, say) is a failed request in
        // the figures, not the end of the run.
        const r = await op(i++).catch(() => ({ status: 0 }));
        lat.push(performance.now() - t0);
        if (!ok(r.status)) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round((lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] ?? 0) * 100) / 100;
  return {
    requests: lat.length,
    perSecond: Math.round(lat.length / elapsed),
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    errors,
  };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

async function startServer(
  databaseUrl: string | undefined,
  extraEnv: Record<string, string> = {},
  cli = CLI,
): Promise<{ child: ChildProcess; port: number; key: string; dataDir: string }> {
  const port = await freePort();
  const key = `cof_bench_${randomBytes(24).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'coffer-bench-http-'));
  const args = [cli, 'serve', '--port', String(port), '--data-dir', dataDir];
  if (databaseUrl) args.push('--database-url', databaseUrl);
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      COFFER_BOOTSTRAP_API_KEY: key,
      COFFER_ENCRYPTION_SECRET: SECRET,
      COFFER_DATABASE_POOL_SIZE: '20',
      COFFER_ORGANIZATION_ID: 'acme',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`coffer serve exited: ${err}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/v1/healthz`);
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`coffer serve did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port, key, dataDir };
}

async function benchOne(
  label: string,
  databaseUrl: string | undefined,
  o: { seconds: number; connections: number; secrets: number },
): Promise<Result> {
  const srv = await startServer(databaseUrl);
  const c = new Client(srv.port, srv.key, o.connections);
  try {
    const ids = await seed(c);
    await createScopes(c, {
      teams: Array.from({ length: 100 }, (_, i) => `team-${i}`),
      workspaces: Array.from({ length: 50 }, (_, i) => `ws-w-${i}`),
    });

    const measure = (
      name: string,
      op: (i: number) => Promise<{ status: number }>,
      rate: number,
      target?: number,
    ) => measureWorkload(o, name, op, rate, target);
    const workloads: Workload[] = [];
    workloads.push(
      await measure(
        'metadata reads',
        (i) => c.send('GET', `/v1/secrets/${ids[i % ids.length]}`),
        PACE.reads,
        TARGETS.readsPerSecond,
      ),
    );
    workloads.push(...(await measureResolves(c, o)));
    const run = randomBytes(3).toString('hex');
    workloads.push(
      await measure(
        'encrypted writes',
        (i) =>
          c.send('POST', '/v1/secrets', {
            name: `W_${run}_${i}_${Math.random().toString(36).slice(2, 8)}`,
            scope: { type: 'workspace', id: `ws-w-${i % 50}` },
            value: `written-${i}-${randomBytes(16).toString('hex')}`,
          }),
        PACE.writes,
        TARGETS.writesPerSecond,
      ),
    );

    // Fill up to o.secrets in total, then measure the server's RSS.
    const count = async () => {
      const r = await c.send('POST', '/v1/secrets-manager:check');
      return JSON.parse(r.body).secretCount as number;
    };
    let have = await count();
    const need = Math.max(0, o.secrets - have);
    let next = 0;
    await Promise.all(
      Array.from({ length: o.connections }, async () => {
        for (;;) {
          const i = next++;
          if (i >= need) return;
          const r = await c.send('POST', '/v1/secrets', {
            name: `FILL_${i}`,
            scope: { type: 'team', id: `team-${i % 100}` },
            value: `fill-${i}-${randomBytes(16).toString('hex')}`,
          });
          if (r.status !== 201) throw new Error(`fill write answered ${r.status}: ${r.body}`);
        }
      }),
    );
    have = await count();
    await load(
      o.connections,
      1,
      (i) => c.send('GET', `/v1/secrets?limit=100&scopeType=team&scopeId=team-${i % 100}`),
      is2xx,
    );
    const rss = rssMb(srv.child.pid as number);
    return { store: label, workloads, rssMbAfterSecrets: rss, secrets: have };
  } finally {
    c.agent.destroy();
    srv.child.kill('SIGTERM');
    await new Promise((r) => srv.child.once('exit', r));
    rmSync(srv.dataDir, { recursive: true, force: true });
  }
}

const is2xx = (s: number) => s >= 200 && s < 300;

async function measureWorkload(
  o: { seconds: number; connections: number },
  name: string,
  op: (i: number) => Promise<{ status: number }>,
  rate: number,
  target?: number,
): Promise<Workload> {
  const until = performance.now() + 1000;
  while (performance.now() < until) await op(0);
  const capacity = await load(o.connections, o.seconds, op, is2xx);
  const paced = await load(o.connections, o.seconds, op, is2xx, rate);
  return { name, capacity, paced: { ...paced, rate }, ...(target ? { target } : {}) };
}

/**
 * Teams and workspaces, made before anything is put in them. A server of a release before tenancy has no
 * such routes (404) and takes secrets on any scope: the baseline of --baseline.
 */
async function createScopes(
  c: Client,
  layout: { teams?: string[]; workspaces?: Array<[string, string | null] | string> },
) {
  for (const id of layout.teams ?? []) {
    const r = await c.send('POST', '/v1/teams', { id });
    if (r.status !== 201 && r.status !== 404) throw new Error(`POST /v1/teams ${id}: ${r.status} ${r.body}`);
  }
  for (const w of layout.workspaces ?? []) {
    const [id, teamId] = typeof w === 'string' ? [w, null] : w;
    const r = await c.send('POST', '/v1/workspaces', { id, teamId });
    if (r.status !== 201 && r.status !== 404)
      throw new Error(`POST /v1/workspaces ${id}: ${r.status} ${r.body}`);
  }
}

/** 1,000 workspace secrets over 20 workspaces (ws-1 in team core), and one name on each layer for resolves. */
async function seed(c: Client): Promise<string[]> {
  await createScopes(c, {
    teams: ['core'],
    workspaces: Array.from({ length: 20 }, (_, i) => (i === 1 ? ['ws-1', 'core'] : `ws-${i}`)),
  });
  const ids: string[] = [];
  const create = async (name: string, scope: { type: string; id: string }, value: string) => {
    const r = await c.send('POST', '/v1/secrets', { name, scope, value });
    if (r.status !== 201) throw new Error(`seed write answered ${r.status}: ${r.body}`);
    return JSON.parse(r.body).id as string;
  };
  for (let i = 0; i < 1000; i++) {
    ids.push(
      await create(
        `READ_${i}`,
        { type: 'workspace', id: `ws-${i % 20}` },
        `value-${i}-${randomBytes(16).toString('hex')}`,
      ),
    );
  }
  for (const [name, scope] of [
    ['API_TOKEN', { type: 'organization', id: 'acme' }],
    ['DB_URL', { type: 'team', id: 'core' }],
    ['STRIPE_KEY', { type: 'workspace', id: 'ws-1' }],
  ] as const) {
    await create(name, scope, `v-${randomBytes(24).toString('hex')}`);
  }
  return ids;
}

/**
 * Resolve of one name per layer for ws-1 (in team core), with the cache warm and off. The body names the
 * team, which a release before tenancy needs and this one accepts (it is the workspace's team).
 */
async function measureResolves(c: Client, o: { seconds: number; connections: number }): Promise<Workload[]> {
  const body = { workspaceId: 'ws-1', teamId: 'core', names: ['API_TOKEN', 'DB_URL', 'STRIPE_KEY'] };
  const resolve = async () => {
    const r = await c.send('POST', '/v1/secrets:resolve', body);
    if (r.status === 200 && JSON.parse(r.body).items.length !== 3) throw new Error(`resolve: ${r.body}`);
    return r;
  };
  const out: Workload[] = [];
  await c.send('PUT', '/v1/secrets-manager', { backend: 'DB', cache: { ttlSeconds: 300 } });
  out.push(await measureWorkload(o, 'resolves (cache hit)', resolve, PACE.resolves));
  await c.send('PUT', '/v1/secrets-manager', { backend: 'DB', cache: { ttlSeconds: 0 } });
  out.push(await measureWorkload(o, 'resolves (cache miss)', resolve, PACE.resolves));
  return out;
}

/** The server CLI of `ref`, checked out into a temporary worktree that shares this checkout's node_modules. */
function worktreeCli(ref: string): { cli: string; remove(): void } {
  const root = join(import.meta.dirname, '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'coffer-baseline-'));
  execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', '-f', dir, ref], { stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return {
    cli: join(dir, 'server', 'src', 'cli.ts'),
    remove: () =>
      execFileSync('git', ['-C', root, 'worktree', 'remove', '--force', dir], { stdio: 'ignore' }),
  };
}

/** Resolves against the baseline's server and this one's, alternating, three rounds; medians of each. */
async function benchBaseline(ref: string, o: { seconds: number; connections: number }): Promise<string> {
  const base = worktreeCli(ref);
  const runs: Record<'baseline' | 'current', Workload[][]> = { baseline: [], current: [] };
  try {
    for (let round = 0; round < 3; round++) {
      for (const which of ['baseline', 'current'] as const) {
        const srv = await startServer(undefined, {}, which === 'baseline' ? base.cli : CLI);
        const c = new Client(srv.port, srv.key, o.connections);
        try {
          await seed(c);
          runs[which].push(await measureResolves(c, o));
        } finally {
          c.agent.destroy();
          srv.child.kill('SIGTERM');
          await new Promise((r) => srv.child.once('exit', r));
          rmSync(srv.dataDir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    base.remove();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const lines = [
    `resolve, this commit vs ${ref} (SQLite, ${o.connections} connections, 3 alternating rounds, medians)`,
  ];
  for (const [i, name] of ['resolves (cache hit)', 'resolves (cache miss)'].entries()) {
    const b = median(runs.baseline.map((w) => (w[i] as Workload).capacity.perSecond));
    const cur = median(runs.current.map((w) => (w[i] as Workload).capacity.perSecond));
    const p99b = median(runs.baseline.map((w) => (w[i] as Workload).paced.p99Ms));
    const p99c = median(runs.current.map((w) => (w[i] as Workload).paced.p99Ms));
    lines.push(
      `  ${name.padEnd(22)} ${`${b}/s`.padStart(9)} -> ${`${cur}/s`.padStart(9)}  ${(cur / b).toFixed(2)}x   p99 ${p99b.toFixed(2)} -> ${p99c.toFixed(2)} ms`,
    );
  }
  return lines.join('\n');
}

function ratio(value: number, target: number, higherIsBetter: boolean): string {
  const r = higherIsBetter ? value / target : target / value;
  return `${r.toFixed(2)}x ${r >= 1 ? 'ok' : 'BELOW TARGET'}`;
}

function format(r: Result, connections: number): string {
  const lines = [`${r.store} (${connections} connections, loopback)`];
  lines.push(
    `  ${'workload'.padEnd(22)} ${'capacity'.padStart(9)}  ${'vs target'.padEnd(22)} ${'offered'.padStart(8)}  ${'p50'.padStart(8)}  ${'p99'.padStart(8)}  p99 vs 20 ms`,
  );
  for (const w of r.workloads) {
    const vs = w.target ? `${ratio(w.capacity.perSecond, w.target, true)}` : '-';
    const errs = w.capacity.errors + w.paced.errors;
    lines.push(
      `  ${w.name.padEnd(22)} ${`${w.capacity.perSecond}/s`.padStart(9)}  ${vs.padEnd(22)} ${`${w.paced.rate}/s`.padStart(8)}  ${`${w.paced.p50Ms.toFixed(2)} ms`.padStart(8)}  ${`${w.paced.p99Ms.toFixed(2)} ms`.padStart(8)}  ${ratio(w.paced.p99Ms, TARGETS.p99Ms, false)}${errs ? `  (${errs} non-2xx)` : ''}`,
    );
  }
  lines.push(`  RSS of the server after ${r.secrets} secrets: ${r.rssMbAfterSecrets} MB`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '5' },
      connections: { type: 'string', default: '50' },
      secrets: { type: 'string', default: '100000' },
      only: { type: 'string' },
      json: { type: 'boolean', default: false },
      baseline: { type: 'string' },
    },
  });
  const o = {
    seconds: Number(values.seconds),
    connections: Number(values.connections),
    secrets: Number(values.secrets),
  };
  const results: Result[] = [];
  const [load1] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  if (!values.json) {
    console.log(
      `coffer serve benchmark: ${o.seconds} s per measurement; load generator on the same machine; load average before: ${load1}`,
    );
  }
  if (values.only === undefined || values.only === 'sqlite') {
    const r = await benchOne('sqlite', undefined, o);
    results.push(r);
    if (!values.json) console.log(format(r, o.connections));
  }
  if (values.only === undefined || values.only === 'postgres') {
    let url = process.env.COFFER_DATABASE_URL;
    let stop = async () => {};
    if (!url) {
      const { findPgBin, startPostgres, createTestDatabase } = await import('../test/support/postgres.ts');
      if (!findPgBin()) {
        console.warn(
          'PostgreSQL binaries not found: PostgreSQL figures skipped (scripts/setup.d/20-postgresql.sh)',
        );
      } else {
        const cluster = await startPostgres({ durable: true });
        url = (await createTestDatabase(cluster.url)).url;
        stop = () => cluster.stop();
      }
    }
    if (url) {
      try {
        const r = await benchOne('postgres', url, o);
        results.push(r);
        if (!values.json) console.log(format(r, o.connections));
      } finally {
        await stop();
      }
    }
  }
  if (values.baseline) console.log(await benchBaseline(values.baseline, o));
  const backends: BackendResult[] = [];
  if (values.only === undefined || values.only === 'backends') {
    const harness = {
      load,
      async serve(env: Record<string, string>) {
        const srv = await startServer(undefined, env);
        const client = new Client(srv.port, srv.key, o.connections);
        return {
          client,
          async stop() {
            client.agent.destroy();
            srv.child.kill('SIGTERM');
            await new Promise((r) => srv.child.once('exit', r));
            rmSync(srv.dataDir, { recursive: true, force: true });
          },
        };
      },
    };
    for (const r of await benchBackends(harness, o)) {
      backends.push(r);
      if (!values.json) console.log(formatBackends(r, o.connections));
    }
  }
  if (values.json)
    console.log(JSON.stringify({ targets: TARGETS, connections: o.connections, results, backends }, null, 2));
}

await main();

// SDK benchmark: coffer.secrets.get vs raw undici request (same Agent) vs openapi-fetch over global fetch.
// Usage: npm run bench -w @coffer/sdk  [env BENCH_N=20000 BENCH_CONCURRENCY=16 BENCH_ROUNDS=3]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import createClient from 'openapi-fetch';
import { Agent } from 'undici';
import { Coffer } from '../src/index.ts';
import type { paths } from '../src/types.ts';

const N = Number(process.env.BENCH_N ?? 20_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ID = '5b0c8e2e-4a59-4a8e-9d61-2f4f1f9b0c11';
const KEY = 'cof_bench_0123456789abcdef';

const child = spawn(process.execPath, [fileURLToPath(new URL('./server.ts', import.meta.url))], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
const port = Number(chunk.toString().trim());
const baseUrl = `http://127.0.0.1:${port}`;

const agent = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 60_000 });
const coffer = new Coffer({ baseUrl, apiKey: KEY, dispatcher: agent, maxRetries: 0 });
const ofGlobal = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${KEY}` } });
const origin = baseUrl;
const rawPath = `/v1/secrets/${ID}`;
const rawHeaders = { authorization: `Bearer ${KEY}`, accept: 'application/json' };

type Fn = () => Promise<unknown>;
const contenders: [string, Fn][] = [
  ['coffer.secrets.get', () => coffer.secrets.get(ID)],
  [
    'undici request (same Agent)',
    async () => {
      const { statusCode, body } = await agent.request({
        origin,
        path: rawPath,
        method: 'GET',
        headers: rawHeaders,
      });
      const data = await body.json();
      if (statusCode !== 200) throw new Error(`status ${statusCode}`);
      return data;
    },
  ],
  [
    'openapi-fetch + global fetch',
    async () => {
      const { data, error } = await ofGlobal.GET('/v1/secrets/{secretId}', {
        params: { path: { secretId: ID } },
      });
      if (error) throw new Error('error');
      return data;
    },
  ],
];

async function run(fn: Fn, total: number): Promise<{ rps: number; lat: Float64Array }> {
  const lat = new Float64Array(total);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      await fn();
      lat[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const secs = (performance.now() - started) / 1000;
  return { rps: total / secs, lat };
}

function pct(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const results = new Map<string, { rps: number[]; p50: number[]; p99: number[] }>();
for (const [name, fn] of contenders) {
  await run(fn, WARMUP);
  results.set(name, { rps: [], p50: [], p99: [] });
}
// Interleave the contenders round by round so that machine noise hits all of them alike.
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, fn] of contenders) {
    globalThis.gc?.();
    const { rps, lat } = await run(fn, N);
    lat.sort();
    const agg = results.get(name);
    agg?.rps.push(rps);
    agg?.p50.push(pct(lat, 50));
    agg?.p99.push(pct(lat, 99));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const rows = contenders.map(([name]) => {
  const r = results.get(name) as { rps: number[]; p50: number[]; p99: number[] };
  return { name, rps: median(r.rps), p50: median(r.p50), p99: median(r.p99) };
});
const [sdk, raw, of] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
console.log(
  `\nGET /v1/secrets/{id} on loopback: N=${N} per round, ${ROUNDS} rounds (median), concurrency ${CONCURRENCY}, ` +
    `warm-up ${WARMUP}; server in a separate process; Node ${process.version}\n`,
);
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad('client', 30)} ${pad('req/s', 9)} ${pad('p50 ms', 8)} ${pad('p99 ms', 8)} coffer / this`);
for (const row of rows) {
  console.log(
    `${pad(row.name, 30)} ${pad(row.rps.toFixed(0), 9)} ${pad(row.p50.toFixed(3), 8)} ${pad(row.p99.toFixed(3), 8)} ${(sdk.rps / row.rps).toFixed(2)}x`,
  );
}
const vsRaw = sdk.rps / raw.rps;
const vsOf = sdk.rps / of.rps;
console.log(
  `\ncoffer vs raw undici request: ${vsRaw.toFixed(2)}x (target >= 1.00) ${vsRaw >= 1 ? 'OK' : 'MISSED'}` +
    `\ncoffer vs openapi-fetch + global fetch: ${vsOf.toFixed(2)}x (target >= 1.00) ${vsOf >= 1 ? 'OK' : 'MISSED'}`,
);

await coffer.close();
await agent.close();
child.kill('SIGTERM');

/**
 * The backends section of `npm run bench:server`: resolves of a secret stored in Vault (KV v2) and in AWS
 * Secrets Manager (moto), with the resolve cache hit and missed, side by side with a direct read of the same
 * value from the same server (Vault's `GET /v1/secret/data/...`, moto's `GetSecretValue`) by the same load
 * generator. Targets: cache hit >= 2x the direct read, cache miss >= 0.8x the direct read (Coffer adds
 * authentication, the read audit and its own round trip), p99 < 20 ms at 1,000 resolves/s offered.
 *
 * Vault is the one scripts/setup.d/50-vault.sh builds, or OpenBao when only that is installed; each part is
 * skipped, saying so, when its tool is missing.
 */
import { Agent, request } from 'node:http';
import { requireTool, startMoto, startVaultDev, toolPath } from '../test/support/remote-tools.ts';

export interface Stats {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

type Load = (
  connections: number,
  seconds: number,
  op: (i: number) => Promise<{ status: number }>,
  ok: (status: number) => boolean,
  rate?: number,
) => Promise<Stats>;

interface Coffer {
  send(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }>;
  agent: Agent;
}

export interface BackendsHarness {
  load: Load;
  /** Starts `coffer serve` on SQLite with extra environment; its client and a stop function. */
  serve(env: Record<string, string>): Promise<{ client: Coffer; stop(): Promise<void> }>;
}

export interface BackendRow {
  name: string;
  capacity: Stats;
  paced: Stats & { rate: number };
  /** Against the direct read's capacity. */
  vsDirect?: { ratio: number; target: number };
}

export interface BackendResult {
  backend: string;
  rows: BackendRow[];
}

const RATE = 1_000;
const TARGET_HIT = 2;
const TARGET_MISS = 0.8;

/** One raw HTTP request on a keep-alive agent (the direct reads: no Coffer in between). */
function raw(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function compare(
  h: BackendsHarness,
  o: { seconds: number; connections: number },
  coffer: Coffer,
  direct: (i: number) => Promise<{ status: number }>,
  configure: (ttlSeconds: number) => Promise<void>,
): Promise<BackendRow[]> {
  const is2xx = (s: number) => s >= 200 && s < 300;
  const resolveOne = () =>
    coffer.send('POST', '/v1/secrets:resolve', {
      workspaceId: 'ws-bench',
      names: ['BENCH_VALUE'],
    });
  const measure = async (
    name: string,
    op: (i: number) => Promise<{ status: number }>,
  ): Promise<BackendRow> => {
    const until = performance.now() + 1000;
    while (performance.now() < until) await op(0);
    const capacity = await h.load(o.connections, o.seconds, op, is2xx);
    const paced = await h.load(o.connections, o.seconds, op, is2xx, RATE);
    return { name, capacity, paced: { ...paced, rate: RATE } };
  };
  const rows: BackendRow[] = [];
  const d = await measure('direct read', direct);
  rows.push(d);
  await configure(300);
  const hit = await measure('coffer resolve (hit)', resolveOne);
  hit.vsDirect = { ratio: hit.capacity.perSecond / d.capacity.perSecond, target: TARGET_HIT };
  rows.push(hit);
  await configure(0);
  const miss = await measure('coffer resolve (miss)', resolveOne);
  miss.vsDirect = { ratio: miss.capacity.perSecond / d.capacity.perSecond, target: TARGET_MISS };
  rows.push(miss);
  return rows;
}

async function created(coffer: Coffer): Promise<void> {
  for (const [path, body] of [
    ['/v1/teams', { id: 'core' }],
    ['/v1/workspaces', { id: 'ws-bench', teamId: 'core' }],
  ] as const) {
    const made = await coffer.send('POST', path, body);
    if (made.status !== 201) throw new Error(`POST ${path} answered ${made.status}: ${made.body}`);
  }
  const r = await coffer.send('POST', '/v1/secrets', {
    name: 'BENCH_VALUE',
    scope: { type: 'team', id: 'core' },
    value: `bench-${Math.random().toString(36).slice(2)}`,
  });
  if (r.status !== 201) throw new Error(`creating the benchmark secret answered ${r.status}: ${r.body}`);
  // The direct reads go to the documented layout path: the secret must be there.
  const reference = String(JSON.parse(r.body).storage.reference);
  if (!/coffer\/acme\/teams\/core\/BENCH_VALUE(-[A-Za-z0-9]{6})?$/.test(reference)) {
    throw new Error(`the benchmark secret is at ${reference}, not where the direct read looks`);
  }
}

async function benchVault(
  h: BackendsHarness,
  o: { seconds: number; connections: number },
): Promise<BackendResult | null> {
  const flavour = toolPath('vault') ? 'vault' : toolPath('openbao') ? 'openbao' : null;
  if (!flavour) {
    requireTool('vault');
    return null;
  }
  const dev = await startVaultDev(flavour);
  const srv = await h.serve({});
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
  try {
    const configure = async (ttlSeconds: number) => {
      const r = await srv.client.send('PUT', '/v1/secrets-manager', {
        backend: 'VAULT',
        cache: { ttlSeconds },
        vault: { address: dev.address, token: dev.rootToken },
      });
      if (r.status !== 200) throw new Error(`configuring VAULT answered ${r.status}: ${r.body}`);
    };
    await configure(0);
    await created(srv.client);
    const port = Number(new URL(dev.address).port);
    const direct = () =>
      raw(agent, port, 'GET', '/v1/secret/data/coffer/acme/teams/core/BENCH_VALUE', {
        'x-vault-token': dev.rootToken,
      });
    const rows = await compare(h, o, srv.client, direct, configure);
    return {
      backend: `VAULT (KV v2, ${flavour === 'vault' ? 'HashiCorp Vault' : 'OpenBao'} dev server)`,
      rows,
    };
  } finally {
    agent.destroy();
    await srv.stop();
    await dev.stop();
  }
}

async function benchAws(
  h: BackendsHarness,
  o: { seconds: number; connections: number },
): Promise<BackendResult | null> {
  if (!toolPath('moto')) {
    requireTool('moto');
    return null;
  }
  const moto = await startMoto();
  const creds = { AWS_ACCESS_KEY_ID: 'AKIABENCHBENCHBENCH0', AWS_SECRET_ACCESS_KEY: 'bench-secret' };
  const srv = await h.serve(creds);
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections, maxFreeSockets: o.connections });
  try {
    const configure = async (ttlSeconds: number) => {
      const r = await srv.client.send('PUT', '/v1/secrets-manager', {
        backend: 'AWS_SECRETS_MANAGER',
        cache: { ttlSeconds },
        aws: { region: 'eu-west-1', endpoint: moto.endpoint },
      });
      if (r.status !== 200) throw new Error(`configuring AWS answered ${r.status}: ${r.body}`);
    };
    await configure(0);
    await created(srv.client);
    const port = Number(new URL(moto.endpoint).port);
    const body = JSON.stringify({ SecretId: 'coffer/acme/teams/core/BENCH_VALUE' });
    // moto without signature verification (as the server's calls are here): the credential scope routes it.
    const headers = {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'secretsmanager.GetSecretValue',
      authorization: `AWS4-HMAC-SHA256 Credential=${creds.AWS_ACCESS_KEY_ID}/20260101/eu-west-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=0`,
    };
    const direct = () => raw(agent, port, 'POST', '/', headers, body);
    const rows = await compare(h, o, srv.client, direct, configure);
    return { backend: 'AWS_SECRETS_MANAGER (moto)', rows };
  } finally {
    agent.destroy();
    await srv.stop();
    await moto.stop();
  }
}

export async function benchBackends(
  h: BackendsHarness,
  o: { seconds: number; connections: number },
): Promise<BackendResult[]> {
  const out: BackendResult[] = [];
  const v = await benchVault(h, o);
  if (v) out.push(v);
  const a = await benchAws(h, o);
  if (a) out.push(a);
  return out;
}

export function formatBackends(r: BackendResult, connections: number): string {
  const lines = [`${r.backend}: one name per resolve (${connections} connections, loopback)`];
  lines.push(
    `  ${'workload'.padEnd(22)} ${'capacity'.padStart(9)}  ${'vs direct read'.padEnd(26)} ${'offered'.padStart(8)}  ${'p50'.padStart(8)}  ${'p99'.padStart(8)}  p99 vs 20 ms`,
  );
  for (const w of r.rows) {
    const vs = w.vsDirect
      ? `${w.vsDirect.ratio.toFixed(2)}x (>= ${w.vsDirect.target}x: ${w.vsDirect.ratio >= w.vsDirect.target ? 'ok' : 'BELOW TARGET'})`
      : '-';
    const p99 = 20 / w.paced.p99Ms;
    const errs = w.capacity.errors + w.paced.errors;
    lines.push(
      `  ${w.name.padEnd(22)} ${`${w.capacity.perSecond}/s`.padStart(9)}  ${vs.padEnd(26)} ${`${w.paced.rate}/s`.padStart(8)}  ${`${w.paced.p50Ms.toFixed(2)} ms`.padStart(8)}  ${`${w.paced.p99Ms.toFixed(2)} ms`.padStart(8)}  ${p99.toFixed(2)}x ${p99 >= 1 ? 'ok' : 'BELOW TARGET'}${errs ? `  (${errs} non-2xx)` : ''}`,
    );
  }
  return lines.join('\n');
}

// Provider start-to-handshake time: spawn the plugin as go-plugin does and time until the handshake line
// arrives on stdout. The figure that counts is the single executable's (what `npm run release:provider`
// ships; built here for this platform first; target <= 100 ms median). The launcher that dev_overrides uses
// is measured too. Median of N spawns after one warm-up (which fills the V8 compile cache the launcher
// enables); one launcher start with an empty compile cache is reported separately.
//   npm run bench -w terraform-provider-coffer [-- --runs 21]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostPlatform } from '../release/node-binaries.ts';
import { buildExecutable } from '../release/release.ts';
import { createServerCertificate } from '../src/wire/cert.ts';
import { MAGIC_COOKIE_VALUE } from '../src/wire/plugin-env.ts';

const providerDir = resolve(import.meta.dirname, '..');
export const LAUNCHER = join(providerDir, 'bin', 'terraform-provider-coffer');
const NODE = join(providerDir, '..', 'node_modules', 'node', 'bin', 'node');
const FAKE = join(providerDir, 'test', 'wire', 'fixtures', 'fake-provider.ts');
export const TARGET_MS = 100;

/** Milliseconds from spawn to the handshake line; the plugin is stopped with SIGTERM afterwards. */
export async function timeHandshake(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, {
    env: {
      ...process.env,
      TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE,
      PLUGIN_PROTOCOL_VERSIONS: '5,6',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const elapsed = await new Promise<number>((res, rej) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (!out.includes('\n')) return;
      if (/^1\|6\|unix\|[^|]+\|grpc\|/.test(out)) res(performance.now() - started);
      else rej(new Error(`not a handshake line: ${out.slice(0, 200)}`));
    });
    child.once('exit', (code) =>
      rej(new Error(`plugin exited (${code}) before the handshake; stderr:\n${stderr.slice(-1500)}`)),
    );
  });
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return elapsed;
}

export interface Stats {
  median: number;
  min: number;
  p90: number;
  runs: number;
}

export async function measure(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  runs: number,
): Promise<Stats> {
  await timeHandshake(command, args, env); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeHandshake(command, args, env));
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
  return { median: at(0.5), min: at(0), p90: at(0.9), runs };
}

const fmt = (s: Stats) =>
  `${s.median.toFixed(0).padStart(4)} ms median   (min ${s.min.toFixed(0)}, p90 ${s.p90.toFixed(0)}, n=${s.runs})`;

if (import.meta.main) {
  const i = process.argv.indexOf('--runs');
  const runs = i > 0 ? Number(process.argv[i + 1]) : 15;
  const clientCert = createServerCertificate().certPem; // go-plugin sends its client certificate like this
  const host = hostPlatform();
  if (!host) throw new Error(`no single executable for ${process.platform}/${process.arch}`);
  const binDir = mkdtempSync(join(tmpdir(), 'coffer-bench-sea-'));
  const binary = join(binDir, 'terraform-provider-coffer');
  await buildExecutable(host, binary);
  const rows: [string, Stats][] = [
    ['single executable, AutoMTLS', await measure(binary, [], { PLUGIN_CLIENT_CERT: clientCert }, runs)],
    ['single executable, plaintext', await measure(binary, [], {}, runs)],
    [
      'launcher (dev_overrides), AutoMTLS',
      await measure(LAUNCHER, [], { PLUGIN_CLIENT_CERT: clientCert }, runs),
    ],
    [
      'wire layer only (fake handler)',
      await measure(
        NODE,
        [FAKE],
        { PLUGIN_CLIENT_CERT: clientCert, NODE_COMPILE_CACHE: join(tmpdir(), 'node-compile-cache') },
        runs,
      ),
    ],
  ];
  rmSync(binDir, { recursive: true, force: true });
  const cache = mkdtempSync(join(tmpdir(), 'coffer-cold-cache-'));
  const cold = await timeHandshake(LAUNCHER, [], {
    PLUGIN_CLIENT_CERT: clientCert,
    NODE_COMPILE_CACHE: cache,
  });
  rmSync(cache, { recursive: true, force: true });

  console.log(`\nProvider start-to-handshake (spawn -> handshake line on stdout), target <= ${TARGET_MS} ms`);
  for (const [name, s] of rows) console.log(`  ${name.padEnd(38)} ${fmt(s)}`);
  console.log(`  ${'launcher, first start, empty cache'.padEnd(38)} ${cold.toFixed(0).padStart(4)} ms`);
  const main = rows[0]?.[1];
  if (main) {
    console.log(
      main.median <= TARGET_MS
        ? `  within target (${main.median.toFixed(0)} <= ${TARGET_MS} ms)`
        : `  OVER target (${main.median.toFixed(0)} > ${TARGET_MS} ms)`,
    );
  }
}

// `tofu apply` of N coffer_workspace_secret resources, for N = 1, 100, 1000, in one run against a fresh
// `coffer serve`, next to the same apply of floors that do less and less of Coffer's work. Every provider runs
// as what `npm run release:provider` ships (a single executable with its code cache), built here first:
//   no-op         the wire layer's test provider, 1 computed attribute, every RPC answered at once
//   same schema   a no-op serving coffer_workspace_secret's real schema (bench/echo-provider.ts): what OpenTofu
//                 itself pays for the resource's 12 attributes before any provider work
//   API stubbed   the real provider with the Coffer API answered in its own process
//                 (bench/stub-api-provider.ts): no socket, no server
//   coffer        the real provider against `coffer serve`
// and built-in `terraform_data` (target: coffer <= 1.5x it at 1,000). Each apply starts from an empty state
// (coffer's objects are destroyed between runs, untimed); figures are medians of --runs runs, ratios medians
// of per-run ratios. CPU seconds (Linux /proc and the shell's `times`) are split between OpenTofu and the
// provider processes it starts, and `coffer serve`: they are steadier than wall time on a shared machine and
// show whose work a ratio is.
//   npm run bench -w terraform-provider-coffer            (handshake, then this)
//   node provider/bench/apply.ts [--sizes 1,100,1000] [--runs 3]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { startServer } from '@coffer/server/launch';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { bundle } from '../release/bundle.ts';
import { hostPlatform } from '../release/node-binaries.ts';
import { buildExecutable } from '../release/release.ts';
import { findTofu, writeCliConfig } from '../src/dev/tofu.ts';
import { arg, ECHO, FAKE, median, STUB_API, timeTofu } from './common.ts';

export const TARGET_RATIO_AT_1000 = 1.5;
/** Issue 10's target: coffer_workspace_secret next to the no-op provider on the same wire, at 1,000. */
export const TARGET_FLOOR_RATIO_AT_1000 = 1.25;

const MAIN = resolve(import.meta.dirname, '..', 'src', 'main.ts');

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds used by this process's waited-for children (tofu and the providers it started). */
function childrenCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime
  } catch {
    return Number.NaN;
  }
}

const REQUIRED = `terraform {
  required_providers {
    coffer = { source = "coffer/coffer" }
  }
}
`;

function cofferConfig(n: number): string {
  // One workspace per resource keeps every address independent. The workspaces exist before the timed
  // applies (main makes them): only the overrides are measured.
  return `${REQUIRED}
resource "coffer_workspace_secret" "bench" {
  count            = ${n}
  workspace_id     = "bench-\${count.index}"
  key              = "OPENAI_API_KEY"
  value_wo         = "bench-value-\${count.index}"
  value_wo_version = 1
}
`;
}

function floorConfig(n: number): string {
  return `${REQUIRED}
resource "coffer_thing" "bench" {
  count = ${n}
}
`;
}

function builtinConfig(n: number): string {
  return `resource "terraform_data" "bench" {
  count = ${n}
  input = "bench-value-\${count.index}"
}
`;
}

interface Variant {
  key: 'floor' | 'echo' | 'stub' | 'coffer';
  label: string;
  entry: string;
  config: (n: number) => string;
}
const VARIANTS: Variant[] = [
  { key: 'floor', label: 'no-op provider, 1 attribute', entry: FAKE, config: floorConfig },
  { key: 'echo', label: "no-op provider, coffer's schema", entry: ECHO, config: cofferConfig },
  { key: 'stub', label: 'coffer, API stubbed in-process', entry: STUB_API, config: cofferConfig },
  { key: 'coffer', label: 'coffer against coffer serve', entry: MAIN, config: cofferConfig },
];

/**
 * `dir/terraform-provider-coffer` (point dev_overrides at `dir`): runs the single executable built from
 * `entry`, and appends the CPU seconds it used (bash's `times`, children line) to `dir/cpu.log`.
 */
async function installProvider(dir: string, entry: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'provider.cjs');
  const exe = join(dir, 'provider');
  const host = hostPlatform();
  if (!host) throw new Error(`no single executable for ${process.platform}/${process.arch}`);
  await bundle(entry, script);
  await buildExecutable(host, exe, script);
  const log = join(dir, 'cpu.log');
  writeFileSync(
    join(dir, 'terraform-provider-coffer'),
    `#!/bin/bash\n${JSON.stringify(exe)} "$@"\nrc=$?\ntimes >> ${JSON.stringify(log)}\nexit $rc\n`,
    { mode: 0o755 },
  );
  return log;
}

/** CPU seconds of every provider process logged since the log was emptied (the children line of each `times`). */
function providerCpu(log: string): number {
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  let total = 0;
  for (let i = 1; i < lines.length; i += 2) {
    for (const m of (lines[i] as string).matchAll(/(\d+)m([\d.]+)s/g))
      total += Number(m[1]) * 60 + Number(m[2]);
  }
  return total;
}

interface Sample {
  wall: number;
  tofuCpu: number;
  providerCpu: number;
}

async function main(): Promise<void> {
  const tofu = findTofu();
  if (!tofu) {
    skipUnlessAvailable('bench apply', [
      'OpenTofu (scripts/setup.d/10-opentofu.sh builds it; or set TOFU_BIN)',
    ]);
    process.exit(0);
  }
  const work = mkdtempSync(join(tmpdir(), 'coffer-bench-apply-'));
  const server = await startServer({ dataDir: join(work, 'data'), env: { COFFER_LOG_LEVEL: 'warn' } });
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    COFFER_BASE_URL: server.baseUrl,
    COFFER_API_KEY: server.apiKey,
  };
  const at1000: Record<string, number> = {};
  const marginal: { n: number; wall: number }[] = [];
  try {
    const sizes = (arg('--sizes') ?? '1,100,1000').split(',').map(Number);
    const runs = Number(arg('--runs') ?? 3);
    console.log('building the single executables (the form `npm run release:provider` ships)...');
    const installed = new Map<Variant['key'], { cli: string; log: string }>();
    for (const v of VARIANTS) {
      const dir = join(work, `${v.key}-bin`);
      const log = await installProvider(dir, v.entry);
      installed.set(v.key, { cli: writeCliConfig(join(work, `${v.key}-cli`), dir), log });
    }
    const sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey });
    try {
      for (let i = 0; i < Math.max(...sizes); i++) await sdk.workspaces.create({ id: `bench-${i}` });
    } finally {
      await sdk.close();
    }
    console.log(`tofu apply from an empty state, median of ${runs} runs per size (--runs N, --sizes a,b,c)`);
    for (const n of sizes) {
      const samples = new Map<string, Sample[]>();
      const serverCpu: number[] = [];
      const dirs = new Map<string, string>();
      for (const v of VARIANTS) {
        const dir = mkdtempSync(join(work, `${v.key}-${n}-`));
        writeFileSync(join(dir, 'main.tf'), v.config(n));
        dirs.set(v.key, dir);
      }
      const builtinDir = mkdtempSync(join(work, `builtin-${n}-`));
      writeFileSync(join(builtinDir, 'main.tf'), builtinConfig(n));
      dirs.set('builtin', builtinDir);
      const record = (key: string, s: Sample) => samples.set(key, [...(samples.get(key) ?? []), s]);

      for (let rep = 0; rep < runs; rep++) {
        for (const key of [...VARIANTS.map((v) => v.key), 'builtin'] as const) {
          const dir = dirs.get(key) as string;
          rmSync(join(dir, 'terraform.tfstate'), { force: true });
          const provider = key === 'builtin' ? undefined : installed.get(key);
          if (provider) writeFileSync(provider.log, '');
          const runEnv = { ...env, ...(provider ? { TF_CLI_CONFIG_FILE: provider.cli } : {}) };
          const c0 = childrenCpuSeconds();
          const s0 = cpuSeconds(server.pid);
          const wall = await timeTofu(tofu, ['apply', '-auto-approve', '-no-color'], dir, runEnv);
          const all = childrenCpuSeconds() - c0;
          const own = provider ? providerCpu(provider.log) : 0;
          record(key, { wall, tofuCpu: all - own, providerCpu: own });
          if (key === 'coffer') {
            serverCpu.push(cpuSeconds(server.pid) - s0);
            await timeTofu(tofu, ['destroy', '-auto-approve', '-no-color'], dir, runEnv);
          }
        }
      }
      const of = (key: string) => samples.get(key) as Sample[];
      const wall = (key: string) => median(of(key).map((s) => s.wall));
      const ratio = (a: string, b: string) => median(of(a).map((s, i) => s.wall / (of(b)[i] as Sample).wall));
      const col = (s: string, w: number) => s.padStart(w);
      console.log(
        `\nn=${n}${' '.repeat(34 - String(n).length)}${col('wall s', 8)}${col('/ no-op', 9)}${col('/ schema', 10)}` +
          `${col('CPU s: tofu', 13)}${col('providers', 11)}${col('server', 8)}`,
      );
      for (const v of VARIANTS) {
        const cpu = (k: 'tofuCpu' | 'providerCpu') => median(of(v.key).map((s) => s[k])).toFixed(2);
        console.log(
          `  ${v.label.padEnd(35)}${col((wall(v.key) / 1000).toFixed(2), 8)}` +
            `${col(`${ratio(v.key, 'floor').toFixed(2)}x`, 9)}` +
            `${col(v.key === 'floor' ? '' : `${ratio(v.key, 'echo').toFixed(2)}x`, 10)}` +
            `${col(cpu('tofuCpu'), 13)}${col(cpu('providerCpu'), 11)}` +
            `${col(v.key === 'coffer' ? median(serverCpu).toFixed(2) : '', 8)}`,
        );
      }
      console.log(
        `  ${'terraform_data (built in)'.padEnd(35)}${col((wall('builtin') / 1000).toFixed(2), 8)}` +
          `${' '.repeat(19)}${col(median(of('builtin').map((s) => s.tofuCpu)).toFixed(2), 13)}`,
      );
      marginal.push({ n, wall: wall('coffer') });
      if (n === 1000) {
        at1000.builtin = ratio('coffer', 'builtin');
        at1000.floor = ratio('coffer', 'floor');
        at1000.echo = ratio('coffer', 'echo');
        at1000.schemaFloor = ratio('echo', 'floor');
      }
    }
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  if (at1000.floor !== undefined) {
    const verdict = (x: number, target: number) => (x <= target ? 'within' : 'OVER');
    console.log(
      `\nat 1,000: coffer / terraform_data ${at1000.builtin?.toFixed(2)}x ` +
        `(${verdict(at1000.builtin as number, TARGET_RATIO_AT_1000)} the ${TARGET_RATIO_AT_1000}x target)`,
    );
    console.log(
      `at 1,000: coffer / no-op provider ${at1000.floor.toFixed(2)}x ` +
        `(${verdict(at1000.floor, TARGET_FLOOR_RATIO_AT_1000)} the ${TARGET_FLOOR_RATIO_AT_1000}x target); ` +
        `the no-op with coffer's schema alone is ${at1000.schemaFloor?.toFixed(2)}x, ` +
        `coffer over it ${at1000.echo?.toFixed(2)}x`,
    );
  }
  if (marginal.length > 1) {
    const first = marginal[0] as (typeof marginal)[number];
    const last = marginal[marginal.length - 1] as (typeof marginal)[number];
    const perResource = (last.wall - first.wall) / (last.n - first.n);
    console.log(`coffer marginal cost: ${perResource.toFixed(2)} ms per resource (linear growth check)`);
  }
}

await main();

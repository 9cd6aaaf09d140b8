// Synth benchmark: a stack with 1,000 workspace secrets (200 workspaces x 5 override keys) through the
// WorkspaceSecrets construct and app.synth(), next to writing the equivalent Terraform JSON directly, in the
// same run. Both write cdk.tf.json to disk; the outputs are checked to be the same configuration first.
//
//   npm run bench -w @coffer/cdktf            (or npm run bench:cdktf at the root)
//   BENCH_RUNS=5 (warm in-process runs) BENCH_FRESH_RUNS=7 (fresh processes per kind)
//
// Figures: in-process (median of warm runs, what a long-lived test or watch loop sees) and a fresh process
// each (what `node main.ts` costs, module loading included). Target: cdktf <= 3x direct JSON, < 3 s.
//
// The "floor" rows build the same 1,000 resources with the library alone (cdktf's / cdktn's own
// TerraformProvider and TerraformResource, no Coffer code: no generated bindings, no constructs, no
// validation) and are checked to write the same configuration as the Coffer stack of that flavor (cdktn:
// write-only `value_wo` marked the way cdktn's generated code marks it): no binding layer can be faster.
// Fresh processes run interleaved (json, cdktf, ..., json, cdktf, ...), so load on a shared machine falls on
// every kind alike; each row shows the median and best wall time and the median CPU time (user + system)
// of the child: on a shared machine, waiting for a core only adds wall time.
// The NODE_COMPILE_CACHE rows run both sides with Node's compile cache warm (what the README recommends for
// synth runs); the ratio rows above them run both sides without it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKSPACES = 200;
const KEYS = [
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'GEMINI_API_KEY',
  'GROQ_API_KEY',
  'RESEND_API_KEY',
] as const;
const COUNT = WORKSPACES * KEYS.length;
/** The provider version the generated bindings pin in required_providers (the provider's package version). */
const PROVIDER_VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../provider/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const TARGET_RATIO = 3;
const TARGET_MS = 3000;
/** The same as WRITE_ONLY_TARGET_VERSIONS in src/cdktn (the floor must not load Coffer code). */
const WRITE_ONLY_TARGETS = { opentofu: '>=1.11.0', terraform: '>=1.11.0' };

type Kind =
  | 'cdktf'
  | 'cdktn'
  | 'cdktn-fast'
  | 'json'
  | 'load-cdktf'
  | 'load-cdktf-only'
  | 'floor-cdktf'
  | 'floor-cdktn';
const wsId = (i: number) => `ws-${String(i).padStart(4, '0')}`;

/** 200 WorkspaceSecrets of five keys each through Coffer's constructs, on cdktf or cdktn. */
async function synthCoffer(flavor: 'cdktf' | 'cdktn', outdir: string): Promise<string> {
  // cdktn's API is cdktf's, and so are the two entry points; typed as cdktf for brevity
  const lib = (flavor === 'cdktf' ? await import('cdktf') : await import('cdktn')) as typeof import('cdktf');
  const { CofferProvider, WorkspaceSecrets } = (
    flavor === 'cdktf' ? await import('../src/cdktf/index.ts') : await import('../src/cdktn/index.ts')
  ) as typeof import('../src/cdktf/index.ts');
  const app = new lib.App(
    flavor === 'cdktf' ? { outdir } : { outdir, context: { targetVersions: WRITE_ONLY_TARGETS } },
  );
  const stack = new lib.TerraformStack(app, 'bench');
  stack.addOverride('terraform.backend', undefined);
  new CofferProvider(stack, 'coffer', {});
  const v = new lib.TerraformVariable(stack, 'override_value', { type: 'string', sensitive: true });
  for (let i = 0; i < WORKSPACES; i++) {
    new WorkspaceSecrets(stack, wsId(i), {
      workspaceId: wsId(i),
      secrets: Object.fromEntries(KEYS.map((k) => [k, v])),
    });
  }
  app.synth();
  return join(outdir, 'stacks', 'bench', 'cdk.tf.json');
}

/**
 * The library alone: the same provider, variable and 1,000 resources through cdktf's (or cdktn's) own
 * TerraformProvider / TerraformResource, with none of Coffer's code. The lower bound for any bindings.
 */
async function synthFloor(flavor: 'cdktf' | 'cdktn', outdir: string): Promise<string> {
  const { lib, PlainProvider, PlainResource, Construct } = await floorClasses(flavor);
  const app = new lib.App(
    flavor === 'cdktf' ? { outdir } : { outdir, context: { targetVersions: WRITE_ONLY_TARGETS } },
  );
  const stack = new lib.TerraformStack(app, 'bench');
  stack.addOverride('terraform.backend', undefined);
  new PlainProvider(stack, 'coffer', {
    terraformResourceType: 'coffer',
    terraformGeneratorMetadata: { providerName: 'coffer', providerVersion: PROVIDER_VERSION },
    terraformProviderSource: 'registry.opentofu.org/coffer/coffer',
  });
  const v = new lib.TerraformVariable(stack, 'override_value', { type: 'string', sensitive: true });
  const value = v.stringValue;
  for (let i = 0; i < WORKSPACES; i++) {
    const ws = new Construct(stack, wsId(i));
    for (const key of KEYS)
      new PlainResource(ws, key, { key, value, workspace_id: wsId(i) }, flavor === 'cdktn');
  }
  app.synth();
  return join(outdir, 'stacks', 'bench', 'cdk.tf.json');
}

const floors = new Map<string, Awaited<ReturnType<typeof defineFloorClasses>>>();
async function floorClasses(flavor: 'cdktf' | 'cdktn') {
  let found = floors.get(flavor);
  if (!found) {
    found = await defineFloorClasses(flavor);
    floors.set(flavor, found);
  }
  return found;
}

async function defineFloorClasses(flavor: 'cdktf' | 'cdktn') {
  // cdktn's API is cdktf's (same classes and signatures); typed as cdktf for brevity
  const lib = (flavor === 'cdktf' ? await import('cdktf') : await import('cdktn')) as typeof import('cdktf');
  const { Construct } = await import('constructs');
  class PlainProvider extends lib.TerraformProvider {}
  class PlainResource extends lib.TerraformResource {
    readonly attrs: { key: string; value: string; workspace_id: string };
    readonly writeOnly: boolean;
    constructor(
      scope: InstanceType<typeof Construct>,
      id: string,
      attrs: { key: string; value: string; workspace_id: string },
      writeOnly: boolean,
    ) {
      super(scope, id, {
        terraformResourceType: 'coffer_workspace_secret',
        terraformGeneratorMetadata: { providerName: 'coffer' },
      });
      this.attrs = attrs;
      this.writeOnly = writeOnly;
    }
    protected override synthesizeAttributes(): Record<string, unknown> {
      if (!this.writeOnly) return this.attrs;
      // what cdktn's generated code does for a write-only attribute (markWriteOnlyAttribute is cdktn-only)
      const { value, ...rest } = this.attrs;
      const self = this as unknown as { markWriteOnlyAttribute(v: unknown): unknown };
      return { ...rest, value_wo: self.markWriteOnlyAttribute(value), value_wo_version: 1 };
    }
  }
  return { lib, PlainProvider, PlainResource, Construct };
}

/** The same configuration as the cdktf stack, written by hand (resource names as cdktf would name them). */
function writeJson(outdir: string, names?: Map<string, string>): string {
  const resources: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < WORKSPACES; i++) {
    for (const key of KEYS) {
      const name = names?.get(`${wsId(i)}/${key}`) ?? `${wsId(i)}_${key}`;
      resources[name] = { key, value: `\${var.override_value}`, workspace_id: wsId(i) };
    }
  }
  const doc = {
    provider: { coffer: [{}] },
    resource: { coffer_workspace_secret: resources },
    terraform: {
      required_providers: {
        coffer: { source: 'registry.opentofu.org/coffer/coffer', version: PROVIDER_VERSION },
      },
    },
    variable: { override_value: { sensitive: true, type: 'string' } },
  };
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'cdk.tf.json');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

async function once(kind: Kind, outdir: string): Promise<string> {
  if (kind === 'load-cdktf-only') {
    await import('cdktf');
    return '';
  }
  if (kind === 'load-cdktf') {
    // the fixed floor: load cdktf and the bindings, build nothing
    await import('cdktf');
    await import('../src/cdktf/index.ts');
    return '';
  }
  if (kind === 'cdktf') return synthCoffer('cdktf', outdir);
  if (kind === 'floor-cdktf') return synthFloor('cdktf', outdir);
  if (kind === 'floor-cdktn') return synthFloor('cdktn', outdir);
  if (kind === 'cdktn') return synthCoffer('cdktn', outdir);
  if (kind === 'cdktn-fast') {
    // cdktn's documented switch: no creation stack for each token (its write-only marker makes one per resource)
    process.env.CDKTN_DISABLE_CREATION_STACK = '1';
    try {
      return await synthCoffer('cdktn', outdir);
    } finally {
      delete process.env.CDKTN_DISABLE_CREATION_STACK;
    }
  }
  return writeJson(outdir);
}

/** Strips cdktf's `//` metadata so the two documents compare as configurations. */
function normalize(file: string): unknown {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    resource: { coffer_workspace_secret: Record<string, Record<string, unknown>> };
  } & Record<string, unknown>;
  delete doc['//'];
  const rs = doc.resource.coffer_workspace_secret;
  const byKey: Record<string, unknown> = {};
  for (const r of Object.values(rs)) {
    const { '//': _, ...rest } = r;
    byKey[`${rest.workspace_id}/${rest.key}`] = rest;
  }
  return { ...doc, resource: { coffer_workspace_secret: byKey } };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

interface Warm {
  /** median wall time, ms */
  median: number;
  /** median CPU time (user + system, all threads of this process), ms */
  cpu: number;
}

async function inProcess(kind: Kind, runs: number, root: string): Promise<Warm> {
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const dir = join(root, `${kind}-${i}`);
    const c = process.cpuUsage();
    const t = performance.now();
    await once(kind, dir);
    if (i > 0) {
      // the first run loads modules: see the fresh-process figures
      times.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpus.push((d.user + d.system) / 1000);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return { median: median(times), cpu: median(cpus) };
}

interface Fresh {
  /** wall time, ms */
  median: number;
  best: number;
  /** median CPU time (user + system, all threads) of the child, ms: what it costs when the machine is shared */
  cpu: number;
}

/**
 * Wall time of `node bench/synth.ts --child <kind>` for each kind, `runs` rounds, the kinds interleaved in
 * every round. With `compileCache`, Node's compile cache is on (NODE_COMPILE_CACHE, a directory of this
 * run) and warmed by one unmeasured round first; otherwise it is off.
 */
function freshProcesses<K extends string>(
  kinds: Record<K, Kind>,
  runs: number,
  root: string,
  compileCache?: string,
): Record<K, Fresh> {
  const env = { ...process.env };
  delete env.NODE_COMPILE_CACHE;
  if (compileCache) env.NODE_COMPILE_CACHE = compileCache;
  const names = Object.keys(kinds) as K[];
  const times = new Map<K, number[]>(names.map((n) => [n, []]));
  const cpus = new Map<K, number[]>(names.map((n) => [n, []]));
  for (let i = compileCache ? -1 : 0; i < runs; i++) {
    for (const name of names) {
      const dir = join(root, `proc-${name}-${i}`);
      const t = performance.now();
      const out = execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--child', kinds[name], dir],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
          env,
          encoding: 'utf8',
        },
      );
      if (i >= 0) {
        times.get(name)?.push(performance.now() - t);
        cpus.get(name)?.push(Number(/cpu-ms (\S+)/.exec(out)?.[1]));
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const out = {} as Record<K, Fresh>;
  for (const name of names) {
    const ts = times.get(name) ?? [];
    out[name] = { median: median(ts), best: Math.min(...ts), cpu: median(cpus.get(name) ?? []) };
  }
  return out;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await once(process.argv[3] as Kind, process.argv[4] as string);
    const cpu = process.cpuUsage(); // since the process started, bootstrap included
    process.stdout.write(`cpu-ms ${(cpu.user + cpu.system) / 1000}\n`);
    return;
  }
  const { WRITE_ONLY_TARGET_VERSIONS } = await import('../src/cdktn/index.ts');
  assert.deepStrictEqual(
    WRITE_ONLY_TARGETS,
    WRITE_ONLY_TARGET_VERSIONS,
    'bench: WRITE_ONLY_TARGETS is stale',
  );
  const root = mkdtempSync(join(tmpdir(), 'coffer-cdktf-bench-'));
  try {
    // Same configuration? (resource names differ only by cdktf's hash suffix)
    const a = normalize(await synthCoffer('cdktf', join(root, 'check-cdktf')));
    const b = normalize(writeJson(join(root, 'check-json')));
    assert.deepStrictEqual(a, b, 'bench: cdktf and direct JSON differ');
    const floorCdktf = normalize(await synthFloor('cdktf', join(root, 'check-floor-cdktf')));
    assert.deepStrictEqual(floorCdktf, b, 'bench: the cdktf floor and direct JSON differ');
    const cdktnFile = await synthCoffer('cdktn', join(root, 'check-cdktn'));
    const cdktnDoc = JSON.parse(readFileSync(cdktnFile, 'utf8'));
    if (Object.keys(cdktnDoc.resource.coffer_workspace_secret).length !== COUNT)
      throw new Error('bench: cdktn count');
    const floorCdktn = normalize(await synthFloor('cdktn', join(root, 'check-floor-cdktn')));
    assert.deepStrictEqual(floorCdktn, normalize(cdktnFile), 'bench: the cdktn floor and cdktn stack differ');

    const runs = Number(process.env.BENCH_RUNS ?? 5);
    const warm = {
      json: await inProcess('json', runs, root),
      cdktf: await inProcess('cdktf', runs, root),
      floorCdktf: await inProcess('floor-cdktf', runs, root),
      cdktn: await inProcess('cdktn', runs, root),
      cdktnFast: await inProcess('cdktn-fast', runs, root),
      floorCdktn: await inProcess('floor-cdktn', runs, root),
    };
    const fresh = Number(process.env.BENCH_FRESH_RUNS ?? 7);
    const cold = freshProcesses(
      {
        json: 'json',
        cdktf: 'cdktf',
        floorCdktf: 'floor-cdktf',
        cdktn: 'cdktn',
        cdktnFast: 'cdktn-fast',
        floorCdktn: 'floor-cdktn',
        loadLib: 'load-cdktf-only',
        load: 'load-cdktf',
      },
      fresh,
      root,
    );
    const cached = freshProcesses({ json: 'json', cdktf: 'cdktf' }, fresh, root, join(root, 'compile-cache'));
    const w = 50;
    const warmRow = (label: string, r: Warm) =>
      `| ${label.padEnd(w)} | ${r.median.toFixed(1).padStart(8)} | ${(r.median / warm.json.median).toFixed(1).padStart(6)}x | ${''.padStart(8)} | ${''.padStart(7)} | ${r.cpu.toFixed(1).padStart(8)} | ${(r.cpu / warm.json.cpu).toFixed(1).padStart(6)}x |`;
    const coldRow = (label: string, r: Fresh, base: Fresh) =>
      `| ${label.padEnd(w)} | ${r.median.toFixed(0).padStart(8)} | ${(r.median / base.median).toFixed(2).padStart(6)}x | ${r.best.toFixed(0).padStart(8)} | ${(r.best / base.best).toFixed(2).padStart(6)}x | ${r.cpu.toFixed(0).padStart(8)} | ${(r.cpu / base.cpu).toFixed(2).padStart(6)}x |`;
    const lines = [
      `Synth of ${COUNT} coffer_workspace_secret resources (${WORKSPACES} WorkspaceSecrets x ${KEYS.length} keys), node ${process.version}; ` +
        `in-process: median of ${runs} warm runs; fresh process: median and best wall time and median CPU time of ${fresh} interleaved runs`,
      '',
      `| ${'what'.padEnd(w)} | ${'ms'.padStart(8)} | ${'ratio'.padStart(7)} | ${'best ms'.padStart(8)} | ${'ratio'.padStart(7)} | ${'CPU ms'.padStart(8)} | ${'ratio'.padStart(7)} |`,
      `| ${'-'.repeat(w)} | ${'-'.repeat(7)}: | ${'-'.repeat(6)}: | ${'-'.repeat(7)}: | ${'-'.repeat(6)}: | ${'-'.repeat(7)}: | ${'-'.repeat(6)}: |`,
      warmRow('in-process (warm): direct JSON', warm.json),
      warmRow('in-process (warm): cdktf construct+synth', warm.cdktf),
      warmRow('  floor: cdktf alone, no Coffer code', warm.floorCdktf),
      warmRow('in-process (warm): cdktn construct+synth', warm.cdktn),
      warmRow('  same, CDKTN_DISABLE_CREATION_STACK=1', warm.cdktnFast),
      warmRow('  floor: cdktn alone, no Coffer code', warm.floorCdktn),
      coldRow('fresh process: direct JSON', cold.json, cold.json),
      coldRow('fresh process: cdktf', cold.cdktf, cold.json),
      coldRow('  floor: cdktf alone, no Coffer code', cold.floorCdktf, cold.json),
      coldRow('fresh process: cdktn', cold.cdktn, cold.json),
      coldRow('  same, CDKTN_DISABLE_CREATION_STACK=1', cold.cdktnFast, cold.json),
      coldRow('  floor: cdktn alone, no Coffer code', cold.floorCdktn, cold.json),
      coldRow('fresh process: load cdktf only', cold.loadLib, cold.json),
      coldRow('fresh process: load cdktf + Coffer entry point', cold.load, cold.json),
      coldRow('NODE_COMPILE_CACHE (warm), fresh: direct JSON', cached.json, cached.json),
      coldRow('NODE_COMPILE_CACHE (warm), fresh: cdktf', cached.cdktf, cached.json),
    ];
    console.log(lines.join('\n'));
    // Noise on a shared machine only adds time, so the best runs estimate the cost; the medians are shown too.
    const x = (r: Fresh, base: Fresh, stat: keyof Fresh) => `${(r[stat] / base[stat]).toFixed(2)}x`;
    const both = (r: Fresh) =>
      `${x(r, cold.json, 'median')} (best ${x(r, cold.json, 'best')}, CPU ${x(r, cold.json, 'cpu')})`;
    const worst = Math.max(cold.cdktf.median, cold.cdktn.median);
    // met only if the ratio holds by every measure (a lucky median on a loaded machine does not count)
    const ratioMet = (['median', 'best', 'cpu'] as const).every(
      (stat) => Math.max(cold.cdktf[stat], cold.cdktn[stat]) / cold.json[stat] <= TARGET_RATIO,
    );
    console.log(
      `\nfresh process, of direct JSON: cdktf ${both(cold.cdktf)}, cdktn ${both(cold.cdktn)}; ` +
        `slowest median ${worst.toFixed(0)} ms. Target <= ${TARGET_RATIO}x: ${ratioMet ? 'MET' : 'NOT MET'}; ` +
        `< ${TARGET_MS} ms: ${worst < TARGET_MS ? 'MET' : 'NOT MET'}`,
    );
    const above = (r: Fresh, floor: Fresh) =>
      `${(r.median - floor.median).toFixed(0)} ms (best ${(r.best - floor.best).toFixed(0)} ms, CPU ${(r.cpu - floor.cpu).toFixed(0)} ms)`;
    console.log(
      `floor (the library alone, no Coffer code), fresh process, of direct JSON: cdktf ${both(cold.floorCdktf)}, ` +
        `cdktn ${both(cold.floorCdktn)}; Coffer above the floor: cdktf ${above(cold.cdktf, cold.floorCdktf)}, ` +
        `cdktn ${above(cold.cdktn, cold.floorCdktn)}`,
    );
    const warmWorst = Math.max(warm.cdktf.median, warm.cdktn.median);
    console.log(
      `in-process: ${(warmWorst / warm.json.median).toFixed(0)}x of writing JSON directly ` +
        `(${warmWorst.toFixed(0)} ms, target < ${TARGET_MS} ms: ${warmWorst < TARGET_MS ? 'MET' : 'NOT MET'})`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();

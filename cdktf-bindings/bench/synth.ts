// Synth benchmark: a stack with 1,000 workspace secrets (200 workspaces x 5 override keys) through the
// WorkspaceSecrets construct and app.synth(), next to writing the equivalent Terraform JSON directly, in the
// same run. Both write cdk.tf.json to disk; the outputs are checked to be the same configuration first.
//
//   npm run bench -w @coffer/cdktf            (or npm run bench:cdktf at the root)
//
// Figures: in-process (median of warm runs, what a long-lived test or watch loop sees) and a fresh process
// each (what `node main.ts` costs, module loading included). Target: cdktf <= 3x direct JSON, < 3 s.
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
const TARGET_RATIO = 3;
const TARGET_MS = 3000;

type Kind = 'cdktf' | 'cdktn' | 'cdktn-fast' | 'json' | 'load-cdktf';
const wsId = (i: number) => `ws-${String(i).padStart(4, '0')}`;

async function synthCdktf(outdir: string): Promise<string> {
  const cdktf = await import('cdktf');
  const { CofferProvider, WorkspaceSecrets } = await import('../src/cdktf/index.ts');
  const app = new cdktf.App({ outdir, stackTraces: process.env.BENCH_STACK_TRACES === '1' });
  const stack = new cdktf.TerraformStack(app, 'bench');
  stack.addOverride('terraform.backend', undefined);
  new CofferProvider(stack, 'coffer', {});
  const v = new cdktf.TerraformVariable(stack, 'override_value', { type: 'string', sensitive: true });
  for (let i = 0; i < WORKSPACES; i++) {
    new WorkspaceSecrets(stack, wsId(i), {
      workspaceId: wsId(i),
      secrets: Object.fromEntries(KEYS.map((k) => [k, v])),
    });
  }
  app.synth();
  return join(outdir, 'stacks', 'bench', 'cdk.tf.json');
}

async function synthCdktn(outdir: string): Promise<string> {
  const cdktn = await import('cdktn');
  const { CofferProvider, WorkspaceSecrets, WRITE_ONLY_TARGET_VERSIONS } = await import(
    '../src/cdktn/index.ts'
  );
  const app = new cdktn.App({
    outdir,
    stackTraces: process.env.BENCH_STACK_TRACES === '1',
    context: { targetVersions: WRITE_ONLY_TARGET_VERSIONS },
  });
  const stack = new cdktn.TerraformStack(app, 'bench');
  stack.addOverride('terraform.backend', undefined);
  new CofferProvider(stack, 'coffer', {});
  const v = new cdktn.TerraformVariable(stack, 'override_value', { type: 'string', sensitive: true });
  for (let i = 0; i < WORKSPACES; i++) {
    new WorkspaceSecrets(stack, wsId(i), {
      workspaceId: wsId(i),
      secrets: Object.fromEntries(KEYS.map((k) => [k, v])),
    });
  }
  app.synth();
  return join(outdir, 'stacks', 'bench', 'cdk.tf.json');
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
    terraform: { required_providers: { coffer: { source: 'registry.opentofu.org/coffer/coffer' } } },
    variable: { override_value: { sensitive: true, type: 'string' } },
  };
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'cdk.tf.json');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}

async function once(kind: Kind, outdir: string): Promise<string> {
  if (kind === 'load-cdktf') {
    // the fixed floor: load cdktf and the bindings, build nothing
    await import('cdktf');
    await import('../src/cdktf/index.ts');
    return '';
  }
  if (kind === 'cdktf') return synthCdktf(outdir);
  if (kind === 'cdktn') return synthCdktn(outdir);
  if (kind === 'cdktn-fast') {
    // cdktn's documented switch: no creation stack for each token (its write-only marker makes one per resource)
    process.env.CDKTN_DISABLE_CREATION_STACK = '1';
    try {
      return await synthCdktn(outdir);
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

async function inProcess(kind: Kind, runs: number, root: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const dir = join(root, `${kind}-${i}`);
    const t = performance.now();
    await once(kind, dir);
    if (i > 0) times.push(performance.now() - t); // the first run loads modules: see the fresh-process figure
    rmSync(dir, { recursive: true, force: true });
  }
  return median(times);
}

function freshProcess(kind: Kind, runs: number, root: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = join(root, `proc-${kind}-${i}`);
    const t = performance.now();
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', kind, dir], {
      stdio: 'inherit',
    });
    times.push(performance.now() - t);
    rmSync(dir, { recursive: true, force: true });
  }
  return median(times);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await once(process.argv[3] as Kind, process.argv[4] as string);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'coffer-cdktf-bench-'));
  try {
    // Same configuration? (resource names differ only by cdktf's hash suffix)
    const a = normalize(await synthCdktf(join(root, 'check-cdktf')));
    const b = normalize(writeJson(join(root, 'check-json')));
    assert.deepStrictEqual(a, b, 'bench: cdktf and direct JSON differ');
    const cdktnDoc = JSON.parse(readFileSync(await synthCdktn(join(root, 'check-cdktn')), 'utf8'));
    if (Object.keys(cdktnDoc.resource.coffer_workspace_secret).length !== COUNT)
      throw new Error('bench: cdktn count');

    const runs = Number(process.env.BENCH_RUNS ?? 5);
    const warm = {
      json: await inProcess('json', runs, root),
      cdktf: await inProcess('cdktf', runs, root),
      cdktn: await inProcess('cdktn', runs, root),
      cdktnFast: await inProcess('cdktn-fast', runs, root),
    };
    const cold = {
      json: freshProcess('json', 3, root),
      cdktf: freshProcess('cdktf', 3, root),
      cdktn: freshProcess('cdktn', 3, root),
      cdktnFast: freshProcess('cdktn-fast', 3, root),
      load: freshProcess('load-cdktf', 3, root),
    };
    const row = (label: string, ms: number, base: number) =>
      `| ${label.padEnd(42)} | ${ms.toFixed(1).padStart(9)} | ${(ms / base).toFixed(2).padStart(6)}x |`;
    const lines = [
      `Synth of ${COUNT} coffer_workspace_secret resources (${WORKSPACES} WorkspaceSecrets x ${KEYS.length} keys), node ${process.version}`,
      '',
      `| ${'what'.padEnd(42)} | ${'ms'.padStart(9)} | ${'ratio'.padStart(7)} |`,
      `| ${'-'.repeat(42)} | ${'-'.repeat(9)} | ${'-'.repeat(7)} |`,
      row('in-process (warm): direct JSON', warm.json, warm.json),
      row('in-process (warm): cdktf construct+synth', warm.cdktf, warm.json),
      row('in-process (warm): cdktn construct+synth', warm.cdktn, warm.json),
      row('  same, CDKTN_DISABLE_CREATION_STACK=1', warm.cdktnFast, warm.json),
      row('fresh process: direct JSON', cold.json, cold.json),
      row('fresh process: cdktf', cold.cdktf, cold.json),
      row('fresh process: cdktn', cold.cdktn, cold.json),
      row('  same, CDKTN_DISABLE_CREATION_STACK=1', cold.cdktnFast, cold.json),
      row('fresh process: load cdktf + bindings only', cold.load, cold.json),
    ];
    console.log(lines.join('\n'));
    const worst = Math.max(cold.cdktf, cold.cdktn);
    const ratio = worst / cold.json;
    console.log(
      `\nfresh process: ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x), ${worst.toFixed(0)} ms (target < ${TARGET_MS} ms): ` +
        `${ratio <= TARGET_RATIO && worst < TARGET_MS ? 'MET' : 'NOT MET'}`,
    );
    console.log(
      `in-process: ${(Math.max(warm.cdktf, warm.cdktn) / warm.json).toFixed(1)}x of writing JSON directly ` +
        `(${Math.max(warm.cdktf, warm.cdktn).toFixed(0)} ms, target < ${TARGET_MS} ms: ${Math.max(warm.cdktf, warm.cdktn) < TARGET_MS ? 'MET' : 'NOT MET'})`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();

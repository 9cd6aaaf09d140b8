// Runs every example against a running Coffer server:
//
//   COFFER_BASE_URL=http://127.0.0.1:8080 COFFER_API_KEY=... node run-all.ts [--only sdk,hcl,cdktf,cdktn]
//       [--destroy] [--workdir DIR] [--require-tofu]
//
// 1. sdk:   seeds and bulk-rotates secrets (sdk-scripts/bulk-rotate.ts), prints the audit report.
// 2. hcl:   `tofu apply` of examples/hcl, then `tofu plan -detailed-exitcode` must report no changes.
// 3. cdktf, cdktn: synthesizes examples/cdktf-app and does the same with each stack.
// OpenTofu runs the local provider build through dev_overrides (no `tofu init`). Without tofu or the
// provider, the stacks are skipped with a message (or fail, with --require-tofu). Working directories and
// state stay in DIR (default examples/.run) so that a second run updates in place; --destroy cleans up.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Coffer } from '@coffer/sdk';
import Table from 'cli-table3';
import {
  findTofu,
  PROVIDER_BIN_DIR,
  providerAvailable,
  runTofu,
  writeCliConfig,
} from 'terraform-provider-coffer/dev';
import { synthAll } from './cdktf-app/main.ts';
import { SECRET_VARIABLES } from './cdktf-app/stacks.ts';
import { buildReport, renderReport } from './sdk-scripts/audit-report.ts';
import { rotateAll, seed } from './sdk-scripts/bulk-rotate.ts';

export const STEPS = ['sdk', 'hcl', 'cdktf', 'cdktn'] as const;
export type Step = (typeof STEPS)[number];

export interface StepResult {
  step: Step;
  status: 'ok' | 'skipped' | 'failed';
  ms: number;
  detail: string;
  outputs?: Record<string, unknown>;
}

export interface RunAllOptions {
  baseUrl: string;
  apiKey: string;
  only?: readonly Step[];
  destroy?: boolean;
  workdir?: string;
  requireTofu?: boolean;
  log?: (line: string) => void;
}

async function sdkStep(o: RunAllOptions): Promise<string> {
  const coffer = new Coffer({ baseUrl: o.baseUrl, apiKey: o.apiKey });
  try {
    const scope = { scopeType: 'team' as const, scopeId: 'bulk-demo', prefix: 'BULK_', concurrency: 8 };
    const created = await seed(coffer, scope, 50);
    const r = await rotateAll(coffer, scope);
    if (r.failed.length > 0) throw new Error(`rotation failed for ${r.failed.map((f) => f.name).join(', ')}`);
    o.log?.(renderReport(await buildReport(coffer, { hours: 1, events: 10 }), { hours: 1 }));
    return `seeded ${created}, rotated ${r.rotated} in ${Math.round(r.elapsedMs)} ms`;
  } finally {
    await coffer.close();
  }
}

/** Random values for the stacks' sensitive variables (never printed). */
function secretVars(): Record<string, string> {
  return Object.fromEntries(
    SECRET_VARIABLES.map((v) => [`TF_VAR_${v}`, randomBytes(24).toString('base64url')]),
  );
}

async function stackStep(
  o: RunAllOptions,
  step: Exclude<Step, 'sdk'>,
  tofuBin: string,
  dir: string,
  cliConfig: string,
): Promise<{ detail: string; outputs: Record<string, unknown> }> {
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    COFFER_BASE_URL: o.baseUrl,
    COFFER_API_KEY: o.apiKey,
    ...secretVars(),
  };
  const tofu = (args: string[], ok = [0]) => runTofu(tofuBin, args, { cwd: dir, env, ok });
  const started = performance.now();
  await tofu(['apply', '-auto-approve', '-input=false', '-no-color']);
  const applied = performance.now();
  const plan = await tofu(['plan', '-detailed-exitcode', '-input=false', '-no-color'], [0, 2]);
  if (plan.code === 2) throw new Error(`${step}: the plan after apply is not empty:\n${plan.stdout}`);
  const out = await tofu(['output', '-json', '-no-color']);
  const outputs = Object.fromEntries(
    Object.entries(JSON.parse(out.stdout) as Record<string, { value: unknown }>).map(([k, v]) => [
      k,
      v.value,
    ]),
  );
  let detail = `apply ${Math.round(applied - started)} ms, plan: no changes`;
  if (o.destroy) {
    await tofu(['destroy', '-auto-approve', '-input=false', '-no-color']);
    detail += ', destroyed';
  }
  return { detail, outputs };
}

export async function runAll(o: RunAllOptions): Promise<StepResult[]> {
  const log = o.log ?? (() => {});
  const only = o.only ?? STEPS;
  const workdir = resolve(o.workdir ?? join(import.meta.dirname, '.run'));
  const results: StepResult[] = [];
  const tofuBin = findTofu();
  const haveProvider = providerAvailable();
  let synthDirs: { cdktf: string; cdktn: string } | undefined;
  for (const step of STEPS) {
    if (!only.includes(step)) continue;
    const started = performance.now();
    const done = (status: StepResult['status'], detail: string, outputs?: Record<string, unknown>) => {
      const r: StepResult = { step, status, ms: Math.round(performance.now() - started), detail };
      if (outputs) r.outputs = outputs;
      results.push(r);
      log(`${step}: ${status}: ${detail}`);
    };
    try {
      if (step === 'sdk') {
        done('ok', await sdkStep(o));
        continue;
      }
      if (!tofuBin || !haveProvider) {
        const why = !tofuBin
          ? `OpenTofu not found (TOFU_BIN, ~/.cache/coffer-tools/opentofu-v1.12.6/tofu, PATH)`
          : `the provider executable is missing in ${PROVIDER_BIN_DIR}`;
        if (o.requireTofu) throw new Error(why);
        done('skipped', `!! SKIPPED: ${why}`);
        continue;
      }
      const dir = join(workdir, step);
      mkdirSync(dir, { recursive: true });
      if (step === 'hcl') {
        const src = join(import.meta.dirname, 'hcl');
        for (const f of readdirSync(src).filter((n) => n.endsWith('.tf')))
          copyFileSync(join(src, f), join(dir, f));
      } else {
        synthDirs ??= synthAll(join(workdir, 'synth'));
        copyFileSync(join(synthDirs[step], 'cdk.tf.json'), join(dir, 'cdk.tf.json'));
      }
      const cliConfig = writeCliConfig(workdir);
      const r = await stackStep(o, step, tofuBin, dir, cliConfig);
      done('ok', r.detail, r.outputs);
    } catch (e) {
      done('failed', e instanceof Error ? e.message : String(e));
    }
  }
  return results;
}

function renderResults(results: StepResult[]): string {
  const t = new Table({ head: ['example', 'result', 'time', 'detail'], style: { head: [], border: [] } });
  for (const r of results)
    t.push([r.step, r.status, `${(r.ms / 1000).toFixed(1)} s`, r.detail.split('\n')[0] ?? '']);
  return t.toString();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      destroy: { type: 'boolean', default: false },
      workdir: { type: 'string' },
      'require-tofu': { type: 'boolean', default: false },
    },
  });
  const baseUrl = process.env.COFFER_BASE_URL;
  const apiKey = process.env.COFFER_API_KEY;
  if (!baseUrl || !apiKey) {
    console.error('run-all: set COFFER_BASE_URL and COFFER_API_KEY (e.g. the server started by `npm start`)');
    process.exit(2);
  }
  const only = values.only ? (values.only.split(',') as Step[]) : undefined;
  const unknown = only?.filter((s) => !STEPS.includes(s));
  if (unknown?.length) {
    console.error(`run-all: unknown step(s) ${unknown.join(', ')}; steps: ${STEPS.join(', ')}`);
    process.exit(2);
  }
  const results = await runAll({
    baseUrl,
    apiKey,
    destroy: values.destroy,
    requireTofu: values['require-tofu'],
    log: (line) => console.log(line),
    ...(only ? { only } : {}),
    ...(values.workdir ? { workdir: values.workdir } : {}),
  });
  console.log(renderResults(results));
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

if (import.meta.main) await main();

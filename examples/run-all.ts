// Runs every example against a running Coffer server:
//
//   COFFER_BASE_URL=http://127.0.0.1:8080 COFFER_API_KEY=... node run-all.ts [--only sdk,hcl,cdktf,cdktn]
//       [--destroy] [--workdir DIR] [--require-tofu] [--organization ID]
//
// --organization: the API key's organization (default COFFER_ORGANIZATION_ID, else `default`), which the
// stacks' organization-scoped secrets and teams are created in (TF_VAR_organization_id).
//
// 1. sdk:   seeds secrets in team bulk-demo (created first) and bulk-rotates them (sdk-scripts/bulk-rotate.ts),
//           prints the audit report.
// 2. hcl:   `tofu apply` of examples/hcl (two teams, three workspaces, secrets on every layer, overrides), then
//           resolves every workspace's names through the API: each must come from the layer layout.ts expects
//           (narrowest wins), with the value applied; then `tofu plan -detailed-exitcode` must report no changes.
// 3. cdktf, cdktn: synthesizes examples/cdktf-app and does the same with each stack.
// 4. vault: examples/hcl once more with its own ids (the `vault` layout) and var.vault set, so the secrets
//           manager is VAULT: after apply every workspace resolves as expected through Coffer, and each scoped
//           secret's value is in Vault at its documented layout path (secret/data/coffer/{org}/teams/...) with
//           Coffer's marker, the reference Coffer recorded. Then it is always destroyed (the secrets manager goes
//           back to DB): a dev Vault keeps nothing across restarts. Needs COFFER_EXAMPLES_VAULT_ADDR and
//           COFFER_EXAMPLES_VAULT_TOKEN (`npm start` starts a dev server when the binary is in the tools cache);
//           without them the step is skipped with the reason, and fails under CI (scripts/lib/ci.ts).
// OpenTofu runs the local provider build through dev_overrides (no `tofu init`). Without tofu or the
// provider, the stacks are skipped with a message (or fail, with --require-tofu). Working directories and
// state stay in DIR (default examples/.run) so that a second run updates in place; --destroy cleans up.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
import { IN_CI } from '../scripts/lib/ci.ts';
import {
  DEFAULT_ORGANIZATION_ID,
  expectedResolution,
  type Layout,
  layout,
  layoutPath,
  SECRET_VARIABLES,
  scopedSecrets,
  type Variant,
} from './cdktf-app/layout.ts';
import { synthAll } from './cdktf-app/main.ts';
import { buildReport, renderReport } from './sdk-scripts/audit-report.ts';
import { rotateAll, seed } from './sdk-scripts/bulk-rotate.ts';

export const STEPS = ['sdk', 'hcl', 'cdktf', 'cdktn', 'vault'] as const;
export type Step = (typeof STEPS)[number];

export interface StepResult {
  step: Step;
  status: 'ok' | 'skipped' | 'failed';
  ms: number;
  detail: string;
  outputs?: Record<string, unknown>;
  /** Per workspace, per name: where the value resolved from (`team:payments-hcl`), or null when missing. */
  resolved?: Record<string, Record<string, string | null>>;
}

export interface RunAllOptions {
  baseUrl: string;
  apiKey: string;
  only?: readonly Step[];
  destroy?: boolean;
  workdir?: string;
  requireTofu?: boolean;
  /** The API key's organization (default: COFFER_ORGANIZATION_ID, else `default`, the server's default). */
  organizationId?: string;
  log?: (line: string) => void;
  /** The Vault the vault step configures (a dev server: KV v2 at secret/); without it that step is skipped. */
  vault?: { address: string; token: string };
  /** Whether a missing piece fails instead of skipping (default: CI as scripts/lib/ci.ts defines it). */
  inCi?: boolean;
}

/** Where the vault step's values live in Vault: the server's default KV v2 secret path. */
export const VAULT_SECRET_PATH = 'secret/data/coffer';

/** The team the SDK step seeds (seed() creates it first: secrets may only live on scopes that exist). */
export const BULK_TEAM = 'bulk-demo';

async function sdkStep(o: RunAllOptions): Promise<string> {
  const coffer = new Coffer({ baseUrl: o.baseUrl, apiKey: o.apiKey });
  try {
    const scope = { scopeType: 'team' as const, scopeId: BULK_TEAM, prefix: 'BULK_', concurrency: 8 };
    const created = await seed(coffer, scope, 50);
    const r = await rotateAll(coffer, scope);
    if (r.failed.length > 0) throw new Error(`rotation failed for ${r.failed.map((f) => f.name).join(', ')}`);
    o.log?.(renderReport(await buildReport(coffer, { hours: 1, events: 10 }), { hours: 1 }));
    return `seeded ${created}, rotated ${r.rotated} in ${Math.round(r.elapsedMs)} ms`;
  } finally {
    await coffer.close();
  }
}

let lastSecretVersion = 0;

/** Seconds since 1970, and above the last one this process used (two runs in one second still differ). */
function nextSecretVersion(): number {
  lastSecretVersion = Math.max(Math.floor(Date.now() / 1000), lastSecretVersion + 1);
  return lastSecretVersion;
}

/** Random values for the stacks' sensitive variables (never printed). */
function secretVars(): Record<string, string> {
  return Object.fromEntries(
    SECRET_VARIABLES.map((v) => [`TF_VAR_${v}`, randomBytes(24).toString('base64url')]),
  );
}

/**
 * Resolves every workspace's names and compares each with what layout.ts expects: the layer it came from and
 * the value applied from its variable (compared here, never printed). Answers the sources found and the
 * mismatches.
 */
async function checkResolution(
  o: RunAllOptions,
  variant: Variant,
  values: Record<string, string>,
): Promise<{ resolved: NonNullable<StepResult['resolved']>; problems: string[] }> {
  const coffer = new Coffer({ baseUrl: o.baseUrl, apiKey: o.apiKey });
  const resolved: NonNullable<StepResult['resolved']> = {};
  const problems: string[] = [];
  try {
    const expected = expectedResolution(layout(variant), organizationOf(o));
    for (const [workspaceId, names] of Object.entries(expected)) {
      const r = await coffer.secrets.resolve({ workspaceId, names: Object.keys(names) });
      const got = new Map(r.items.map((i) => [i.name, i]));
      resolved[workspaceId] = {};
      for (const [name, want] of Object.entries(names)) {
        const item = got.get(name);
        const from = item ? `${item.source}:${item.scope.id}` : null;
        (resolved[workspaceId] as Record<string, string | null>)[name] = from;
        const wanted = want ? `${want.source}:${want.scopeId}` : null;
        if (from !== wanted)
          problems.push(`${workspaceId} ${name}: from ${from ?? 'nowhere'}, expected ${wanted ?? 'nowhere'}`);
        else if (item && want && item.value.reveal() !== values[`TF_VAR_${want.variable}`])
          problems.push(`${workspaceId} ${name}: not the value of ${want.variable}`);
      }
    }
  } finally {
    await coffer.close();
  }
  return { resolved, problems };
}

function organizationOf(o: RunAllOptions): string {
  return o.organizationId ?? (process.env.COFFER_ORGANIZATION_ID || DEFAULT_ORGANIZATION_ID);
}

/** One row per name, one column per workspace: the layer each name resolved from. */
function renderResolution(resolved: NonNullable<StepResult['resolved']>): string {
  const workspaces = Object.keys(resolved);
  const names = [...new Set(workspaces.flatMap((ws) => Object.keys(resolved[ws] ?? {})))];
  const t = new Table({ head: ['name', ...workspaces], style: { head: [], border: [], compact: true } });
  for (const name of names)
    t.push([name, ...workspaces.map((ws) => (resolved[ws]?.[name] ?? '-').replace(':', ' '))]);
  return t.toString();
}

/**
 * Checks that each scoped secret of the layout is stored in Vault: Coffer records `storage.backend` VAULT and
 * the reference `secret/data/coffer/<layout path>`, and Vault holds there the applied value (compared, never
 * printed) with Coffer's marker (`coffer_secret_id`, the secret's id). Answers the problems found.
 */
export async function checkVault(
  o: RunAllOptions,
  vault: NonNullable<RunAllOptions['vault']>,
  l: Layout,
  values: Record<string, string>,
): Promise<{ checked: number; problems: string[] }> {
  const coffer = new Coffer({ baseUrl: o.baseUrl, apiKey: o.apiKey });
  const problems: string[] = [];
  const org = organizationOf(o);
  let checked = 0;
  try {
    const secrets = new Map<string, { id: string; backend: string; reference: string | null }>();
    for await (const m of coffer.secrets.list({ limit: 500 }))
      secrets.set(`${m.scope.type}/${m.scope.id}/${m.name}`, {
        id: m.id,
        backend: m.storage.backend,
        reference: m.storage.reference ?? null,
      });
    for (const want of scopedSecrets(l, org)) {
      const key = `${want.scopeType}/${want.scopeId}/${want.name}`;
      const path = `${VAULT_SECRET_PATH}/${layoutPath(want, org)}`;
      const meta = secrets.get(key);
      if (!meta) {
        problems.push(`${key}: not listed by Coffer`);
        continue;
      }
      if (meta.backend !== 'VAULT' || meta.reference !== path) {
        problems.push(
          `${key}: stored in ${meta.backend} at ${meta.reference ?? '-'}, expected VAULT at ${path}`,
        );
        continue;
      }
      const res = await fetch(`${vault.address}/v1/${path}`, { headers: { 'x-vault-token': vault.token } });
      if (res.status !== 200) {
        problems.push(`${key}: Vault answered ${res.status} for ${path}`);
        continue;
      }
      const data = ((await res.json()) as { data?: { data?: Record<string, unknown> } }).data?.data ?? {};
      if (data.value !== values[`TF_VAR_${want.variable}`])
        problems.push(`${key}: Vault holds at ${path} a value that is not the value of ${want.variable}`);
      else if (data.coffer_secret_id !== meta.id)
        problems.push(`${key}: the value at ${path} is not marked as secret ${meta.id}`);
      else checked++;
    }
  } finally {
    await coffer.close();
  }
  return { checked, problems };
}

interface StackPlan {
  /** Which layout the stack builds (its ids and names). */
  variant: Variant;
  /** Extra environment for OpenTofu (the vault step's token). */
  env?: Record<string, string>;
  /** After resolve: more checks, answering a phrase for the detail. */
  check?: (values: Record<string, string>) => Promise<string>;
  /** Destroy at the end, whatever --destroy says (and also when a check failed). */
  alwaysDestroy?: boolean;
}

async function stackStep(
  o: RunAllOptions,
  step: Exclude<Step, 'sdk'>,
  tofuBin: string,
  dir: string,
  cliConfig: string,
  p: StackPlan = { variant: step as Variant },
): Promise<{ detail: string; outputs: Record<string, unknown>; resolved: StepResult['resolved'] }> {
  const values = secretVars();
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    COFFER_BASE_URL: o.baseUrl,
    COFFER_API_KEY: o.apiKey,
    TF_VAR_organization_id: organizationOf(o),
    // Write-only values (hcl, cdktn) are sent only when their version changes: a new version per run sends
    // this run's values, as the cdktf variant's `value` attributes are updated when they differ.
    TF_VAR_secret_version: String(nextSecretVersion()),
    ...values,
    ...p.env,
  };
  const tofu = (args: string[], ok = [0]) => runTofu(tofuBin, args, { cwd: dir, env, ok });
  const destroy = () => tofu(['destroy', '-auto-approve', '-input=false', '-no-color']);
  const started = performance.now();
  let destroyed = false;
  try {
    await tofu(['apply', '-auto-approve', '-input=false', '-no-color']);
    const applied = performance.now();
    const { resolved, problems } = await checkResolution(o, p.variant, values);
    o.log?.(`${step}: what each workspace resolves (narrowest layer wins):\n${renderResolution(resolved)}`);
    if (problems.length > 0)
      throw new Error(`${step}: resolution is not what layout.ts expects:\n${problems.join('\n')}`);
    const checked = p.check ? `, ${await p.check(values)}` : '';
    const plan = await tofu(['plan', '-detailed-exitcode', '-input=false', '-no-color'], [0, 2]);
    if (plan.code === 2) throw new Error(`${step}: the plan after apply is not empty:\n${plan.stdout}`);
    const out = await tofu(['output', '-json', '-no-color']);
    const outputs = Object.fromEntries(
      Object.entries(JSON.parse(out.stdout) as Record<string, { value: unknown }>).map(([k, v]) => [
        k,
        v.value,
      ]),
    );
    const count = Object.values(resolved).reduce((n, names) => n + Object.keys(names).length, 0);
    let detail = `apply ${Math.round(applied - started)} ms, ${count} names resolved as expected${checked}, plan: no changes`;
    if (o.destroy || p.alwaysDestroy) {
      destroyed = true;
      await destroy();
      detail += ', destroyed';
    }
    return { detail, outputs, resolved };
  } catch (e) {
    if (p.alwaysDestroy && !destroyed) await destroy().catch(() => {});
    throw e;
  }
}

/**
 * What an interrupted vault step may have left: its scopes and organization secrets (its state is not kept: a
 * dev Vault forgets everything on restart), and the secrets manager still on VAULT at a Vault that is gone,
 * which would fail every later write. Deleting a secret stored in Vault needs Vault settings, so the secrets
 * manager is pointed at this run's Vault first (deleting a path it never held succeeds), then everything left
 * is deleted and the secrets manager goes back to DB. Answers what was removed (nothing when all was clean).
 */
export async function recoverVaultLeftovers(
  o: RunAllOptions,
  vault: NonNullable<RunAllOptions['vault']>,
): Promise<string[]> {
  const l = layout('vault');
  const coffer = new Coffer({ baseUrl: o.baseUrl, apiKey: o.apiKey });
  try {
    const org = organizationOf(o);
    const orgNames = new Set(
      scopedSecrets(l, org)
        .filter((x) => x.scopeType === 'organization')
        .map((x) => x.name),
    );
    const orgSecrets: { id: string; name: string }[] = [];
    for await (const m of coffer.secrets.list({ scopeType: 'organization', scopeId: org, limit: 500 }))
      if (orgNames.has(m.name)) orgSecrets.push({ id: m.id, name: m.name });
    const teams = new Set(Object.values(l.teams) as string[]);
    const workspaces = new Set(Object.values(l.workspaces) as string[]);
    const teamsLeft: string[] = [];
    for await (const t of coffer.teams.list()) if (teams.has(t.id)) teamsLeft.push(t.id);
    const workspacesLeft: string[] = [];
    for await (const w of coffer.workspaces.list()) if (workspaces.has(w.id)) workspacesLeft.push(w.id);
    const onVault = (await coffer.secretsManager.get()).backend === 'VAULT';
    const removed = [
      ...workspacesLeft.map((w) => `workspace ${w}`),
      ...teamsLeft.map((t) => `team ${t}`),
      ...orgSecrets.map((m) => `secret ${m.name}`),
    ];
    if (removed.length === 0 && !onVault) return [];
    await coffer.secretsManager.put({
      backend: 'VAULT',
      vault: { address: vault.address, authMethod: 'TOKEN', token: vault.token },
    });
    for (const w of workspacesLeft) await coffer.workspaces.delete(w, { cascade: true });
    for (const t of teamsLeft) await coffer.teams.delete(t, { cascade: true });
    for (const m of orgSecrets) await coffer.secrets.delete(m.id);
    await coffer.secretsManager.put({ backend: 'DB' });
    return onVault ? [...removed, 'the secrets manager on VAULT (now DB)'] : removed;
  } finally {
    await coffer.close();
  }
}

/** Puts the secrets manager back on DB (after a vault step whose destroy did not get there). */
async function resetToDb(o: RunAllOptions): Promise<void> {
  const coffer = new Coffer({ baseUrl: o.baseUrl, apiKey: o.apiKey });
  try {
    const c = await coffer.secretsManager.get();
    if (c.backend === 'VAULT') await coffer.secretsManager.put({ backend: 'DB' });
  } finally {
    await coffer.close();
  }
}

async function vaultStep(
  o: RunAllOptions,
  vault: NonNullable<RunAllOptions['vault']>,
  tofuBin: string,
  dir: string,
  cliConfig: string,
): Promise<{ detail: string; outputs: Record<string, unknown>; resolved: StepResult['resolved'] }> {
  const l = layout('vault');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const src = join(import.meta.dirname, 'hcl');
  for (const f of readdirSync(src).filter((n) => n.endsWith('.tf'))) copyFileSync(join(src, f), join(dir, f));
  writeFileSync(
    join(dir, 'terraform.tfvars.json'),
    `${JSON.stringify(
      {
        teams: l.teams,
        workspaces: {
          payments_api: l.workspaces.paymentsApi,
          risk_scoring: l.workspaces.riskScoring,
          sandbox: l.workspaces.sandbox,
        },
        name_prefix: l.prefix,
        vault: { address: vault.address },
      },
      null,
      2,
    )}\n`,
  );
  try {
    return await stackStep(o, 'vault', tofuBin, dir, cliConfig, {
      variant: 'vault',
      env: { TF_VAR_vault_token: vault.token },
      alwaysDestroy: true,
      check: async (values) => {
        const { checked, problems } = await checkVault(o, vault, l, values);
        if (problems.length > 0)
          throw new Error(
            `vault: the values are not in Vault where the layout puts them:\n${problems.join('\n')}`,
          );
        return `${checked} values in Vault under ${VAULT_SECRET_PATH}/${organizationOf(o)}/`;
      },
    });
  } finally {
    await resetToDb(o).catch(() => {});
  }
}

export async function runAll(o: RunAllOptions): Promise<StepResult[]> {
  const log = o.log ?? (() => {});
  const only = o.only ?? STEPS;
  const workdir = resolve(o.workdir ?? join(import.meta.dirname, '.run'));
  const results: StepResult[] = [];
  const tofuBin = findTofu();
  const haveProvider = providerAvailable();
  let synthDirs: { cdktf: string; cdktn: string } | undefined;
  // Before the other steps: a secrets manager left on a Vault that is gone would fail their writes.
  if (o.vault && only.includes('vault')) {
    const removed = await recoverVaultLeftovers(o, o.vault);
    if (removed.length > 0) log(`vault: removed what an interrupted run left: ${removed.join(', ')}`);
  }
  for (const step of STEPS) {
    if (!only.includes(step)) continue;
    const started = performance.now();
    const done = (
      status: StepResult['status'],
      detail: string,
      outputs?: Record<string, unknown>,
      resolved?: StepResult['resolved'],
    ) => {
      const r: StepResult = { step, status, ms: Math.round(performance.now() - started), detail };
      if (outputs) r.outputs = outputs;
      if (resolved) r.resolved = resolved;
      results.push(r);
      log(`${step}: ${status}: ${detail}`);
    };
    try {
      if (step === 'sdk') {
        done('ok', await sdkStep(o));
        continue;
      }
      if (step === 'vault' && !o.vault) {
        const why =
          'no Vault: set COFFER_EXAMPLES_VAULT_ADDR and COFFER_EXAMPLES_VAULT_TOKEN (npm start starts a dev server when ~/.cache/coffer-tools/vault-v1.21.4/vault exists: scripts/setup.d/50-vault.sh)';
        if (o.inCi ?? IN_CI) throw new Error(`${why} (required in CI)`);
        done('skipped', `!! SKIPPED: ${why}`);
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
      if (step === 'vault') {
        if (!o.vault) throw new Error('unreachable: the vault step without a Vault was skipped above');
        const r = await vaultStep(o, o.vault, tofuBin, dir, writeCliConfig(workdir));
        done('ok', r.detail, r.outputs, r.resolved);
        continue;
      }
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
      done('ok', r.detail, r.outputs, r.resolved);
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
      organization: { type: 'string' },
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
  const vaultAddress = process.env.COFFER_EXAMPLES_VAULT_ADDR;
  const vaultToken = process.env.COFFER_EXAMPLES_VAULT_TOKEN;
  const results = await runAll({
    baseUrl,
    apiKey,
    ...(vaultAddress && vaultToken ? { vault: { address: vaultAddress, token: vaultToken } } : {}),
    destroy: values.destroy,
    requireTofu: values['require-tofu'],
    log: (line) => console.log(line),
    ...(only ? { only } : {}),
    ...(values.workdir ? { workdir: values.workdir } : {}),
    ...(values.organization ? { organizationId: values.organization } : {}),
  });
  console.log(renderResults(results));
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

if (import.meta.main) await main();

// What the independent Terraform scenarios found (issue 13, items 1-8), each replayed on both CLIs against a
// real `coffer serve`.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachCli } from './lib/cli.ts';
import { createScopes } from './lib/scopes.ts';
import { Workdir } from './lib/tofu.ts';

/** The CLIs wrap diagnostic text at ~78 columns: compare with whitespace collapsed. */
const flat = (s: string) => s.replace(/[│╷╵]/g, ' ').replace(/\s+/g, ' ');
const secretVar = `
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}
`;
const many = (n: number, scope: string) => `${secretVar}
resource "coffer_secret" "many" {
  count            = ${n}
  scope_type       = "team"
  scope_id         = "${scope}"
  name             = "MANY_\${count.index}"
  value_wo         = var.secret
  value_wo_version = 1
}
`;

interface Ctx {
  server: RunningServer;
  sdk: Coffer;
  dirs: Workdir[];
}

/** A server (with `env`) and an SDK client per describe block, with the scopes the block's secrets live
 * on; work directories removed afterwards. */
function withServer(
  env: Record<string, string> = {},
  scopes: Parameters<typeof createScopes>[1] = { teams: ['payments'] },
): Ctx {
  const ctx = { dirs: [] } as unknown as Ctx;
  beforeAll(async () => {
    ctx.server = await startServer({ env });
    ctx.sdk = new Coffer({ baseUrl: ctx.server.baseUrl, apiKey: ctx.server.apiKey, maxRetries: 0 });
    await createScopes(ctx.sdk, scopes);
  });
  afterAll(async () => {
    for (const d of ctx.dirs) d.remove();
    await ctx.sdk?.close();
    await ctx.server?.stop();
  });
  return ctx;
}

const secret = `scenario-${randomBytes(12).toString('hex')}`;
function workdir(
  ctx: Ctx,
  cli: Parameters<Parameters<typeof describeEachCli>[1]>[0],
  env: Record<string, string> = {},
) {
  const wd = new Workdir(cli, {
    COFFER_BASE_URL: ctx.server.baseUrl,
    COFFER_API_KEY: ctx.server.apiKey,
    TF_VAR_secret: secret,
    ...env,
  });
  ctx.dirs.push(wd);
  return wd;
}

describeEachCli('1: -parallelism=50 against COFFER_RATE_LIMIT=50', (cli) => {
  const ctx = withServer({ COFFER_RATE_LIMIT: '50' }, { teams: ['rate-limited'] });

  it('applies and destroys 150 secrets: the 429s are waited out (Retry-After), none fails', async () => {
    const wd = workdir(ctx, cli);
    wd.write(many(150, 'rate-limited'));
    const a = await wd.must(['apply', '-auto-approve', '-parallelism=50']);
    expect(a.stdout).toContain('Apply complete! Resources: 150 added, 0 changed, 0 destroyed.');
    const p = await wd.must(['plan', '-detailed-exitcode', '-parallelism=50'], [0]);
    expect(p.stdout).toContain('No changes.');
    const d = await wd.must(['destroy', '-auto-approve', '-parallelism=50']);
    expect(d.stdout).toContain('Destroy complete! Resources: 150 destroyed.');
    expect(a.all.includes(secret) || d.all.includes(secret)).toBe(false);
  });
});

describeEachCli('2: a wrong API key with objects in the state', (cli) => {
  const ctx = withServer({}, { teams: ['wrong-key'] });

  it('is one error, reported when the provider is configured, not one per object', async () => {
    const wd = workdir(ctx, cli);
    wd.write(many(40, 'wrong-key'));
    await wd.must(['apply', '-auto-approve']);
    const wrongKey = `cof_wrong_${randomBytes(16).toString('hex')}`;
    const started = performance.now();
    const r = await wd.tofu(['plan'], { COFFER_API_KEY: wrongKey });
    const seconds = (performance.now() - started) / 1000;
    expect(r.code).toBe(1);
    expect(r.all.match(/Error: Coffer rejected the API key/g)).toHaveLength(1);
    expect(flat(r.all)).toContain('while checking the API key');
    // A 429 status, not the digits inside a request id.
    expect(r.all).not.toMatch(/\b429\b/);
    expect(r.all).not.toContain(wrongKey);
    expect(seconds).toBeLessThan(20);
  });
});

describeEachCli('3 and 4: validation as the API validates, at the attribute the CLI can show', (cli) => {
  const ctx = withServer({}, { teams: ['payments', 'emoji'], workspaces: { 'ws-emoji': 'emoji' } });

  it('refuses 2030-02-31 in validate (it used to pass and fail with a 422 at apply)', async () => {
    const wd = workdir(ctx, cli);
    wd.write(`${secretVar}
resource "coffer_secret" "x" {
  scope_type       = "team"
  scope_id         = "payments"
  name             = "FEB_31"
  expires_at       = "2030-02-31T00:00:00Z"
  value_wo         = var.secret
  value_wo_version = 1
}`);
    const r = await wd.tofu(['validate']);
    expect(r.code).toBe(1);
    expect(flat(r.all)).toContain('Error: Invalid expires_at');
    expect(r.all).toMatch(/expires_at\s+= "2030-02-31T00:00:00Z"/);
  });

  it('points a bad value inside vault = { ... } at the vault line, naming vault.kv_version', async () => {
    const wd = workdir(ctx, cli);
    wd.write(`
resource "coffer_secrets_manager" "this" {
  backend = "VAULT"
  vault = {
    address     = "http://127.0.0.1:8200"
    auth_method = "TOKEN"
    kv_version  = 3
  }
}`);
    const r = await wd.tofu(['validate']);
    expect(r.code).toBe(1);
    expect(flat(r.all)).toContain('Error: Invalid kv_version');
    expect(flat(r.all)).toContain('At vault.kv_version: kv_version must be an integer from 1 to 2; got 3.');
    // The CLI quotes the attribute's line (it used to quote the resource's first line only).
    expect(r.all).toMatch(/\d+:\s+vault = \{/);
  });

  it('accepts a value of 40,000 emoji, as the API does (it counts code points)', async () => {
    const emoji = '\u{1F511}'.repeat(40_000);
    const wd = workdir(ctx, cli);
    // Too long for an environment variable: a tfvars file (it takes precedence over TF_VAR_secret).
    writeFileSync(join(wd.dir, 'terraform.tfvars'), `secret = ${JSON.stringify(emoji)}\n`);
    wd.write(`${secretVar}
resource "coffer_secret" "x" {
  scope_type       = "team"
  scope_id         = "emoji"
  name             = "EMOJI"
  value_wo         = var.secret
  value_wo_version = 1
}`);
    await wd.must(['apply', '-auto-approve']);
    const res = await ctx.sdk.secrets.resolve({ workspaceId: 'ws-emoji', names: ['EMOJI'] });
    expect(res.items[0]?.value.reveal()).toBe(emoji);
  });
});

describeEachCli('5 and 6: coffer_secrets_manager settings', (cli) => {
  const ctx = withServer();
  let wd: Workdir;
  const manager = (settings: string) => `
resource "coffer_secrets_manager" "this" {
  backend = "DB"
${settings}
}`;

  it('after state rm, refuses to overwrite the live settings, and asks for an import', async () => {
    wd = workdir(ctx, cli);
    wd.write(manager('  cache_ttl_seconds = 60\n  fallback = "ENV"'));
    await wd.must(['apply', '-auto-approve']);
    await wd.must(['state', 'rm', 'coffer_secrets_manager.this']);
    wd.write(manager('  cache_ttl_seconds = 120'));
    const r = await wd.tofu(['apply', '-auto-approve']);
    expect(r.code).toBe(1);
    expect(flat(r.all)).toContain('Error: Secrets manager already configured');
    expect(flat(r.all)).toContain('backend DB, cache 60 s, fallback ENV');
    expect(flat(r.all)).toContain('import <address> secrets-manager');
    const sm = await ctx.sdk.secretsManager.get();
    expect(sm.cache.ttlSeconds).toBe(60);
    await wd.must(['import', 'coffer_secrets_manager.this', 'secrets-manager']);
    const p = await wd.must(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toMatch(/cache_ttl_seconds\s+= 60 -> 120/);
    // fallback is no longer configured: it returns to the default.
    expect(p.stdout).toMatch(/fallback\s+= "ENV" -> "NONE"/);
    await wd.must(['apply', '-auto-approve']);
    expect((await ctx.sdk.secretsManager.get()).cache.ttlSeconds).toBe(120);
  });

  it('returns a removed optional setting to its default instead of keeping the old value', async () => {
    wd.write(manager(''));
    const p = await wd.must(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toMatch(/cache_ttl_seconds\s+= 120 -> 300/);
    await wd.must(['apply', '-auto-approve']);
    const sm = await ctx.sdk.secretsManager.get();
    expect(sm.cache.ttlSeconds).toBe(300);
    expect(sm.fallback).toBe('NONE');
    await wd.must(['plan', '-detailed-exitcode'], [0]);
  });
});

describeEachCli('7: create_before_destroy keeping the name', (cli) => {
  const ctx = withServer();

  it('says that the replaced secret still holds the name, not only "import it"', async () => {
    const wd = workdir(ctx, cli);
    wd.write(`${secretVar}
resource "coffer_secret" "x" {
  scope_type       = "team"
  scope_id         = "payments"
  name             = "CBD"
  value_wo         = var.secret
  value_wo_version = 1
  lifecycle {
    create_before_destroy = true
  }
}`);
    await wd.must(['apply', '-auto-approve']);
    const id = wd.attrs('coffer_secret', 'x').id;
    const r = await wd.tofu(['apply', '-auto-approve', '-replace=coffer_secret.x']);
    expect(r.code).toBe(1);
    expect(flat(r.all)).toContain('Error: Secret already exists');
    expect(flat(r.all)).toContain(
      'the secret being replaced still holds the name while its successor is created',
    );
    expect(flat(r.all)).toContain('remove create_before_destroy');
    // Nothing was lost: the old secret is still managed and still on the server.
    expect(wd.attrs('coffer_secret', 'x').id).toBe(id);
    await expect(ctx.sdk.secrets.get(id as string)).resolves.toMatchObject({ name: 'CBD' });
  });
});

describeEachCli('8: plan -generate-config-out', (cli) => {
  const ctx = withServer();

  it('explains how to finish the generated configuration, which then plans the import', async () => {
    await ctx.sdk.secrets.create({
      name: 'GENERATED',
      scope: { type: 'team', id: 'payments' },
      value: 'pre-existing',
    });
    const wd = workdir(ctx, cli);
    wd.write(`${secretVar}
import {
  to = coffer_secret.gen
  id = "team/payments/GENERATED"
}`);
    const r = await wd.tofu(['plan', '-generate-config-out=generated.tf']);
    expect(r.code).toBe(1);
    const generated = wd.read('generated.tf');
    expect(generated).toMatch(/value_wo\s+= null # sensitive/);
    expect(flat(r.all)).toContain('Error: Missing value');
    expect(flat(r.all)).toContain(
      'A configuration written by plan -generate-config-out has value = null and value_wo = null',
    );
    // The step the diagnostic describes:
    const finished = generated
      .split('\n')
      .filter((l) => !/^\s*value\s+=/.test(l))
      .map((l) =>
        l
          .replace(/^(\s*)value_wo\s+=.*$/, '$1value_wo = var.secret')
          .replace(/^(\s*)value_wo_version\s+=.*$/, '$1value_wo_version = 1'),
      )
      .join('\n');
    writeFileSync(join(wd.dir, 'generated.tf'), finished);
    const p = await wd.must(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toMatch(/Plan: 1 to import, 0 to add, 1 to change, 0 to destroy\./);
  });
});

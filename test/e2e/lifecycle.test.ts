// The provider driven by the real OpenTofu against a real `coffer serve`: create, no-op plan, update in place,
// rotation through value_wo_version, replacement, drift from a rotation made through the SDK, imports (by id
// and by natural key), 404 on refresh, the ephemeral value, destroy. Write-only and ephemeral values are
// looked for in the state file, the saved plan (every entry of the zip), `tofu show -json` and every
// command's output: they must be nowhere.
import { randomBytes } from 'node:crypto';
import { Coffer, NotFoundError } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { PROVIDER_BIN, runTofu } from 'terraform-provider-coffer/dev';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachCli } from './lib/cli.ts';
import { createScopes } from './lib/scopes.ts';
import { type TofuResult, Workdir } from './lib/tofu.ts';
import { readZip } from './lib/zip.ts';

/** OpenTofu wraps diagnostic text at ~78 columns: compare with whitespace collapsed. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

const rand = (p: string) => `${p}-${randomBytes(12).toString('hex')}`;

interface Opts {
  dbName?: string;
  description?: string;
  woVersion?: number;
  imports?: boolean;
}

function hcl(o: Opts = {}): string {
  return `
provider "coffer" {}

variable "db_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "openai_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "coffer_secrets_manager" "this" {
  backend           = "DB"
  cache_ttl_seconds = 120
  fallback          = "NONE"
}

resource "coffer_secret" "db" {
  scope_type       = "team"
  scope_id         = "payments"
  name             = "${o.dbName ?? 'DB_PASSWORD'}"
  category         = "infrastructure"
  description      = "${o.description ?? 'primary database'}"
  expires_at       = "2030-01-01T00:00:00Z"
  value_wo         = var.db_password
  value_wo_version = ${o.woVersion ?? 1}
  depends_on       = [coffer_secrets_manager.this]
}

resource "coffer_workspace_secret" "openai" {
  workspace_id     = "ws-e2e"
  key              = "OPENAI_API_KEY"
  value_wo         = var.openai_key
  value_wo_version = ${o.woVersion ?? 1}
  expires_in_days  = 90
}

# A value resolved during the run and handed to a write-only attribute: in neither the state nor the plan.
ephemeral "coffer_secret_value" "seed" {
  workspace_id = "ws-e2e"
  name         = "SEED_TOKEN"
}

resource "coffer_secret" "copy" {
  scope_type       = "workspace"
  scope_id         = "ws-e2e"
  name             = "SEED_COPY"
  value_wo         = ephemeral.coffer_secret_value.seed.value
  value_wo_version = 1
}

data "coffer_secrets" "team" {
  scope_type = "team"
  scope_id   = "payments"
  depends_on = [coffer_secret.db]
}

data "coffer_workspace_secrets" "ws" {
  workspace_id = "ws-e2e"
  depends_on   = [coffer_workspace_secret.openai]
}

data "coffer_secrets_manager" "current" {
  depends_on = [coffer_secrets_manager.this]
}

output "team_names" {
  value = [for s in data.coffer_secrets.team.secrets : s.name]
}

output "ws_keys" {
  value = [for s in data.coffer_workspace_secrets.ws.secrets : s.key]
}

output "backend" {
  value = data.coffer_secrets_manager.current.effective_backend
}
${
  o.imports
    ? `
resource "coffer_secret" "by_id" {
  scope_type = "organization"
  scope_id   = "default"
  name       = "IMPORTED_BY_ID"
  value_wo   = var.db_password
  value_wo_version = 1
}

resource "coffer_secret" "by_key" {
  scope_type = "team"
  scope_id   = "payments"
  name       = "IMPORTED_BY_KEY"
  value_wo   = var.db_password
  value_wo_version = 1
}

resource "coffer_workspace_secret" "anthropic" {
  workspace_id     = "ws-e2e"
  key              = "ANTHROPIC_API_KEY"
  value_wo         = var.openai_key
  value_wo_version = 1
}
`
    : ''
}`;
}

describeEachCli('lifecycle against coffer serve', (cli) => {
  let server: RunningServer;
  let sdk: Coffer;
  let wd: Workdir;
  const outputs: TofuResult[] = [];
  // Every write-only / ephemeral value this suite uses: none may appear in state, plan or output.
  const hidden: string[] = [];
  let dbPassword = rand('db-pass');
  const openaiKey = rand('sk-openai');
  const seed = rand('seed-token');
  const outOfBand = rand('rotated-outside');
  hidden.push(dbPassword, openaiKey, seed, outOfBand);

  const tofu = async (args: string[], ok: number[] = [0], env: Record<string, string> = {}) => {
    const r = await wd.must(args, ok, {
      TF_VAR_db_password: dbPassword,
      TF_VAR_openai_key: openaiKey,
      ...env,
    });
    outputs.push(r);
    return r;
  };
  // The workspace's own chain: ws-e2e's team (payments) takes part without a teamId.
  const resolve = async (workspaceId: string, name: string) => {
    const r = await sdk.secrets.resolve({ workspaceId, names: [name] });
    const item = r.items.find((i) => i.name === name);
    return item ? (typeof item.value === 'string' ? item.value : item.value.reveal()) : undefined;
  };
  const assertNowhere = (haystack: string, where: string) => {
    for (const h of hidden) expect(haystack.includes(h), `a hidden value appeared in ${where}`).toBe(false);
  };

  beforeAll(async () => {
    server = await startServer();
    sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    // The team and the workspace the configuration stores secrets on, made before it (SEED_TOKEN needs them).
    await createScopes(sdk, { teams: ['payments'], workspaces: { 'ws-e2e': 'payments' } });
    await sdk.secrets.create({ name: 'SEED_TOKEN', scope: { type: 'workspace', id: 'ws-e2e' }, value: seed });
    wd = new Workdir(cli, {
      COFFER_BASE_URL: server.baseUrl,
      COFFER_API_KEY: server.apiKey,
    });
  });

  afterAll(async () => {
    await sdk?.close();
    await server?.stop();
    wd?.remove();
  });

  it('plans the creation into a saved plan that holds no write-only or ephemeral value', async () => {
    wd.write(hcl());
    const r = await tofu(['plan', '-out=create.tfplan']);
    expect(r.stdout).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
    expect(r.stdout).toContain('value_wo         = (write-only attribute)');
    const zip = readZip(wd.readBytes('create.tfplan'));
    expect(zip.map((e) => e.name)).toContain('tfplan');
    for (const e of zip) assertNowhere(e.data.toString('latin1'), `plan entry ${e.name}`);
    const json = await tofu(['show', '-json', 'create.tfplan']);
    assertNowhere(json.stdout, 'tofu show -json of the plan');
    const planned = JSON.parse(json.stdout).resource_changes.find(
      (c: { address: string }) => c.address === 'coffer_secret.db',
    );
    expect(planned.change.after.value_wo).toBeNull();
    expect(planned.change.after.value_wo_version).toBe(1);
    expect(planned.change.after_unknown.version).toBe(true);
  });

  it('applies the saved plan: the server holds the values, the state does not', async () => {
    const r = await tofu(['apply', 'create.tfplan']);
    expect(r.stdout).toContain('Apply complete! Resources: 4 added, 0 changed, 0 destroyed.');
    expect(await resolve('ws-e2e', 'DB_PASSWORD')).toBe(dbPassword);
    expect(await resolve('ws-e2e', 'OPENAI_API_KEY')).toBe(openaiKey);
    expect(await resolve('ws-e2e', 'SEED_COPY')).toBe(seed);
    const db = wd.attrs('coffer_secret', 'db');
    expect(db).toMatchObject({
      name: 'DB_PASSWORD',
      version: 1,
      value_wo: null,
      value: null,
      category: 'infrastructure',
    });
    expect(db.expires_at).toBe('2030-01-01T00:00:00Z');
    expect(wd.attrs('coffer_workspace_secret', 'openai')).toMatchObject({
      id: 'ws-e2e/OPENAI_API_KEY',
      version: 1,
    });
    assertNowhere(wd.read('terraform.tfstate'), 'the state file');
    const shown = await tofu(['show', '-json']);
    assertNowhere(shown.stdout, 'tofu show -json of the state');
    expect(shown.stdout).toContain('"value_wo":null');
    const out = JSON.parse((await tofu(['output', '-json'])).stdout);
    expect(out.team_names.value).toEqual(['DB_PASSWORD']);
    expect(out.ws_keys.value).toEqual(['OPENAI_API_KEY']);
    expect(out.backend.value).toBe('DB');
  });

  it('plans no changes the second time', async () => {
    const r = await tofu(['plan', '-detailed-exitcode'], [0]);
    expect(r.stdout).toContain('No changes.');
  });

  it('updates in place when only metadata changes (the value is not re-sent: version stays)', async () => {
    const before = wd.attrs('coffer_secret', 'db');
    wd.write(hcl({ description: 'the primary database' }));
    const p = await tofu(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toContain('coffer_secret.db will be updated in-place');
    expect(p.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    await tofu(['apply', '-auto-approve']);
    const after = wd.attrs('coffer_secret', 'db');
    expect(after.id).toBe(before.id);
    expect(after.version).toBe(1);
    const s = await sdk.secrets.get(after.id as string);
    expect(s.description).toBe('the primary database');
    expect(s.version).toBe(1);
  });

  it('sends a new write-only value when value_wo_version is bumped', async () => {
    dbPassword = rand('db-pass-2');
    hidden.push(dbPassword);
    wd.write(hcl({ description: 'the primary database', woVersion: 2 }));
    const p = await tofu(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toMatch(/~ version\s+= 1 -> \(known after apply\)/);
    // With the provider's logs at trace level (they go to stderr): the new value is still nowhere.
    const a = await tofu(['apply', '-auto-approve'], [0], { TF_LOG_PROVIDER: 'trace' });
    expect(a.stderr).toContain('provider.terraform-provider-coffer: rpc done');
    expect(a.stderr).toContain('rpc=ApplyResourceChange');
    expect(wd.attrs('coffer_secret', 'db').version).toBe(2);
    expect(wd.attrs('coffer_workspace_secret', 'openai').version).toBe(2);
    expect(await resolve('ws-e2e', 'DB_PASSWORD')).toBe(dbPassword);
    assertNowhere(wd.read('terraform.tfstate'), 'the state file');
  });

  it('replaces the secret when its name changes', async () => {
    const oldId = wd.attrs('coffer_secret', 'db').id as string;
    wd.write(hcl({ dbName: 'DB_PASSWORD_V2', description: 'the primary database', woVersion: 2 }));
    const p = await tofu(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toContain('coffer_secret.db must be replaced');
    expect(p.stdout).toMatch(/name\s+= "DB_PASSWORD" -> "DB_PASSWORD_V2" # forces replacement/);
    await tofu(['apply', '-auto-approve']);
    const now = wd.attrs('coffer_secret', 'db');
    expect(now.id).not.toBe(oldId);
    await expect(sdk.secrets.get(oldId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await resolve('ws-e2e', 'DB_PASSWORD_V2')).toBe(dbPassword);
  });

  it('shows a rotation made behind its back as drift in version, and the next apply puts the value back', async () => {
    const id = wd.attrs('coffer_secret', 'db').id as string;
    await sdk.secrets.update(id, { value: outOfBand });
    await sdk.workspaceSecrets.put('ws-e2e', 'OPENAI_API_KEY', { value: outOfBand });
    expect(await resolve('ws-e2e', 'DB_PASSWORD_V2')).toBe(outOfBand);
    const p = await tofu(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toContain('coffer_secret.db will be updated in-place');
    expect(p.stdout).toContain('coffer_workspace_secret.openai will be updated in-place');
    // db: 1 after the replacement, 2 after the rotation elsewhere; openai: 2 after the bump, 3 after it.
    expect(p.stdout).toMatch(/~ version\s+= 2 -> \(known after apply\)/);
    expect(p.stdout).toMatch(/~ version\s+= 3 -> \(known after apply\)/);
    await tofu(['apply', '-auto-approve']);
    expect(await resolve('ws-e2e', 'DB_PASSWORD_V2')).toBe(dbPassword);
    expect(await resolve('ws-e2e', 'OPENAI_API_KEY')).toBe(openaiKey);
    expect(wd.attrs('coffer_secret', 'db').version).toBe(3);
    await tofu(['plan', '-detailed-exitcode'], [0]);
  });

  it('imports by id and by natural key, then manages the imported objects', async () => {
    const byId = await sdk.secrets.create({
      name: 'IMPORTED_BY_ID',
      scope: { type: 'organization', id: 'default' },
      value: rand('pre-existing'),
    });
    const byKey = await sdk.secrets.create({
      name: 'IMPORTED_BY_KEY',
      scope: { type: 'team', id: 'payments' },
      value: rand('pre-existing'),
    });
    await sdk.workspaceSecrets.put('ws-e2e', 'ANTHROPIC_API_KEY', { value: rand('pre-existing') });
    wd.write(
      hcl({ dbName: 'DB_PASSWORD_V2', description: 'the primary database', woVersion: 2, imports: true }),
    );
    // An id that names nothing is refused with a diagnostic, and nothing is imported.
    const missing = await wd.tofu(['import', 'coffer_secret.by_key', 'team/payments/NOT_THERE'], {
      TF_VAR_db_password: dbPassword,
      TF_VAR_openai_key: openaiKey,
    });
    outputs.push(missing);
    expect(missing.code).toBe(1);
    expect(flat(missing.stderr)).toContain('Cannot import: no such secret');
    expect(flat(missing.stderr)).toContain('No secret named NOT_THERE in scope team/payments.');
    await tofu(['import', 'coffer_secret.by_id', byId.id]);
    await tofu(['import', 'coffer_secret.by_key', 'team/payments/IMPORTED_BY_KEY']);
    await tofu(['import', 'coffer_workspace_secret.anthropic', 'ws-e2e/ANTHROPIC_API_KEY']);
    expect(wd.attrs('coffer_secret', 'by_id')).toMatchObject({
      id: byId.id,
      name: 'IMPORTED_BY_ID',
      version: 1,
    });
    expect(wd.attrs('coffer_secret', 'by_key')).toMatchObject({
      id: byKey.id,
      scope_type: 'team',
      version: 1,
    });
    expect(wd.attrs('coffer_workspace_secret', 'anthropic')).toMatchObject({
      id: 'ws-e2e/ANTHROPIC_API_KEY',
    });
    // The configured value was never written by OpenTofu: the first apply after import writes it.
    const p = await tofu(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toContain('Plan: 0 to add, 3 to change, 0 to destroy.');
    await tofu(['apply', '-auto-approve']);
    expect(await resolve('ws-e2e', 'IMPORTED_BY_KEY')).toBe(dbPassword);
    expect(await resolve('ws-e2e', 'ANTHROPIC_API_KEY')).toBe(openaiKey);
    await tofu(['plan', '-detailed-exitcode'], [0]);
  });

  it('drops an object deleted on the server from the state and plans to create it again', async () => {
    const id = wd.attrs('coffer_secret', 'by_id').id as string;
    await sdk.secrets.delete(id);
    const p = await tofu(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toContain('coffer_secret.by_id will be created');
    await tofu(['apply', '-auto-approve']);
    expect(wd.attrs('coffer_secret', 'by_id').id).not.toBe(id);
    await tofu(['plan', '-detailed-exitcode'], [0]);
  });

  it('prints the same schema document as the provider itself', async () => {
    const fromTofu = await tofu(['providers', 'schema', '-json']);
    const own = await runTofu(PROVIDER_BIN, ['schema'], { cwd: wd.dir, env: process.env });
    expect(own.code).toBe(0);
    // The provider prints OpenTofu's address for itself; Terraform names it after its own registry.
    const expected = own.stdout.replace(
      '"registry.opentofu.org/coffer/coffer"',
      `"${cli.registry}/coffer/coffer"`,
    );
    expect(JSON.parse(fromTofu.stdout)).toEqual(JSON.parse(expected));
    expect(fromTofu.stdout.trim()).toBe(expected.trim());
  });

  it('destroys everything: the server is left with only what OpenTofu never managed', async () => {
    await sdk.secretsManager.put({ backend: 'DB', cache: { ttlSeconds: 5 } });
    const r = await tofu(['destroy', '-auto-approve']);
    expect(r.stdout).toContain('Destroy complete! Resources: 7 destroyed.');
    const left: string[] = [];
    for await (const s of sdk.secrets.list()) left.push(`${s.scope.type}/${s.scope.id}/${s.name}`);
    expect(left).toEqual(['workspace/ws-e2e/SEED_TOKEN']);
    const overrides: string[] = [];
    for await (const o of sdk.workspaceSecrets.list('ws-e2e')) overrides.push(o.key);
    expect(overrides).toEqual([]);
    const sm = await sdk.secretsManager.get();
    expect(sm.backend).toBe('DB');
    expect(sm.cache.ttlSeconds).toBe(300);
  });

  it('never printed a write-only or ephemeral value', () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const r of outputs) assertNowhere(r.all, 'tofu output');
  });
});

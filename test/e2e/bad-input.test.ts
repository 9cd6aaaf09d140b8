// What a user sees when the input or the environment is wrong: a diagnostic that names the attribute (OpenTofu
// then quotes the configuration line), nothing written to the state, and no secret in the output.
import { randomBytes } from 'node:crypto';
import { Coffer } from '@coffer/sdk';
import { freePort, type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachCli } from './lib/cli.ts';
import { createScopes } from './lib/scopes.ts';
import { Workdir } from './lib/tofu.ts';

/** OpenTofu wraps diagnostic text at ~78 columns: compare with whitespace collapsed. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describeEachCli('diagnostics for bad input', (cli) => {
  let server: RunningServer;
  let sdk: Coffer;
  const dirs: Workdir[] = [];
  const secret = `bad-input-${randomBytes(12).toString('hex')}`;

  const workdir = (env: Record<string, string> = {}) => {
    const wd = new Workdir(cli, {
      COFFER_BASE_URL: server.baseUrl,
      COFFER_API_KEY: server.apiKey,
      TF_VAR_secret: secret,
      ...env,
    });
    dirs.push(wd);
    return wd;
  };
  const secretVar = `
variable "secret" {
  type      = string
  sensitive = true
  ephemeral = true
}
`;
  const noResourcesInState = (wd: Workdir) => {
    let resources: unknown[] = [];
    try {
      resources = wd.state().resources;
    } catch {}
    expect(resources).toEqual([]);
  };

  beforeAll(async () => {
    server = await startServer();
    sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    await createScopes(sdk, { teams: ['payments'], workspaces: { 'ws-1': null } });
  });
  afterEach(() => {
    for (const d of dirs.splice(0)) d.remove();
  });
  afterAll(async () => {
    await sdk?.close();
    await server?.stop();
  });

  it('rejects an invalid secret name at the name attribute', async () => {
    const wd = workdir();
    wd.write(`${secretVar}
resource "coffer_secret" "x" {
  scope_type       = "team"
  scope_id         = "payments"
  name             = "1-NOT-AN-ENV-NAME"
  value_wo         = var.secret
  value_wo_version = 1
}`);
    const r = await wd.tofu(['plan']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Invalid name');
    expect(flat(r.stderr)).toContain('name must be an environment-variable name');
    expect(r.stderr).toMatch(/name\s+= "1-NOT-AN-ENV-NAME"/); // OpenTofu quotes the offending line
    expect(r.all).not.toContain(secret);
  });

  it('rejects an unknown override key, listing the allowed ones', async () => {
    const wd = workdir();
    wd.write(`${secretVar}
resource "coffer_workspace_secret" "x" {
  workspace_id     = "ws-1"
  key              = "MISTRAL_API_KEY"
  value_wo         = var.secret
  value_wo_version = 1
}`);
    const r = await wd.tofu(['plan']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Invalid key');
    expect(flat(r.stderr)).toContain('OPENAI_API_KEY, ANTHROPIC_API_KEY');
    expect(r.stderr).toMatch(/key\s+= "MISTRAL_API_KEY"/);
  });

  it('rejects value and value_wo together, pointing at value_wo', async () => {
    const wd = workdir();
    wd.write(`${secretVar}
resource "coffer_secret" "x" {
  scope_type       = "team"
  scope_id         = "payments"
  name             = "BOTH"
  value            = "plain-${secret}"
  value_wo         = var.secret
  value_wo_version = 1
}`);
    const r = await wd.tofu(['plan']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Conflicting value attributes');
    expect(r.stderr).toMatch(/value_wo\s+= var.secret/);
    expect(r.all).not.toContain(secret);
  });

  it('rejects a secret with no value at all', async () => {
    const wd = workdir();
    wd.write(`
resource "coffer_secret" "x" {
  scope_type = "team"
  scope_id   = "payments"
  name       = "EMPTY"
}`);
    const r = await wd.tofu(['plan']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Missing value');
  });

  it('warns that coffer_secret_value.team_id is deprecated, at its line, and still validates', async () => {
    const wd = workdir();
    wd.write(`
ephemeral "coffer_secret_value" "x" {
  workspace_id = "ws-1"
  team_id      = "payments"
  name         = "X"
}`);
    const r = await wd.tofu(['validate']);
    expect(r.code).toBe(0);
    expect(flat(r.all)).toContain('Warning: Deprecated attribute');
    expect(flat(r.all)).toContain(
      "team_id is deprecated. Leave it out. The team layer is the workspace's own team",
    );
    expect(r.all).toMatch(/team_id\s+= "payments"/);
  });

  it('says the server is unreachable and records nothing when it is down', async () => {
    const port = await freePort();
    const wd = workdir({ COFFER_BASE_URL: `http://127.0.0.1:${port}` });
    wd.write(`${secretVar}
provider "coffer" {
  max_retries = 0
}

resource "coffer_secret" "x" {
  scope_type       = "team"
  scope_id         = "payments"
  name             = "DOWN"
  value_wo         = var.secret
  value_wo_version = 1
}`);
    const r = await wd.tofu(['apply', '-auto-approve']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Cannot reach the Coffer API');
    expect(flat(r.stderr)).toContain(`http://127.0.0.1:${port}`);
    expect(flat(r.stderr)).toContain('The state was left as it was.');
    expect(r.all).not.toContain(secret);
    noResourcesInState(wd);
  });

  it('says the API key was rejected, without printing it', async () => {
    const wrongKey = `cof_wrong_${randomBytes(16).toString('hex')}`;
    const wd = workdir({ COFFER_API_KEY: wrongKey });
    wd.write(`${secretVar}
resource "coffer_secret" "x" {
  scope_type       = "team"
  scope_id         = "payments"
  name             = "WRONG_KEY"
  value_wo         = var.secret
  value_wo_version = 1
}`);
    const r = await wd.tofu(['apply', '-auto-approve']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Coffer rejected the API key');
    expect(flat(r.stderr)).toContain('COFFER_API_KEY');
    expect(r.all).not.toContain(wrongKey);
    expect(r.all).not.toContain(secret);
    noResourcesInState(wd);
  });

  it('asks for base_url when neither the provider block nor COFFER_BASE_URL has one', async () => {
    const wd = workdir({ COFFER_BASE_URL: '' });
    wd.write(`
data "coffer_secrets_manager" "x" {}
`);
    const r = await wd.tofu(['plan']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Missing base_url');
  });

  it('suggests importing a secret or an override that already exists', async () => {
    await sdk.secrets.create({
      name: 'TAKEN',
      scope: { type: 'team', id: 'payments' },
      value: 'pre-existing',
    });
    await sdk.workspaceSecrets.put('ws-1', 'GROQ_API_KEY', { value: 'pre-existing' });
    const wd = workdir();
    wd.write(`${secretVar}
resource "coffer_secret" "x" {
  scope_type       = "team"
  scope_id         = "payments"
  name             = "TAKEN"
  value_wo         = var.secret
  value_wo_version = 1
}

resource "coffer_workspace_secret" "y" {
  workspace_id     = "ws-1"
  key              = "GROQ_API_KEY"
  value_wo         = var.secret
  value_wo_version = 1
}`);
    const r = await wd.tofu(['apply', '-auto-approve']);
    expect(r.code).toBe(1);
    expect(flat(r.stderr)).toContain('Error: Secret already exists');
    expect(flat(r.stderr)).toContain('tofu import <address> team/payments/TAKEN');
    expect(flat(r.stderr)).toContain('Error: Workspace override already exists');
    expect(flat(r.stderr)).toContain('tofu import <address> ws-1/GROQ_API_KEY');
    noResourcesInState(wd);
    // The existing override kept its value: the provider did not take it over.
    const resolved = await sdk.secrets.resolve({ workspaceId: 'ws-1', names: ['GROQ_API_KEY'] });
    expect(resolved.items[0]?.value.reveal()).toBe('pre-existing');
  });
});

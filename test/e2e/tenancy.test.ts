// Teams and workspaces as resources (issue 11), on both CLIs against a real `coffer serve`: one apply of two
// teams, three workspaces (one directly in the organization), secrets on every layer and an override; each
// workspace resolves its own chain; a workspace runtime key (made with the SDK) reads the team's value
// through an ephemeral coffer_secret_value where the workspace has none; a move in place re-points the chain;
// a reference to another organization's workspace fails with a diagnostic that says so; a destroy refused
// while a team holds a secret made elsewhere names it, and delete_contents lets it through.
import { randomBytes } from 'node:crypto';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachCli } from './lib/cli.ts';
import { type TofuResult, Workdir } from './lib/tofu.ts';

/** The CLIs wrap diagnostic text at ~78 columns: compare with whitespace collapsed. */
const flat = (s: string) => s.replace(/[│╷╵]/g, ' ').replace(/\s+/g, ' ');
const rand = (p: string) => `${p}-${randomBytes(12).toString('hex')}`;

interface Opts {
  /** team of ws_org (null: directly in the organization) */
  orgWsTeam?: string | null;
  /** the runtime-key part: an ephemeral read with the workspace key, copied into a secret */
  runtime?: boolean;
  deleteContents?: boolean;
}

function hcl(o: Opts = {}): string {
  const orgWsTeam = o.orgWsTeam ?? null;
  return `
variable "v" {
  type      = object({ org = string, team = string, ws = string, override = string })
  sensitive = true
  ephemeral = true
}

resource "coffer_team" "payments" {
  id   = "payments"
  name = "Payments"
}

resource "coffer_team" "risk" {
  id = "risk"${o.deleteContents ? '\n  delete_contents = true' : ''}
}

resource "coffer_workspace" "pay" {
  id      = "ws-pay"
  team_id = coffer_team.payments.id
}

resource "coffer_workspace" "risk" {
  id      = "ws-risk"
  name    = "Risk models"
  team_id = coffer_team.risk.id
}

resource "coffer_workspace" "org" {
  id = "ws-org"${orgWsTeam ? `\n  team_id = coffer_team.${orgWsTeam}.id` : ''}
}

# SHARED on every layer but ws-pay's own: ws-pay gets the payments value, ws-risk its own, ws-org the
# organization's.
resource "coffer_secret" "org" {
  scope_type       = "organization"
  scope_id         = coffer_team.payments.organization_id
  name             = "SHARED"
  value_wo         = var.v.org
  value_wo_version = 1
}

resource "coffer_secret" "team" {
  scope_type       = "team"
  scope_id         = coffer_team.payments.id
  name             = "SHARED"
  value_wo         = var.v.team
  value_wo_version = 1
}

resource "coffer_secret" "risk_team" {
  scope_type       = "team"
  scope_id         = coffer_team.risk.id
  name             = "RISK_ONLY"
  value_wo         = var.v.team
  value_wo_version = 1
}

resource "coffer_secret" "ws" {
  scope_type       = "workspace"
  scope_id         = coffer_workspace.risk.id
  name             = "SHARED"
  value_wo         = var.v.ws
  value_wo_version = 1
}

resource "coffer_workspace_secret" "openai" {
  workspace_id     = coffer_workspace.pay.id
  key              = "OPENAI_API_KEY"
  value_wo         = var.v.override
  value_wo_version = 1
}

data "coffer_workspace" "org" {
  id = coffer_workspace.org.id
}

output "org_ws_team" {
  value = data.coffer_workspace.org.team_id
}

output "organization" {
  value = coffer_team.payments.organization_id
}
${
  o.runtime
    ? `
variable "runtime_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

# The workspace's runtime key: it may only resolve, and only for ws-pay.
provider "coffer" {
  alias   = "runtime"
  api_key = var.runtime_key
}

ephemeral "coffer_secret_value" "shared" {
  provider      = coffer.runtime
  workspace_id  = coffer_workspace.pay.id
  name          = "SHARED"
  after_version = coffer_secret.team.version
}

# What the runtime key read, written back (write-only) to check it: it is nowhere in the state or plan.
resource "coffer_secret" "seen" {
  scope_type       = "workspace"
  scope_id         = coffer_workspace.org.id
  name             = "SEEN_BY_RUNTIME"
  value_wo         = ephemeral.coffer_secret_value.shared.value
  value_wo_version = 1
}
`
    : ''
}`;
}

describeEachCli('teams and workspaces', (cli) => {
  let server: RunningServer;
  let sdk: Coffer;
  let wd: Workdir;
  const values = { org: rand('org'), team: rand('team'), ws: rand('ws'), override: rand('sk') };
  let runtimeKey = '';
  const outputs: TofuResult[] = [];
  const env = () => ({
    TF_VAR_v: JSON.stringify(values),
    ...(runtimeKey ? { TF_VAR_runtime_key: runtimeKey } : {}),
  });
  const tofu = async (args: string[], ok: number[] = [0]) => {
    const r = await wd.must(args, ok, env());
    outputs.push(r);
    return r;
  };
  const resolve = async (workspaceId: string, name: string) => {
    const r = await sdk.secrets.resolve({ workspaceId, names: [name] });
    const item = r.items.find((i) => i.name === name);
    return item && { value: item.value.reveal(), source: item.source };
  };

  beforeAll(async () => {
    server = await startServer();
    sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    wd = new Workdir(cli, { COFFER_BASE_URL: server.baseUrl, COFFER_API_KEY: server.apiKey });
  });
  afterAll(async () => {
    await sdk?.close();
    await server?.stop();
    wd?.remove();
  });

  it('applies two teams, three workspaces and secrets on every layer in one go', async () => {
    wd.write(hcl());
    const a = await tofu(['apply', '-auto-approve']);
    expect(a.stdout).toContain('Apply complete! Resources: 10 added, 0 changed, 0 destroyed.');
    expect(await sdk.teams.get('payments')).toMatchObject({ name: 'Payments', organizationId: 'default' });
    expect(await sdk.workspaces.get('ws-org')).toMatchObject({ teamId: null, name: 'ws-org' });
    expect(await sdk.workspaces.get('ws-risk')).toMatchObject({ teamId: 'risk', name: 'Risk models' });
    expect(wd.attrs('coffer_workspace', 'pay')).toMatchObject({
      id: 'ws-pay',
      name: 'ws-pay',
      team_id: 'payments',
      organization_id: 'default',
    });
    const out = JSON.parse((await tofu(['output', '-json'])).stdout);
    // A null output is left out of the list.
    expect(out.org_ws_team?.value ?? null).toBeNull();
    expect(out.organization.value).toBe('default');
  });

  it("resolves each workspace's own chain: override > workspace > its team > organization", async () => {
    expect(await resolve('ws-pay', 'SHARED')).toEqual({ value: values.team, source: 'team' });
    expect(await resolve('ws-risk', 'SHARED')).toEqual({ value: values.ws, source: 'workspace' });
    expect(await resolve('ws-org', 'SHARED')).toEqual({ value: values.org, source: 'organization' });
    expect(await resolve('ws-pay', 'OPENAI_API_KEY')).toEqual({ value: values.override, source: 'override' });
    // Another team's secret is not in a workspace's chain.
    expect(await resolve('ws-pay', 'RISK_ONLY')).toBeUndefined();
    const p = await tofu(['plan', '-detailed-exitcode'], [0]);
    expect(p.stdout).toContain('No changes.');
  });

  it("reads the team's value with the workspace's runtime key through the ephemeral resource", async () => {
    const key = await sdk.apiKeys.create({
      name: 'ws-pay runtime',
      role: 'runtime',
      scope: { type: 'workspace', id: 'ws-pay' },
    });
    runtimeKey = key.token.reveal();
    wd.write(hcl({ runtime: true }));
    const a = await tofu(['apply', '-auto-approve']);
    expect(a.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(await resolve('ws-org', 'SEEN_BY_RUNTIME')).toEqual({ value: values.team, source: 'workspace' });
    const state = wd.read('terraform.tfstate');
    for (const v of [...Object.values(values), runtimeKey]) expect(state.includes(v)).toBe(false);
    // The key resolves its own workspace only.
    const runtime = new Coffer({ baseUrl: server.baseUrl, apiKey: runtimeKey, maxRetries: 0 });
    try {
      await expect(runtime.secrets.resolve({ workspaceId: 'ws-risk', names: ['SHARED'] })).rejects.toThrow();
    } finally {
      await runtime.close();
    }
  });

  it('moves a workspace into a team in place: it then resolves that team', async () => {
    wd.write(hcl({ runtime: true, orgWsTeam: 'payments' }));
    const p = await tofu(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toContain('coffer_workspace.org will be updated in-place');
    expect(p.stdout).toMatch(/\+ team_id\s+= "payments"/);
    expect(p.stdout).toContain('0 to add, 1 to change, 0 to destroy.');
    await tofu(['apply', '-auto-approve']);
    expect((await sdk.workspaces.get('ws-org')).teamId).toBe('payments');
    expect(await resolve('ws-org', 'SHARED')).toEqual({ value: values.team, source: 'team' });
    const out = JSON.parse((await tofu(['output', '-json'])).stdout);
    expect(out.org_ws_team.value).toBe('payments');
  });

  it("refuses another organization's workspace with a diagnostic that says so", async () => {
    await sdk.organizations.create({ id: 'other' });
    const owner = await sdk.apiKeys.create({
      name: 'other owner',
      role: 'owner',
      scope: { type: 'organization', id: 'other' },
    });
    const other = new Coffer({ baseUrl: server.baseUrl, apiKey: owner.token.reveal(), maxRetries: 0 });
    try {
      await other.workspaces.create({ id: 'ws-other' });
    } finally {
      await other.close();
    }
    const cross = new Workdir(cli, { COFFER_BASE_URL: server.baseUrl, COFFER_API_KEY: server.apiKey });
    try {
      cross.write(`
resource "coffer_secret" "x" {
  scope_type = "workspace"
  scope_id   = "ws-other"
  name       = "CROSS_ORG"
  value      = "not-a-real-secret"
}`);
      const w = await cross.tofu(['apply', '-auto-approve']);
      expect(w.code).toBe(1);
      expect(flat(w.all)).toContain('Error: API key not allowed to do this');
      expect(flat(w.all)).toContain('another organization than workspace ws-other');
      cross.write(`
data "coffer_workspace" "other" {
  id = "ws-other"
}`);
      const r = await cross.tofu(['plan']);
      expect(r.code).toBe(1);
      expect(flat(r.all)).toContain('Error: No such workspace');
      expect(flat(r.all)).toContain('it belongs to another organization');
    } finally {
      cross.remove();
    }
  });

  it('refuses to destroy a team that holds a secret made elsewhere, naming it; delete_contents lets it through', async () => {
    // Without the runtime part first: destroying ws-pay revokes the keys on it, the runtime key included.
    wd.write(hcl({ orgWsTeam: 'payments' }));
    await tofu(['apply', '-auto-approve']);
    await sdk.secrets.create({
      name: 'MADE_ELSEWHERE',
      scope: { type: 'team', id: 'risk' },
      value: rand('x'),
    });
    const d = await wd.tofu(['destroy', '-auto-approve'], env());
    outputs.push(d);
    expect(d.code).toBe(1);
    expect(flat(d.all)).toContain('Error: Team not empty');
    expect(flat(d.all)).toMatch(/risk still holds 1 secret/);
    expect(flat(d.all)).toContain('delete_contents = true');
    expect((await sdk.teams.get('risk')).id).toBe('risk');
    wd.write(hcl({ orgWsTeam: 'payments', deleteContents: true }));
    await tofu(['apply', '-auto-approve']);
    const r = await tofu(['destroy', '-auto-approve']);
    expect(r.stdout).toContain('Destroy complete!');
    const teams: string[] = [];
    for await (const t of sdk.teams.list()) teams.push(t.id);
    expect(teams).toEqual([]);
    const workspaces: string[] = [];
    for await (const w of sdk.workspaces.list()) workspaces.push(w.id);
    expect(workspaces).toEqual([]);
    const left: string[] = [];
    for await (const s of sdk.secrets.list()) left.push(s.name);
    expect(left).toEqual([]);
  });

  it('never printed a value or the runtime key', () => {
    expect(outputs.length).toBeGreaterThan(5);
    for (const r of outputs) {
      for (const v of [...Object.values(values), runtimeKey]) expect(r.all.includes(v)).toBe(false);
    }
  });
});

// Vault for real through the provider (issue 12), on both CLIs: a Vault dev server behind a TCP gate, a
// `coffer serve` configured as VAULT by coffer_secrets_manager in the same apply that creates a team, a
// workspace and their secrets. The values are read straight from Vault's API at the layout paths the server
// README documents ({secretPath}/{org}/teams/{team}/NAME, .../workspaces/{ws}/NAME); a value_wo_version bump
// writes a new KV v2 version; an outage (the gate closed) fails the apply with a diagnostic naming Vault and
// writes nothing anywhere, and the apply after recovery converges; destroy removes the values from Vault.
// Then READONLY_VAULT: a coffer_secret with vault_ref resolves to a field Coffer never wrote, a changed
// reference is a new version, destroy leaves the Vault secret alone. Values never reach a plan or a state.
import { randomBytes } from 'node:crypto';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Gate,
  requireTool,
  startGate,
  startVaultDev,
  type VaultDev,
} from '../../server/test/support/remote-tools.ts';
import { describeEachCli } from './lib/cli.ts';
import { Workdir } from './lib/tofu.ts';
import { readZip } from './lib/zip.ts';

/** The CLIs wrap diagnostic text at ~78 columns: compare with whitespace collapsed. */
const flat = (s: string) => s.replace(/[│╷╵]/g, ' ').replace(/\s+/g, ' ');
const rand = (p: string) => `${p}-${randomBytes(12).toString('hex')}`;

const ORG = 'default'; // the bootstrap key's organization
const TEAM_PATH = `secret/data/coffer/${ORG}/teams/payments/DB_PASSWORD`;
const WS_PATH = `secret/data/coffer/${ORG}/teams/payments/workspaces/ws-pay/API_TOKEN`;
const NEW_PATH = `secret/data/coffer/${ORG}/teams/payments/NEW_KEY`;
const meta = (p: string) => p.replace('/data/', '/metadata/');

interface Opts {
  teamVersion: number;
  extra?: boolean;
}

function hcl(address: string, o: Opts): string {
  return `
variable "vault_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

variable "v" {
  type      = object({ team = string, ws = string, extra = string })
  sensitive = true
  ephemeral = true
}

resource "coffer_secrets_manager" "this" {
  backend           = "VAULT"
  cache_ttl_seconds = 0
  vault = {
    address          = "${address}"
    token_wo         = var.vault_token
    token_wo_version = 1
  }
}

resource "coffer_team" "payments" {
  id         = "payments"
  depends_on = [coffer_secrets_manager.this]
}

resource "coffer_workspace" "pay" {
  id      = "ws-pay"
  team_id = coffer_team.payments.id
}

resource "coffer_secret" "team" {
  scope_type       = "team"
  scope_id         = coffer_team.payments.id
  name             = "DB_PASSWORD"
  value_wo         = var.v.team
  value_wo_version = ${o.teamVersion}
}

resource "coffer_secret" "ws" {
  scope_type       = "workspace"
  scope_id         = coffer_workspace.pay.id
  name             = "API_TOKEN"
  value_wo         = var.v.ws
  value_wo_version = 1
}
${
  o.extra
    ? `
resource "coffer_secret" "extra" {
  scope_type       = "team"
  scope_id         = coffer_team.payments.id
  name             = "NEW_KEY"
  value_wo         = var.v.extra
  value_wo_version = 1
}
`
    : ''
}`;
}

function readonlyHcl(address: string, ref: string): string {
  return `
variable "vault_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "coffer_secrets_manager" "this" {
  backend           = "READONLY_VAULT"
  cache_ttl_seconds = 0
  vault = {
    address          = "${address}"
    token_wo         = var.vault_token
    token_wo_version = 1
  }
}

resource "coffer_team" "risk" {
  id         = "risk"
  depends_on = [coffer_secrets_manager.this]
}

resource "coffer_workspace" "risk" {
  id      = "ws-risk"
  team_id = coffer_team.risk.id
}

resource "coffer_secret" "stripe" {
  scope_type = "team"
  scope_id   = coffer_team.risk.id
  name       = "STRIPE_KEY"
  vault_ref  = "${ref}"
}
`;
}

const hasVault = requireTool('vault');

describeEachCli('Vault through Terraform', (cli) => {
  if (!hasVault) {
    it.skip('needs the Vault dev server (scripts/setup.d/50-vault.sh)', () => {});
    return;
  }
  let vault: VaultDev;
  let gate: Gate;
  let server: RunningServer;
  let sdk: Coffer;
  let wd: Workdir;
  const values = { team: rand('team'), ws: rand('ws'), extra: rand('extra') };
  const rotated = rand('rotated');
  /** Every value the test handed to Vault or Coffer: none may appear in output, plans or states. */
  const secrets = [values.team, values.ws, values.extra, rotated];

  /** The KV v2 data of `path` (null when Vault has none), read with the root token, past the gate. */
  const kv = async (path: string) => {
    const r = await vault.api('GET', path);
    if (r.status === 404) return null;
    expect(r.status, path).toBe(200);
    return r.json.data as { data: Record<string, string> | null; metadata: { version: number } };
  };
  const noSecretIn = (text: string) => {
    for (const v of secrets) expect(text.includes(v)).toBe(false);
  };
  const env = (team: string) => ({ TF_VAR_v: JSON.stringify({ ...values, team }) });

  beforeAll(async () => {
    vault = await startVaultDev('vault');
    gate = await startGate(vault.address);
    server = await startServer();
    sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    wd = new Workdir(cli, {
      COFFER_BASE_URL: server.baseUrl,
      COFFER_API_KEY: server.apiKey,
      TF_VAR_vault_token: vault.rootToken,
    });
  });
  afterAll(async () => {
    await sdk?.close();
    await server?.stop();
    await gate?.stop();
    await vault?.stop();
    wd?.remove();
  });

  it('one apply configures VAULT and writes the team and workspace secrets at their layout paths', async () => {
    wd.write(hcl(gate.address, { teamVersion: 1 }));
    await wd.must(['plan', '-out=v.tfplan'], [0], env(values.team));
    for (const e of readZip(wd.readBytes('v.tfplan'))) noSecretIn(e.data.toString('latin1'));
    const a = await wd.must(['apply', 'v.tfplan'], [0], env(values.team));
    noSecretIn(a.all);
    noSecretIn(wd.read('terraform.tfstate'));
    expect(wd.attrs('coffer_secrets_manager', 'this')).toMatchObject({
      backend: 'VAULT',
      effective_backend: 'VAULT',
      fallback_reason: null,
    });
    expect(wd.attrs('coffer_secrets_manager', 'this').vault).toMatchObject({
      auth_method: 'TOKEN',
      kv_version: 2,
      secret_path: 'secret/data/coffer',
      secret_metadata_path: 'secret/metadata/coffer',
      token_wo: null,
    });
    const team = await kv(TEAM_PATH);
    expect(team?.data?.value === values.team).toBe(true);
    expect(team?.metadata.version).toBe(1);
    const ws = await kv(WS_PATH);
    expect(ws?.data?.value === values.ws).toBe(true);
    // The secret's recorded storage is that same path.
    const id = wd.attrs('coffer_secret', 'team').id as string;
    const stored = await sdk.secrets.get(id);
    expect(stored.storage).toMatchObject({ backend: 'VAULT', reference: TEAM_PATH, remoteVersion: '1' });
    await wd.must(['plan', '-detailed-exitcode'], [0], env(values.team));
  });

  it('a value_wo_version bump writes a new KV v2 version, the old one kept by Vault', async () => {
    wd.write(hcl(gate.address, { teamVersion: 2 }));
    const a = await wd.must(['apply', '-auto-approve'], [0], env(rotated));
    noSecretIn(a.all);
    const team = await kv(TEAM_PATH);
    expect(team?.metadata.version).toBe(2);
    expect(team?.data?.value === rotated).toBe(true);
    const v1 = await vault.api('GET', `${TEAM_PATH}?version=1`);
    expect(v1.json.data.data.value === values.team).toBe(true);
    expect(wd.attrs('coffer_secret', 'team')).toMatchObject({ version: 2, value_wo_version: 2 });
    await wd.must(['plan', '-detailed-exitcode'], [0], env(rotated));
  });

  it('an outage fails the apply naming Vault, writes nothing, and the apply after recovery converges', async () => {
    wd.write(hcl(gate.address, { teamVersion: 3, extra: true }));
    await gate.close();
    let r: Awaited<ReturnType<Workdir['tofu']>>;
    try {
      r = await wd.tofu(['apply', '-auto-approve'], env(values.team));
    } finally {
      await gate.open();
    }
    expect(r.code).toBe(1);
    noSecretIn(r.all);
    const text = flat(r.all);
    // One diagnostic per failed write, each naming the backend, its address and the secret.
    for (const [verb, path] of [
      ['updating secret team/payments/DB_PASSWORD', TEAM_PATH],
      ['creating secret team/payments/NEW_KEY', NEW_PATH],
    ]) {
      expect(text).toContain(`${verb}: 503 Service unavailable: Vault at ${gate.address}: POST ${path}`);
    }
    expect(text).toContain('Vault refused the connection');
    // Nothing half-written: Coffer has no NEW_KEY and DB_PASSWORD is still at version 2, Vault the same.
    const names: string[] = [];
    for await (const s of sdk.secrets.list({ scopeType: 'team', scopeId: 'payments' })) names.push(s.name);
    expect(names.sort()).toEqual(['DB_PASSWORD']);
    expect((await sdk.secrets.get(wd.attrs('coffer_secret', 'team').id as string)).version).toBe(2);
    expect(await kv(NEW_PATH)).toBeNull();
    expect((await kv(TEAM_PATH))?.metadata.version).toBe(2);
    expect(() => wd.attrs('coffer_secret', 'extra')).toThrow();
    expect(wd.attrs('coffer_secret', 'team')).toMatchObject({ version: 2, value_wo_version: 2 });

    const again = await wd.must(['apply', '-auto-approve'], [0], env(values.team));
    noSecretIn(again.all);
    expect((await kv(NEW_PATH))?.data?.value === values.extra).toBe(true);
    const team = await kv(TEAM_PATH);
    expect(team?.metadata.version).toBe(3);
    expect(team?.data?.value === values.team).toBe(true);
    await wd.must(['plan', '-detailed-exitcode'], [0], env(values.team));
  });

  it('destroy deletes the values from Vault and resets the server to DB', async () => {
    await wd.must(['destroy', '-auto-approve'], [0], env(values.team));
    for (const p of [TEAM_PATH, WS_PATH, NEW_PATH]) {
      expect(await kv(p), p).toBeNull();
      expect((await vault.api('GET', meta(p))).status, meta(p)).toBe(404);
    }
    expect((await sdk.secretsManager.get()).backend).toBe('DB');
  });

  it('READONLY_VAULT: vault_ref resolves to a field Coffer never wrote; a new reference is a new version', async () => {
    const stripe = rand('stripe');
    const next = rand('next');
    secrets.push(stripe, next);
    for (const [path, value] of [
      ['secret/data/risk/stripe', stripe],
      ['secret/data/risk/stripe-next', next],
    ] as const) {
      expect((await vault.api('POST', path, { data: { api_key: value } })).status).toBe(200);
    }
    const ro = new Workdir(cli, wd.env as Record<string, string>);
    try {
      ro.write(readonlyHcl(gate.address, 'secret/data/risk/stripe#api_key'));
      const a = await ro.must(['apply', '-auto-approve']);
      expect(a.all.includes(stripe)).toBe(false);
      expect(ro.attrs('coffer_secrets_manager', 'this').effective_backend).toBe('READONLY_VAULT');
      expect(ro.attrs('coffer_secret', 'stripe')).toMatchObject({
        vault_ref: 'secret/data/risk/stripe#api_key',
        version: 1,
      });
      const resolve = async () =>
        (
          await sdk.secrets.resolve({ workspaceId: 'ws-risk', names: ['STRIPE_KEY'] })
        ).items[0]?.value.reveal();
      expect((await resolve()) === stripe).toBe(true);
      await ro.must(['plan', '-detailed-exitcode'], [0]);

      ro.write(readonlyHcl(gate.address, 'secret/data/risk/stripe-next#api_key'));
      const p = await ro.must(['plan', '-detailed-exitcode'], [2]);
      expect(flat(p.stdout)).toMatch(
        /vault_ref\s+= "secret\/data\/risk\/stripe#api_key" -> "secret\/data\/risk\/stripe-next#api_key"/,
      );
      expect(flat(p.stdout)).toMatch(/version\s+= 1 -> \(known after apply\)/);
      await ro.must(['apply', '-auto-approve']);
      expect(ro.attrs('coffer_secret', 'stripe')).toMatchObject({ version: 2 });
      expect((await resolve()) === next).toBe(true);

      // A path Vault does not have is refused at vault_ref, changing nothing.
      ro.write(readonlyHcl(gate.address, 'secret/data/risk/nope#api_key'));
      const bad = await ro.tofu(['apply', '-auto-approve']);
      expect(bad.code).toBe(1);
      expect(flat(bad.all)).toContain('secret/data/risk/nope');
      expect(flat(bad.all)).toMatch(/vault_ref/);
      expect((await resolve()) === next).toBe(true);
      expect(ro.attrs('coffer_secret', 'stripe')).toMatchObject({ version: 2 });

      ro.write(readonlyHcl(gate.address, 'secret/data/risk/stripe-next#api_key'));
      await ro.must(['destroy', '-auto-approve']);
      expect((await kv('secret/data/risk/stripe-next'))?.data?.api_key === next).toBe(true);
      noSecretIn(ro.read('terraform.tfstate'));
    } finally {
      ro.remove();
    }
  });
});

// Resource identity (protocol 6.10): `import { to = ... identity = { ... } }` takes over existing objects
// named by their identity (no import id to spell): a team, a workspace, a secret and an override, on both
// CLIs, and the state records each instance's identity.
import { randomBytes } from 'node:crypto';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachCli } from './lib/cli.ts';
import { createScopes } from './lib/scopes.ts';
import { Workdir } from './lib/tofu.ts';

const config = `
variable "value" {
  type      = string
  sensitive = true
  ephemeral = true
}

import {
  to       = coffer_team.payments
  identity = { id = "payments" }
}

import {
  to       = coffer_workspace.identity
  identity = { id = "ws-identity" }
}

import {
  to       = coffer_secret.db
  identity = { scope_type = "team", scope_id = "payments", name = "BY_IDENTITY" }
}

import {
  to       = coffer_workspace_secret.openai
  identity = { workspace_id = "ws-identity", key = "OPENAI_API_KEY" }
}

resource "coffer_team" "payments" {
  id = "payments"
}

resource "coffer_workspace" "identity" {
  id      = "ws-identity"
  team_id = coffer_team.payments.id
}

resource "coffer_secret" "db" {
  scope_type       = "team"
  scope_id         = coffer_team.payments.id
  name             = "BY_IDENTITY"
  value_wo         = var.value
  value_wo_version = 1
}

resource "coffer_workspace_secret" "openai" {
  workspace_id     = coffer_workspace.identity.id
  key              = "OPENAI_API_KEY"
  value_wo         = var.value
  value_wo_version = 1
}
`;

interface StateInstance {
  attributes: Record<string, unknown>;
  identity?: Record<string, unknown>;
  identity_schema_version?: number;
}

describeEachCli('import by resource identity', (cli) => {
  let server: RunningServer;
  let sdk: Coffer;
  let wd: Workdir;
  const value = `identity-${randomBytes(12).toString('hex')}`;
  let secretId = '';

  beforeAll(async () => {
    server = await startServer();
    sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    await createScopes(sdk, { teams: ['payments'], workspaces: { 'ws-identity': 'payments' } });
    const s = await sdk.secrets.create({
      name: 'BY_IDENTITY',
      scope: { type: 'team', id: 'payments' },
      value: 'pre-existing',
    });
    secretId = s.id;
    await sdk.workspaceSecrets.put('ws-identity', 'OPENAI_API_KEY', { value: 'pre-existing' });
    wd = new Workdir(cli, {
      COFFER_BASE_URL: server.baseUrl,
      COFFER_API_KEY: server.apiKey,
      TF_VAR_value: value,
    });
    wd.write(config);
  });
  afterAll(async () => {
    await sdk?.close();
    await server?.stop();
    wd?.remove();
  });

  it('plans the four imports from the identities alone', async () => {
    const p = await wd.must(['plan', '-detailed-exitcode'], [2]);
    // The provider answered ImportResourceState from the identity, then the read found each object.
    expect(p.stdout).toMatch(/coffer_secret\.db: Refreshing state\.\.\. \[id=[0-9a-f-]{36}\]/);
    expect(p.stdout).toContain(
      'coffer_workspace_secret.openai: Refreshing state... [id=ws-identity/OPENAI_API_KEY]',
    );
    // Terraform says "(will be imported first)", OpenTofu "imported using resource identity: {...}".
    const imported = /\n\s+# (\(will be imported first\)|imported using resource identity)/.source;
    expect(p.stdout).toMatch(new RegExp(`# coffer_secret\\.db will be updated in-place${imported}`));
    expect(p.stdout).toMatch(
      new RegExp(`# coffer_workspace_secret\\.openai will be updated in-place${imported}`),
    );
    // The team and the workspace match the configuration as they are: imported, not changed.
    expect(p.stdout).toContain('coffer_team.payments: Refreshing state... [id=payments]');
    expect(p.stdout).toContain('coffer_workspace.identity: Refreshing state... [id=ws-identity]');
    expect(p.stdout).toMatch(/Plan: 4 to import, 0 to add, 2 to change, 0 to destroy\./);
  });

  it('imports them, records their identity in the state, and writes the configured values', async () => {
    const a = await wd.must(['apply', '-auto-approve']);
    expect(a.stdout).toMatch(/Apply complete! Resources: 4 imported, 0 added, 2 changed, 0 destroyed\./);
    const state = JSON.parse(wd.read('terraform.tfstate')) as {
      resources: { type: string; instances: StateInstance[] }[];
    };
    const inst = (type: string) => state.resources.find((r) => r.type === type)?.instances[0];
    expect(inst('coffer_secret')?.attributes.id).toBe(secretId);
    expect(inst('coffer_secret')?.identity).toEqual({
      scope_type: 'team',
      scope_id: 'payments',
      name: 'BY_IDENTITY',
    });
    expect(inst('coffer_team')?.identity).toEqual({ id: 'payments' });
    expect(inst('coffer_workspace')?.identity).toEqual({ id: 'ws-identity' });
    expect(inst('coffer_workspace')?.attributes).toMatchObject({ team_id: 'payments', name: 'ws-identity' });
    expect(inst('coffer_workspace_secret')?.identity).toEqual({
      workspace_id: 'ws-identity',
      key: 'OPENAI_API_KEY',
    });
    const r = await sdk.secrets.resolve({
      workspaceId: 'ws-identity',
      names: ['BY_IDENTITY', 'OPENAI_API_KEY'],
    });
    for (const item of r.items) expect(item.value.reveal()).toBe(value);
    expect(wd.read('terraform.tfstate').includes(value)).toBe(false);
  });

  it('plans no changes afterwards', async () => {
    const p = await wd.must(['plan', '-detailed-exitcode'], [0]);
    expect(p.stdout).toContain('No changes.');
  });
});

// coffer_secrets_manager with a nested write-only attribute (vault.token_wo): the token reaches the server,
// never the state or the plan; later updates keep it unless token_wo_version changes; destroy resets to DB.
import { randomBytes } from 'node:crypto';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachCli } from './lib/cli.ts';
import { Workdir } from './lib/tofu.ts';
import { readZip } from './lib/zip.ts';

const config = (ttl: number, tokenVersion: number) => `
variable "vault_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "coffer_secrets_manager" "this" {
  backend           = "VAULT"
  cache_ttl_seconds = ${ttl}
  vault = {
    address          = "http://127.0.0.1:8200"
    auth_method      = "TOKEN"
    token_wo         = var.vault_token
    token_wo_version = ${tokenVersion}
  }
}
`;

describeEachCli('coffer_secrets_manager', (cli) => {
  let server: RunningServer;
  let sdk: Coffer;
  let wd: Workdir;
  const token = `hvs.${randomBytes(16).toString('hex')}`;

  beforeAll(async () => {
    server = await startServer();
    sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    wd = new Workdir(cli, {
      COFFER_BASE_URL: server.baseUrl,
      COFFER_API_KEY: server.apiKey,
      TF_VAR_vault_token: token,
    });
  });
  afterAll(async () => {
    await sdk?.close();
    await server?.stop();
    wd?.remove();
  });

  it('sends the Vault token on create and keeps it out of the plan and the state', async () => {
    wd.write(config(300, 1));
    const p = await wd.must(['plan', '-out=sm.tfplan']);
    // kv_version is left out: the plan shows the API's default.
    expect(p.stdout).toMatch(/kv_version\s+= 2/);
    for (const e of readZip(wd.readBytes('sm.tfplan')))
      expect(e.data.toString('latin1').includes(token)).toBe(false);
    const a = await wd.must(['apply', 'sm.tfplan']);
    expect(a.all.includes(token)).toBe(false);
    const sm = await sdk.secretsManager.get();
    expect(sm.backend).toBe('VAULT');
    expect(sm.vault?.hasToken).toBe(true);
    expect(wd.read('terraform.tfstate').includes(token)).toBe(false);
    const attrs = wd.attrs('coffer_secrets_manager', 'this');
    expect(attrs.vault).toMatchObject({ token_wo: null, token_wo_version: 1, kv_version: 2 });
    expect(attrs.effective_backend).toBe(sm.effectiveBackend);
    await wd.must(['plan', '-detailed-exitcode'], [0]);
  });

  it('updates other settings in place and the stored token stays', async () => {
    wd.write(config(60, 1));
    const p = await wd.must(['plan', '-detailed-exitcode'], [2]);
    expect(p.stdout).toMatch(/cache_ttl_seconds\s+= 300 -> 60/);
    await wd.must(['apply', '-auto-approve']);
    const sm = await sdk.secretsManager.get();
    expect(sm.cache.ttlSeconds).toBe(60);
    expect(sm.vault?.hasToken).toBe(true);
  });

  it('destroy resets the server to the DB backend', async () => {
    await wd.must(['destroy', '-auto-approve']);
    const sm = await sdk.secretsManager.get();
    expect(sm.backend).toBe('DB');
    expect(sm.vault).toBeNull();
  });
});

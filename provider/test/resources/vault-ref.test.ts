// coffer_secret.vault_ref in process, against a real `coffer serve` on a real Vault dev server configured
// as READONLY_VAULT through coffer_secrets_manager: the reference is what the secret is (it resolves to the
// Vault field), a changed reference is an update with a new version, a missing path or key is refused at
// vault_ref creating nothing, a reference changed elsewhere is drift written back, import reads it from the
// server; and outside READONLY_VAULT the server's 422 lands at vault_ref. Reference values never appear in a
// response.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Coffer } from '@coffer/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { requireTool, startVaultDev, type VaultDev } from '../../../server/test/support/remote-tools.ts';
import { type Instance, type MiniCli, summaries, UNKNOWN, withSession } from './support/cli.ts';

const STRIPE = `s-${randomBytes(12).toString('hex')}`;
const STRIPE_NEXT = `n-${randomBytes(12).toString('hex')}`;

const spec = parse(readFileSync(join(import.meta.dirname, '../../../openapi/coffer.yaml'), 'utf8'));

let cli: MiniCli;
let sdk: Coffer;
withSession((s) => {
  ({ cli, sdk } = s);
});

describe('vault_ref validation', () => {
  it('a secret with neither value nor reference is told about vault_ref too', async () => {
    const p = await cli
      .type('coffer_secret')
      .plan(null, { scope_type: 'team', scope_id: 'payments', name: 'X' });
    expect(summaries(p.diagnostics)).toEqual(['Missing value']);
    expect(p.diagnostics[0]?.detail).toContain('set vault_ref (path#key) instead');
  });
});

describe.runIf(requireTool('vault'))('coffer_secret.vault_ref on READONLY_VAULT', () => {
  let vault: VaultDev;
  let manager: Instance;
  let ref: Instance;
  const secret = () => cli.type('coffer_secret');
  const sm = () => cli.type('coffer_secrets_manager');
  const config = (vaultRef: string, o: Record<string, unknown> = {}) => ({
    scope_type: 'team',
    scope_id: 'payments',
    name: 'STRIPE_KEY',
    vault_ref: vaultRef,
    ...o,
  });
  const resolved = async () => {
    const r = await sdk.secrets.resolve({ workspaceId: 'ws-pay', names: ['STRIPE_KEY'] });
    return r.items[0]?.value.reveal();
  };

  beforeAll(async () => {
    vault = await startVaultDev('vault');
    for (const [path, value] of [
      ['payments/stripe', STRIPE],
      ['payments/stripe-next', STRIPE_NEXT],
    ]) {
      const w = await vault.api('POST', `secret/data/${path}`, { data: { api_key: value } });
      expect(w.status).toBe(200);
    }
    await sdk.teams.create({ id: 'payments' });
    await sdk.workspaces.create({ id: 'ws-pay', teamId: 'payments' });
  }, 60_000);
  afterAll(async () => {
    await vault?.stop();
  });

  it('refuses vault_ref outside READONLY_VAULT at vault_ref (the server answers 422)', async () => {
    const a = await secret().apply(null, config('secret/data/payments/stripe#api_key'));
    expect(a.diagnostics.length).toBeGreaterThan(0);
    expect(a.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'vault_ref' }]);
    expect(a.diagnostics[0]?.detail).toContain('not accepted while the effective backend is DB');
    expect(a.instance?.state).toBeNull();
  });

  it('configures READONLY_VAULT through coffer_secrets_manager, with the derived paths computed', async () => {
    const a = await sm().apply(null, {
      backend: 'READONLY_VAULT',
      vault: { address: vault.address, token_wo: vault.rootToken, token_wo_version: 1 },
    });
    expect(a.diagnostics).toEqual([]);
    expect(a.planned?.vault).toMatchObject({ auth_method: 'TOKEN', kv_version: 2, secret_path: UNKNOWN });
    expect(a.instance?.state).toMatchObject({
      backend: 'READONLY_VAULT',
      effective_backend: 'READONLY_VAULT',
      fallback_reason: null,
      vault: {
        auth_method: 'TOKEN',
        kv_version: 2,
        secret_path: 'secret/data/coffer',
        secret_metadata_path: 'secret/metadata/coffer',
        token_wo: null,
        token_wo_version: 1,
      },
    });
    manager = a.instance as Instance;
  });

  it('rejects a reference together with a value, and a malformed one, at validation', async () => {
    const both = await secret().plan(null, config('secret/data/payments/stripe#api_key', { value_wo: 'x' }));
    expect(summaries(both.diagnostics)).toEqual(['Conflicting value attributes']);
    expect(both.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'vault_ref' }]);
    const bad = await secret().plan(null, config('secret/data/payments/stripe'));
    expect(bad.diagnostics.length).toBe(1);
    expect(bad.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'vault_ref' }]);
    expect(bad.diagnostics[0]?.detail).toContain('path#key');
  });

  it('refuses a path or a key Vault does not have at vault_ref, creating nothing', async () => {
    for (const [r, says] of [
      ['secret/data/payments/nope#api_key', 'secret/data/payments/nope'],
      ['secret/data/payments/stripe#nokey', 'nokey'],
    ] as const) {
      const a = await secret().apply(null, config(r));
      expect(a.diagnostics.length, r).toBeGreaterThan(0);
      expect(a.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'vault_ref' }]);
      expect(a.diagnostics[0]?.detail).toContain(says);
      expect(a.instance?.state).toBeNull();
    }
    const names: string[] = [];
    for await (const s of sdk.secrets.list({ scopeType: 'team', scopeId: 'payments' })) names.push(s.name);
    expect(names).toEqual([]);
  });

  it('creates a reference that resolves to the Vault field', async () => {
    const a = await secret().apply(null, config('secret/data/payments/stripe#api_key'));
    expect(a.diagnostics).toEqual([]);
    expect(a.instance?.state).toMatchObject({
      vault_ref: 'secret/data/payments/stripe#api_key',
      value: null,
      value_wo: null,
      version: 1,
    });
    ref = a.instance as Instance;
    expect(await resolved()).toBe(STRIPE);
    const read = await secret().read(ref);
    expect(read.instance.state).toEqual(ref.state);
    const p = await secret().plan(read.instance, config('secret/data/payments/stripe#api_key'));
    expect(p.planned).toEqual(ref.state);
  });

  it('a changed reference is an update with a new version', async () => {
    const a = await secret().apply(ref, config('secret/data/payments/stripe-next#api_key'));
    expect(a.diagnostics).toEqual([]);
    expect(a.response?.new_state).toBeDefined();
    expect(a.planned).toMatchObject({
      version: UNKNOWN,
      vault_ref: 'secret/data/payments/stripe-next#api_key',
    });
    expect(a.instance?.state).toMatchObject({
      vault_ref: 'secret/data/payments/stripe-next#api_key',
      version: 2,
    });
    expect(a.instance?.state?.id).toBe(ref.state?.id);
    expect(await resolved()).toBe(STRIPE_NEXT);
    ref = a.instance as Instance;
  });

  it('sees a reference changed elsewhere as drift and writes the configured one back', async () => {
    await sdk.secrets.update(ref.state?.id as string, { vaultRef: 'secret/data/payments/stripe#api_key' });
    const got = await secret().read(ref);
    expect(got.instance.state).toMatchObject({
      vault_ref: 'secret/data/payments/stripe#api_key',
      version: 3,
    });
    const a = await secret().apply(got.instance, config('secret/data/payments/stripe-next#api_key'));
    expect(a.diagnostics).toEqual([]);
    expect(a.instance?.state).toMatchObject({
      vault_ref: 'secret/data/payments/stripe-next#api_key',
      version: 4,
    });
    expect(await resolved()).toBe(STRIPE_NEXT);
    ref = a.instance as Instance;
  });

  it('imports a reference with its vault_ref', async () => {
    const i = await secret().import('team/payments/STRIPE_KEY');
    expect(i.diagnostics).toEqual([]);
    expect(i.instance?.state).toMatchObject({
      id: ref.state?.id,
      vault_ref: 'secret/data/payments/stripe-next#api_key',
      version: 4,
    });
  });

  it('plans the derived paths unknown when a change re-derives them, and keeps them otherwise', async () => {
    const base = { address: vault.address, token_wo: vault.rootToken, token_wo_version: 1 };
    const same = await sm().plan(manager, { backend: 'READONLY_VAULT', vault: base });
    expect(same.planned).toEqual(manager.state);
    const v1 = await sm().plan(manager, { backend: 'READONLY_VAULT', vault: { ...base, kv_version: 1 } });
    expect(v1.diagnostics).toEqual([]);
    expect(v1.planned?.vault).toMatchObject({
      kv_version: 1,
      secret_path: UNKNOWN,
      secret_metadata_path: UNKNOWN,
    });
    // A path of its own: the metadata path follows it; dropping it again re-derives both.
    const own = await sm().apply(manager, {
      backend: 'READONLY_VAULT',
      vault: { ...base, secret_path: 'secret/data/apps' },
    });
    expect(own.diagnostics).toEqual([]);
    expect(own.planned?.vault).toMatchObject({
      secret_path: 'secret/data/apps',
      secret_metadata_path: UNKNOWN,
    });
    expect(own.instance?.state?.vault).toMatchObject({
      secret_path: 'secret/data/apps',
      secret_metadata_path: 'secret/metadata/apps',
    });
    const back = await sm().apply(own.instance, { backend: 'READONLY_VAULT', vault: base });
    expect(back.diagnostics).toEqual([]);
    expect(back.planned?.vault).toMatchObject({ secret_path: UNKNOWN, secret_metadata_path: UNKNOWN });
    expect(back.instance?.state).toEqual(manager.state);
    manager = back.instance as Instance;
  });

  it('deletes the reference and leaves the Vault secret alone', async () => {
    const d = await secret().apply(ref, null);
    expect(d.diagnostics).toEqual([]);
    const still = await vault.api('GET', 'secret/data/payments/stripe-next');
    expect(still.status).toBe(200);
    const reset = await sm().apply(manager, null);
    expect(reset.diagnostics).toEqual([]);
    expect((await sdk.secretsManager.get()).backend).toBe('DB');
  });

  it('never put a Vault value or the token into a response', () => {
    const all = cli.responsesText();
    expect(all).toContain('stripe-next#api_key');
    expect(all).not.toContain(STRIPE);
    expect(all).not.toContain(STRIPE_NEXT);
    expect(all).not.toContain(vault.rootToken);
  });
});

/** The backend registry: one Vault session per distinct settings, shared by VAULT and READONLY_VAULT. */
import { describe, expect, it } from 'vitest';
import { AwsSecretsManagerBackend } from '../../src/backends/aws-secrets-manager.ts';
import { BackendRegistry, type RemoteSettings } from '../../src/backends/registry.ts';
import { BackendSettingsError } from '../../src/backends/types.ts';
import { VaultKvBackend } from '../../src/backends/vault/kv.ts';
import { ReadonlyVaultBackend } from '../../src/backends/vault/readonly.ts';
import { SecretValue } from '../../src/crypto/secret-value.ts';

const vault = (over: Partial<NonNullable<RemoteSettings['vault']>> = {}): RemoteSettings['vault'] => ({
  address: 'http://127.0.0.1:8200',
  kvVersion: 2,
  secretPath: 'secret/data/coffer',
  secretMetadataPath: 'secret/metadata/coffer',
  authMethod: 'TOKEN',
  ...over,
});

describe('BackendRegistry', () => {
  it('shares one session between VAULT and READONLY_VAULT and keeps backends for unchanged settings', async () => {
    const r = new BackendRegistry();
    const s: RemoteSettings = { vault: vault(), aws: null, vaultToken: new SecretValue('t1') };
    const kv = r.get('VAULT', s) as VaultKvBackend;
    const ro = r.get('READONLY_VAULT', { ...s }) as ReadonlyVaultBackend;
    expect(kv).toBeInstanceOf(VaultKvBackend);
    expect(ro).toBeInstanceOf(ReadonlyVaultBackend);
    expect(ro.session).toBe(kv.session);
    expect(r.get('VAULT', { ...s, vault: vault() })).toBe(kv);
    // Another path: another backend on the same login.
    const other = r.get('VAULT', { ...s, vault: vault({ secretPath: 'kv/data/x' }) }) as VaultKvBackend;
    expect(other).not.toBe(kv);
    expect(other.session).toBe(kv.session);
    await r.close();
  });

  it('a new token, address, namespace or auth method is a new session', async () => {
    const r = new BackendRegistry();
    const base: RemoteSettings = { vault: vault(), aws: null, vaultToken: new SecretValue('t1') };
    const first = (r.get('VAULT', base) as VaultKvBackend).session;
    const variants: RemoteSettings[] = [
      { ...base, vaultToken: new SecretValue('t2') },
      { ...base, vault: vault({ address: 'http://127.0.0.1:8201' }) },
      { ...base, vault: vault({ namespace: 'team-a' }) },
      {
        ...base,
        vault: vault({ authMethod: 'K8S', k8s: { role: 'r', tokenPath: '/t', mountPoint: 'kubernetes' } }),
      },
    ];
    for (const v of variants) expect((r.get('VAULT', v) as VaultKvBackend).session).not.toBe(first);
    await r.close();
  });

  it('settings that cannot make a backend are a settings error', () => {
    const r = new BackendRegistry();
    expect(() => r.get('VAULT', { vault: null, aws: null, vaultToken: null })).toThrow(BackendSettingsError);
    expect(() => r.get('VAULT', { vault: vault(), aws: null, vaultToken: null })).toThrow(
      /needs vault.token/,
    );
    expect(() =>
      r.get('VAULT', { vault: vault({ authMethod: 'AWS' }), aws: null, vaultToken: null }),
    ).toThrow(/vault.aws.role/);
    expect(() => r.get('AWS_SECRETS_MANAGER', { vault: null, aws: null, vaultToken: null })).toThrow(
      /aws.region/,
    );
    expect(
      r.get('AWS_SECRETS_MANAGER', { vault: null, aws: { region: 'eu-west-1' }, vaultToken: null }),
    ).toBeInstanceOf(AwsSecretsManagerBackend);
  });
});

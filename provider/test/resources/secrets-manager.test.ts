// coffer_secrets_manager in process: create over untouched defaults, read, update, an optional setting
// removed returns to the spec's default, import, delete (reset to DB), and the refusal to create over
// settings this state did not make, against a real `coffer serve`. Every backend and Vault auth method of the
// spec's SecretsManagerConfigInput round-trips (the server stores settings without contacting the backend),
// with the server's defaults and derived paths in the state, and a kv_version change re-deriving the paths.
import type { Coffer } from '@coffer/sdk';
import { describe, expect, it } from 'vitest';
import type { ObjectValue } from '../../src/framework/index.ts';
import { type Instance, type MiniCli, summaries, UNKNOWN, withSession } from './support/cli.ts';

let cli: MiniCli;
let sdk: Coffer;
withSession((s) => {
  ({ cli, sdk } = s);
});

describe('coffer_secrets_manager', () => {
  const r = () => cli.type('coffer_secrets_manager');
  let m: Instance;

  it('creates over the untouched defaults', async () => {
    const a = await r().apply(null, { backend: 'DB', cache_ttl_seconds: 120 });
    expect(a.diagnostics).toEqual([]);
    expect(a.planned).toMatchObject({ cache_ttl_seconds: 120, fallback: 'NONE' });
    expect(a.instance?.state).toMatchObject({
      id: 'secrets-manager',
      backend: 'DB',
      effective_backend: 'DB',
      cache_ttl_seconds: 120,
      fallback: 'NONE',
      vault: null,
      aws: null,
    });
    expect((await sdk.secretsManager.get()).cache.ttlSeconds).toBe(120);
    m = a.instance as Instance;
  });

  it('reads back the same state and plans no change', async () => {
    const got = await r().read(m);
    expect(got.instance.state).toEqual(m.state);
    const p = await r().plan(got.instance, { backend: 'DB', cache_ttl_seconds: 120 });
    expect(p.planned).toEqual(m.state);
  });

  it('updates, and a setting removed from the configuration returns to the default', async () => {
    const a = await r().apply(m, { backend: 'DB', cache_ttl_seconds: 60, fallback: 'ENV' });
    expect(a.diagnostics).toEqual([]);
    expect(a.instance?.state).toMatchObject({ cache_ttl_seconds: 60, fallback: 'ENV' });
    const b = await r().apply(a.instance, { backend: 'DB' });
    expect(b.planned).toMatchObject({ cache_ttl_seconds: 300, fallback: 'NONE' });
    expect(b.instance?.state).toMatchObject({ cache_ttl_seconds: 300, fallback: 'NONE' });
    m = b.instance as Instance;
  });

  it('refuses a backend without its settings at validation', async () => {
    const p = await r().plan(null, { backend: 'VAULT' });
    expect(summaries(p.diagnostics)).toEqual(['Missing vault settings']);
  });

  it('refuses to create over settings it did not make, changing nothing; import takes them over', async () => {
    await sdk.secretsManager.put({ backend: 'DB', cache: { ttlSeconds: 42 } });
    const a = await r().apply(null, { backend: 'DB', cache_ttl_seconds: 120 });
    expect(summaries(a.diagnostics)).toEqual(['Secrets manager already configured']);
    expect(a.instance?.state).toBeNull();
    expect((await sdk.secretsManager.get()).cache.ttlSeconds).toBe(42);
    const i = await r().import('secrets-manager');
    expect(i.diagnostics).toEqual([]);
    expect(i.instance?.state).toMatchObject({ id: 'secrets-manager', backend: 'DB', cache_ttl_seconds: 42 });
    m = i.instance as Instance;
  });

  it('deletes by resetting the server to DB with its defaults', async () => {
    const d = await r().apply(m, null);
    expect(d.diagnostics).toEqual([]);
    expect(d.instance?.state).toBeNull();
    const now = await sdk.secretsManager.get();
    expect([now.backend, now.cache.ttlSeconds, now.fallback]).toEqual(['DB', 300, 'NONE']);
  });

  it('refuses K8S or AWS auth without its block, and a token with them, at the attribute', async () => {
    const vault = (o: Record<string, unknown>) => ({ address: 'http://127.0.0.1:8200', ...o });
    const k8s = await r().plan(null, { backend: 'VAULT', vault: vault({ auth_method: 'K8S' }) });
    expect(summaries(k8s.diagnostics)).toEqual(['Missing k8s settings']);
    // Nested paths point at the block (the CLIs show that line) and name the attribute in the detail.
    expect(k8s.diagnostics[0]?.attribute?.steps).toEqual([{ attribute_name: 'vault' }]);
    expect(k8s.diagnostics[0]?.detail).toContain('At vault.k8s:');
    const aws = await r().plan(null, { backend: 'VAULT', vault: vault({ auth_method: 'AWS' }) });
    expect(summaries(aws.diagnostics)).toEqual(['Missing aws auth settings']);
    const tok = await r().plan(null, {
      backend: 'VAULT',
      vault: vault({ auth_method: 'K8S', k8s: { role: 'coffer' }, token_wo: 't', token_wo_version: 1 }),
    });
    expect(summaries(tok.diagnostics)).toEqual(['Token without TOKEN auth']);
  });

  describe('every backend and auth method', () => {
    let s: Instance | null = null;
    const step = async (config: ObjectValue) => {
      const a = await r().apply(s, config);
      expect(a.diagnostics).toEqual([]);
      const read = await r().read(a.instance as Instance);
      expect(read.instance.state).toEqual(a.instance?.state);
      const again = await r().plan(read.instance, config);
      expect(again.planned).toEqual(a.instance?.state);
      s = a.instance as Instance;
      return a;
    };

    it('VAULT with K8S auth: the server defaults in the state', async () => {
      const a = await step({
        backend: 'VAULT',
        vault: {
          address: 'https://vault.internal:8200',
          auth_method: 'K8S',
          namespace: 'ns1',
          k8s: { role: 'coffer' },
        },
      });
      expect(a.instance?.state).toMatchObject({
        backend: 'VAULT',
        effective_backend: 'VAULT',
        fallback_reason: null,
        vault: {
          address: 'https://vault.internal:8200',
          auth_method: 'K8S',
          namespace: 'ns1',
          kv_version: 2,
          secret_path: 'secret/data/coffer',
          secret_metadata_path: 'secret/metadata/coffer',
          k8s: {
            role: 'coffer',
            mount_point: 'kubernetes',
            token_path: '/var/run/secrets/kubernetes.io/serviceaccount/token',
          },
          aws: null,
        },
      });
      const stored = await sdk.secretsManager.get();
      expect(stored.vault).toMatchObject({ authMethod: 'K8S', namespace: 'ns1', k8s: { role: 'coffer' } });
    });

    it('VAULT with AWS auth, kv_version 1: the paths are re-derived, unknown in the plan', async () => {
      const a = await step({
        backend: 'VAULT',
        vault: {
          address: 'https://vault.internal:8200',
          auth_method: 'AWS',
          kv_version: 1,
          aws: {
            role: 'coffer-ec2',
            region: 'eu-west-1',
            sts_endpoint: 'https://sts.eu-west-1.amazonaws.com',
            iam_server_id: 'vault.internal',
          },
        },
      });
      expect(a.planned?.vault).toMatchObject({
        kv_version: 1,
        secret_path: UNKNOWN,
        secret_metadata_path: UNKNOWN,
      });
      expect(a.instance?.state?.vault).toMatchObject({
        auth_method: 'AWS',
        namespace: null,
        kv_version: 1,
        secret_path: 'secret/coffer',
        secret_metadata_path: 'secret/coffer',
        k8s: null,
        aws: {
          role: 'coffer-ec2',
          mount_point: 'aws',
          region: 'eu-west-1',
          sts_endpoint: 'https://sts.eu-west-1.amazonaws.com',
          iam_server_id: 'vault.internal',
        },
      });
      expect((await sdk.secretsManager.get()).vault).toMatchObject({
        kvVersion: 1,
        secretPath: 'secret/coffer',
      });
    });

    it('VAULT with TOKEN auth (the default) and paths of its own', async () => {
      const a = await step({
        backend: 'VAULT',
        fallback: 'ENV',
        cache_ttl_seconds: 0,
        vault: {
          address: 'http://127.0.0.1:8200',
          token_wo: 'hvs.not-a-real-token',
          token_wo_version: 1,
          secret_path: 'kv/data/apps',
          secret_metadata_path: 'kv/metadata/apps-meta',
        },
      });
      expect(a.instance?.state).toMatchObject({
        fallback: 'ENV',
        cache_ttl_seconds: 0,
        vault: {
          auth_method: 'TOKEN',
          kv_version: 2,
          secret_path: 'kv/data/apps',
          secret_metadata_path: 'kv/metadata/apps-meta',
          token_wo: null,
          token_wo_version: 1,
        },
      });
      expect((await sdk.secretsManager.get()).vault?.hasToken).toBe(true);
    });

    it('READONLY_VAULT', async () => {
      const a = await step({
        backend: 'READONLY_VAULT',
        vault: { address: 'http://127.0.0.1:8200', token_wo: 'hvs.not-a-real-token', token_wo_version: 1 },
      });
      expect(a.planned?.vault).toMatchObject({ secret_path: UNKNOWN, secret_metadata_path: UNKNOWN });
      expect(a.instance?.state).toMatchObject({
        backend: 'READONLY_VAULT',
        vault: { secret_path: 'secret/data/coffer', secret_metadata_path: 'secret/metadata/coffer' },
      });
    });

    it('AWS_SECRETS_MANAGER with every setting', async () => {
      const a = await step({
        backend: 'AWS_SECRETS_MANAGER',
        aws: {
          region: 'eu-central-1',
          endpoint: 'http://127.0.0.1:5000',
          secret_prefix: 'acme/',
          recovery_window_days: 7,
        },
      });
      expect(a.instance?.state).toMatchObject({
        backend: 'AWS_SECRETS_MANAGER',
        effective_backend: 'AWS_SECRETS_MANAGER',
        vault: null,
        aws: {
          region: 'eu-central-1',
          endpoint: 'http://127.0.0.1:5000',
          secret_prefix: 'acme/',
          recovery_window_days: 7,
        },
      });
      expect((await sdk.secretsManager.get()).aws).toMatchObject({
        recoveryWindowDays: 7,
        secretPrefix: 'acme/',
      });
    });

    it('back to DB, and destroy', async () => {
      await step({ backend: 'DB' });
      const d = await r().apply(s, null);
      expect(d.diagnostics).toEqual([]);
      expect((await sdk.secretsManager.get()).backend).toBe('DB');
    });
  });
});

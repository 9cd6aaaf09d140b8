/** Canary and rotation through openStore, on both stores. */

import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Keyring } from '../../src/crypto/index.ts';
import { StoreStartupError, WRONG_KEY_MESSAGE } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { makeStoreEnv, STORE_KINDS, type StoreEnv, skipKind } from '../support/stores.ts';

const K1 = 'first-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const K2 = 'second-secret-0123456789abcdefghijklmnopqrstuvwxy';
const K3 = 'third-secret-0123456789abcdefghijklmnopqrstuvwxyz';

describe.each(STORE_KINDS)('startup: canary and rotation (%s)', (kind) => {
  const envs: StoreEnv[] = [];
  afterEach(async () => {
    for (const e of envs.splice(0)) await e.cleanup();
  });
  const fresh = async () => {
    const e = await makeStoreEnv(kind);
    envs.push(e);
    return e;
  };

  it.skipIf(skipKind(kind))('stops with a clear message when the key does not match', async () => {
    const env = await fresh();
    const s = await env.open({ encryptionSecret: K1 });
    await s.close();
    const err = await env.open({ encryptionSecret: K2 }).catch((e) => e);
    expect(err).toBeInstanceOf(StoreStartupError);
    expect(err.message).toBe(WRONG_KEY_MESSAGE);
    expect(WRONG_KEY_MESSAGE).toContain('set COFFER_ENCRYPTION_SECRET_PREVIOUS to rotate');
    // Neither key matches.
    const err2 = await env.open({ encryptionSecret: K2, previousSecret: K3 }).catch((e) => e);
    expect(err2).toBeInstanceOf(StoreStartupError);
    // The right key still opens, and migrations are not re-applied.
    const again = await env.open({ encryptionSecret: K1 });
    expect(again.startup.appliedMigrations).toEqual([]);
    await again.close();
  });

  it.skipIf(skipKind(kind))(
    'rotation re-encrypts every envelope; the old key no longer decrypts',
    async () => {
      const env = await fresh();
      const s1 = await env.open({ encryptionSecret: K1 });
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const row = { id: randomUUID(), scopeType: 'team' as const, scopeId: 't', name: `ROT_${i}` };
        ids.push(row.id);
        await s1.secrets.create({
          ...row,
          category: 'provider',
          storageBackend: 'DB',
          valueEnvelope: s1.crypto.encryptSecretValue(`value-${i}`, row),
        });
      }
      await s1.workspaceSecrets.upsert({
        workspaceId: 'w',
        key: 'OPENAI_API_KEY',
        setBy: 'k',
        expiresAt: null,
        valueEnvelope: s1.crypto.encryptWorkspaceValue('ws-value', {
          workspaceId: 'w',
          key: 'OPENAI_API_KEY',
        }),
      });
      await s1.config.putSecretsManager({ backend: 'VAULT' }, s1.crypto.encryptConfigToken('vault-token'));
      const oldCanary = await s1.getMeta('encryption.canary');
      await s1.close();

      const s2 = await env.open({ encryptionSecret: K2, previousSecret: K1 });
      expect(s2.startup.reencrypted).toBe(5 + 1 + 1 + 1 + 1); // secrets, override, vault token, MAC key, canary
      const oldRing = Keyring.fromSecrets(K1);
      const newRing = Keyring.fromSecrets(K2);
      for (const [i, id] of ids.entries()) {
        const rec = await s2.secrets.get(id);
        expect(rec).not.toBeNull();
        const envl = rec?.valueEnvelope as string;
        expect(envl.split('.')[1]).toBe(newRing.current.keyId);
        expect(s2.crypto.decryptSecretValue(envl, rec as never).reveal()).toBe(`value-${i}`);
        expect(() => oldRing.decrypt(envl, 'x')).toThrow();
      }
      const ws = await s2.workspaceSecrets.get('w', 'OPENAI_API_KEY');
      expect(s2.crypto.decryptWorkspaceValue(ws?.valueEnvelope as string, ws as never).reveal()).toBe(
        'ws-value',
      );
      const cfg = await s2.config.getSecretsManager();
      expect(s2.crypto.decryptConfigToken(cfg?.vaultTokenEnvelope as string).reveal()).toBe('vault-token');
      expect(await s2.getMeta('encryption.canary')).not.toBe(oldCanary);
      await s2.close();

      // The new key alone now opens; the old key is refused; a restart with PREVIOUS still set is a no-op.
      const s3 = await env.open({ encryptionSecret: K2 });
      expect(s3.startup.reencrypted).toBe(0);
      await s3.close();
      await expect(env.open({ encryptionSecret: K1 })).rejects.toThrow(WRONG_KEY_MESSAGE);
      const s4 = await env.open({ encryptionSecret: K2, previousSecret: K1 });
      expect(s4.startup.reencrypted).toBe(0);
      await s4.close();
    },
  );
});

describe.skipIf(skipKind('postgres'))('startup: replicas (postgres)', () => {
  it('replicas starting together apply the migrations once and agree on the canary', async () => {
    const env = await makeStoreEnv('postgres');
    try {
      const stores = await Promise.all([1, 2, 3, 4].map(() => env.open({ encryptionSecret: K1 })));
      const applied = stores.map((s) => s.startup.appliedMigrations.length);
      expect(applied.sort()).toEqual([0, 0, 0, MIGRATIONS.length]);
      const canaries = await Promise.all(stores.map((s) => s.getMeta('encryption.canary')));
      expect(new Set(canaries).size).toBe(1);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await env.cleanup();
    }
  });
});

describe('startup: settings', () => {
  it('refuses a too-short COFFER_ENCRYPTION_SECRET before touching the database', async () => {
    const env = await makeStoreEnv('sqlite');
    try {
      await expect(env.open({ encryptionSecret: 'short' })).rejects.toThrow(
        /COFFER_ENCRYPTION_SECRET must be at least 32 characters/,
      );
      await expect(env.open({ encryptionSecret: 'x'.repeat(32), previousSecret: 'short' })).rejects.toThrow(
        /COFFER_ENCRYPTION_SECRET_PREVIOUS must be at least 32/,
      );
    } finally {
      await env.cleanup();
    }
  });

  it('generates the secret file when no secret is given and reuses it', async () => {
    const env = await makeStoreEnv('sqlite');
    try {
      const a = await env.open({ encryptionSecret: undefined });
      expect(a.startup.secretSource).toBe('generated');
      await a.close();
      const b = await env.open({ encryptionSecret: undefined });
      expect(b.startup.secretSource).toBe('file');
      expect(b.startup.keyId).toBe(a.startup.keyId);
      await b.close();
    } finally {
      await env.cleanup();
    }
  });
});

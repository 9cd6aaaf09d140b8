/**
 * READONLY_VAULT references (`path#key`) against real dev servers. Vault's own file audit device proves that
 * Coffer only ever reads: every request made with Coffer's token is a read.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendInputError } from '../../src/backends/types.ts';
import { TokenAuth, VaultSession } from '../../src/backends/vault/auth.ts';
import { VaultHttp } from '../../src/backends/vault/http.ts';
import { parseVaultRef, ReadonlyVaultBackend } from '../../src/backends/vault/readonly.ts';
import { requireTool, startVaultDev, type VaultDev } from '../support/remote-tools.ts';

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('parseVaultRef', () => {
  it('splits path#key and refuses what is not a plain path', () => {
    expect(parseVaultRef('secret/data/payments/stripe#api_key')).toEqual({
      path: 'secret/data/payments/stripe',
      key: 'api_key',
    });
    for (const bad of [
      'secret/data/x',
      '#key',
      'secret/../sys/x#k',
      'secret//x#k',
      'a#b#c',
      'secret/./x#k',
    ]) {
      expect(parseVaultRef(bad), bad).toBeNull();
    }
  });
});

for (const flavour of ['vault', 'openbao'] as const) {
  describe.skipIf(!requireTool(flavour))(`READONLY_VAULT on ${flavour}`, () => {
    let dev: VaultDev;
    let dir: string;
    let accessor: string;
    let b2: ReadonlyVaultBackend;
    let b1: ReadonlyVaultBackend;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'coffer-audit-'));
      dev = await startVaultDev(flavour, { auditFile: join(dir, 'audit.log') });
      await dev.api('POST', 'sys/mounts/kv1', { type: 'kv', options: { version: '1' } });
      await dev.api('POST', 'secret/data/payments/stripe', {
        data: { api_key: 'sk_live_ref', note: 'managed by payments' },
      });
      await dev.api('POST', 'kv1/legacy/db', { password: 'pw-v1', port: 5432 });
      // Coffer's token can do anything: the audit log, not a policy, shows it only reads.
      const t = await dev.api('POST', 'auth/token/create', { policies: ['root'] });
      accessor = t.json.auth.accessor;
      const http = new VaultHttp({ address: dev.address, label: `Vault at ${dev.address}` });
      const session = new VaultSession(http, new TokenAuth(t.json.auth.client_token));
      b2 = new ReadonlyVaultBackend(session, 2);
      b1 = new ReadonlyVaultBackend(session, 1);
    }, 60_000);
    afterAll(async () => {
      await dev?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('validates a reference, reads the current value, follows its owner’s rotations', async () => {
      const ref = await b2.validate('secret/data/payments/stripe#api_key');
      expect(ref).toEqual({ reference: 'secret/data/payments/stripe#api_key', remoteVersion: '1' });
      const r = await b2.read(ref);
      expect(r.found && r.value.reveal()).toBe('sk_live_ref');
      await dev.api('POST', 'secret/data/payments/stripe', { data: { api_key: 'sk_live_rotated' } });
      const again = await b2.read(ref);
      expect(again).toMatchObject({ found: true, remoteVersion: '2' });
      expect(again.found && again.value.reveal()).toBe('sk_live_rotated');
    });

    it('KV v1 references read the plain path', async () => {
      const ref = await b1.validate('kv1/legacy/db#password');
      const r = await b1.read(ref);
      expect(r.found && r.value.reveal()).toBe('pw-v1');
      expect(r.found && r.remoteVersion).toBeNull();
    });

    it('a reference to a missing path, a missing key or a non-string field is refused on /vaultRef', async () => {
      for (const [ref, why] of [
        ['secret/data/payments/none#api_key', /is not in Vault/],
        ['secret/data/payments/stripe#nope', /has no field nope/],
        ['kv1/legacy/db#port', /is not a string/],
        ['not a ref', /path#key/],
      ] as const) {
        const backend = ref.startsWith('kv1') ? b1 : b2;
        const err = await rejection(backend.validate(ref));
        expect(err, ref).toBeInstanceOf(BackendInputError);
        expect((err as BackendInputError).pointer).toBe('/vaultRef');
        expect(err.message, ref).toMatch(why);
      }
    });

    it('a reference whose secret disappears later resolves as missing, saying why', async () => {
      await dev.api('POST', 'secret/data/payments/temp', { data: { k: 'v' } });
      const ref = await b2.validate('secret/data/payments/temp#k');
      await dev.api('DELETE', 'secret/data/payments/temp');
      expect(await b2.read(ref)).toEqual({
        found: false,
        reason: expect.stringMatching(/deleted in Vault|not in Vault/),
      });
      await dev.api('DELETE', 'secret/metadata/payments/temp');
      expect(await b2.read(ref)).toEqual({
        found: false,
        reason: 'secret/data/payments/temp is not in Vault',
      });
    });

    it('never writes or deletes: write refuses, delete forgets, and Vault’s audit log shows reads only', async () => {
      const ref = await b2.validate('secret/data/payments/stripe#api_key');
      expect(await rejection(b2.write())).toBeInstanceOf(BackendInputError);
      await b2.delete();
      await b2.check();
      expect((await dev.api('GET', 'secret/data/payments/stripe')).json.data.data.api_key).toBe(
        'sk_live_rotated',
      );
      expect((await b2.read(ref)).found).toBe(true);
      const entries = readFileSync(join(dir, 'audit.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(
          (l) =>
            JSON.parse(l) as {
              type: string;
              auth?: { accessor?: string };
              request?: { operation?: string; path?: string };
            },
        )
        .filter((e) => e.type === 'request' && e.auth?.accessor === accessor);
      expect(entries.length).toBeGreaterThanOrEqual(8);
      const ops = new Set(entries.map((e) => `${e.request?.operation} ${e.request?.path?.split('/')[0]}`));
      // lookup-self (a read of auth/token) and reads of the referenced secrets; nothing else.
      expect([...ops].sort()).toEqual(['read auth', 'read kv1', 'read secret']);
    });
  });
}

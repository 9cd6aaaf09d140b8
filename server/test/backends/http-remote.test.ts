/**
 * The remote backends through the HTTP API of a real `coffer serve`: VAULT (KV v2) and READONLY_VAULT on
 * HashiCorp Vault and OpenBao, AWS_SECRETS_MANAGER on moto. Every value is checked where it lives (Vault's
 * own API, the AWS SDK), and an outage (a TCP gate in front of Vault, closed and reopened) answers 503 with
 * Retry-After, writes nothing, and recovers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Gate,
  type Moto,
  requireTool,
  startGate,
  startMoto,
  startVaultDev,
  type VaultDev,
} from '../support/remote-tools.ts';
import { call, type Res, startServer, type TestServer } from '../support/server.ts';
import { createScopes } from '../support/tenancy.ts';

const VALUES = [
  'sk_live_http_1',
  'sk_live_http_2',
  'ro-secret-value',
  'aws-value-1',
  'aws-value-2',
  'outage-value',
];

function expectNoValues(text: string, also: string[] = []) {
  for (const v of [...VALUES, ...also]) expect(text).not.toContain(v);
}

for (const flavour of ['vault', 'openbao'] as const) {
  describe.skipIf(!requireTool(flavour))(`VAULT and READONLY_VAULT over HTTP on ${flavour}`, () => {
    let dev: VaultDev;
    let gate: Gate;
    let srv: TestServer;
    const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      call(srv.url, method, path, { key: srv.key, body, ...(headers ? { headers } : {}) });
    const configure = async (body: Record<string, unknown>) => {
      const r = await api('PUT', '/v1/secrets-manager', body);
      expect(r.status, r.text).toBe(200);
      return r;
    };
    const vaultConfig = (extra: Record<string, unknown> = {}) => ({
      backend: 'VAULT',
      cache: { ttlSeconds: 0 },
      vault: { address: gate.address, token: dev.rootToken },
      ...extra,
    });
    const resolve = (names: string[]) => api('POST', '/v1/secrets:resolve', { workspaceId: 'w1', names });

    beforeAll(async () => {
      dev = await startVaultDev(flavour);
      gate = await startGate(dev.address);
      srv = await startServer({
        env: { COFFER_ENV_BACKEND_ALLOW: 'FALLBACK_*', FALLBACK_TOKEN: 'from-the-environment' },
      });
      await createScopes(srv.url, srv.key, { teams: ['platform'], workspaces: [['w1', 'platform']] });
    }, 60_000);
    afterAll(async () => {
      await srv?.cleanup();
      await gate?.stop();
      await dev?.stop();
    });

    it('create, resolve, rotate and delete go through Vault; storage shows path, version and KV version', async () => {
      const cfg = await configure(vaultConfig());
      expect(cfg.json).toMatchObject({ backend: 'VAULT', effectiveBackend: 'VAULT', fallbackReason: null });
      const created = await api('POST', '/v1/secrets', {
        name: 'STRIPE_KEY',
        scope: { type: 'team', id: 'platform' },
        value: 'sk_live_http_1',
      });
      expect(created.status, created.text).toBe(201);
      expect(created.json.storage).toEqual({
        backend: 'VAULT',
        reference: 'secret/data/coffer/acme/teams/platform/STRIPE_KEY',
        remoteVersion: '1',
        kvVersion: 2,
      });
      const raw = await dev.api('GET', 'secret/data/coffer/acme/teams/platform/STRIPE_KEY');
      expect(raw.json.data.data).toEqual({ value: 'sk_live_http_1', coffer_secret_id: created.json.id });

      const r1 = await resolve(['STRIPE_KEY']);
      expect(r1.json.items).toEqual([
        expect.objectContaining({ name: 'STRIPE_KEY', value: 'sk_live_http_1', source: 'team' }),
      ]);

      const rotated = await api('PATCH', `/v1/secrets/${created.json.id}`, { value: 'sk_live_http_2' });
      expect(rotated.status, rotated.text).toBe(200);
      expect(rotated.json).toMatchObject({ version: 2, storage: { remoteVersion: '2' } });
      expect(
        (await dev.api('GET', 'secret/data/coffer/acme/teams/platform/STRIPE_KEY')).json.data.data.value,
      ).toBe('sk_live_http_2');
      expect((await resolve(['STRIPE_KEY'])).json.items[0].value).toBe('sk_live_http_2');

      const reads = await api('GET', '/v1/audit/secret-reads?name=STRIPE_KEY');
      expect(reads.json.items[0]).toMatchObject({
        backend: 'VAULT',
        cacheHit: false,
        outcome: 'value',
        detail: null,
      });

      const check = await api('POST', '/v1/secrets-manager:check');
      expect(check.json).toMatchObject({ ok: true, secretCount: 1 });
      const ready = await call(srv.url, 'GET', '/v1/readyz');
      expect(ready.json).toMatchObject({
        status: 'ok',
        checks: { store: 'ok', backend: 'ok' },
      });

      expect((await api('DELETE', `/v1/secrets/${created.json.id}`)).status).toBe(204);
      expect((await dev.api('GET', 'secret/metadata/coffer/acme/teams/platform/STRIPE_KEY')).status).toBe(
        404,
      );
      expect((await resolve(['STRIPE_KEY'])).json.missing).toEqual(['STRIPE_KEY']);
    });

    it('concurrent creates of one name: one 201, the rest 409, and Vault holds the winner’s value only', async () => {
      await configure(vaultConfig());
      const tries = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          api('POST', '/v1/secrets', {
            name: 'RACE_CREATE',
            scope: { type: 'team', id: 'platform' },
            value: `racer-${i}`,
          }),
        ),
      );
      const won = tries.filter((r) => r.status === 201);
      expect(won).toHaveLength(1);
      expect(tries.filter((r) => r.status === 409)).toHaveLength(5);
      const winner = won[0]?.json;
      const raw = await dev.api('GET', 'secret/data/coffer/acme/teams/platform/RACE_CREATE');
      expect(raw.json.data.data.coffer_secret_id).toBe(winner.id);
      expect(raw.json.data.metadata.version).toBe(Number(winner.storage.remoteVersion));
      const r = await resolve(['RACE_CREATE']);
      expect(r.json.items[0].value).toBe(raw.json.data.data.value);
    });

    it('a value changed in Vault behind Coffer: the rotation is a 409 and Vault keeps it', async () => {
      await configure(vaultConfig());
      const c = await api('POST', '/v1/secrets', {
        name: 'RACED',
        scope: { type: 'team', id: 'platform' },
        value: 'mine',
      });
      await dev.api('POST', 'secret/data/coffer/acme/teams/platform/RACED', {
        data: { value: 'someone-else' },
      });
      const r = await api('PATCH', `/v1/secrets/${c.json.id}`, { value: 'mine-2' });
      expect(r.status).toBe(409);
      expect(r.json.detail).toMatch(/someone else changed it in Vault/);
      expect((await api('GET', `/v1/secrets/${c.json.id}`)).json.version).toBe(1);
      // Resolve keeps handing out the version Coffer recorded, not the one written behind its back.
      expect((await resolve(['RACED'])).json.items[0].value).toBe('mine');
    });

    it('Vault down: 503 with Retry-After naming Vault for resolve, create, rotate and delete; nothing half-done; recovery', async () => {
      await configure(vaultConfig());
      const c = await api('POST', '/v1/secrets', {
        name: 'OUTAGE',
        scope: { type: 'workspace', id: 'w1' },
        value: 'outage-value',
      });
      expect(c.status).toBe(201);
      // A burst of resolves (8 clients in a loop) during which Vault goes away: each answer is the value or
      // a 503, never anything else.
      let stop = false;
      const seen: Res[] = [];
      const clients = Array.from({ length: 8 }, async () => {
        while (!stop) seen.push(await resolve(['OUTAGE']));
      });
      await new Promise((r) => setTimeout(r, 300));
      await gate.close();
      const cutAt = seen.length;
      await new Promise((r) => setTimeout(r, 300));
      stop = true;
      await Promise.all(clients);
      try {
        expect(cutAt).toBeGreaterThan(8);
        expect(seen.length).toBeGreaterThan(cutAt + 8);
        for (const r of seen) {
          if (r.status === 200) expect(r.json.items[0].value).toBe('outage-value');
          else expect(r.status).toBe(503);
        }
        // Once the gate is closed (every request after the in-flight ones), only 503s.
        expect(seen.slice(cutAt + 8).every((r) => r.status === 503)).toBe(true);
        const checks: Array<[string, Res]> = [];
        checks.push(['resolve', seen[seen.length - 1] as Res]);
        checks.push([
          'create',
          await api('POST', '/v1/secrets', {
            name: 'NEW_DURING',
            scope: { type: 'workspace', id: 'w1' },
            value: 'x-during',
          }),
        ]);
        checks.push(['rotate', await api('PATCH', `/v1/secrets/${c.json.id}`, { value: 'y-during' })]);
        checks.push(['delete', await api('DELETE', `/v1/secrets/${c.json.id}`)]);
        for (const [what, r] of checks) {
          expect(r.status, what).toBe(503);
          expect(Number(r.headers.get('retry-after')), what).toBeGreaterThan(0);
          expect(r.json.detail, what).toMatch(new RegExp(`Vault at ${gate.address.replace(/[.]/g, '\\.')}`));
          expectNoValues(r.text, ['x-during', 'y-during']);
        }
        const check = await api('POST', '/v1/secrets-manager:check');
        expect(check.json).toMatchObject({
          ok: false,
          error: expect.stringMatching(/Vault at .* refused the connection/),
        });
        const ready = await call(srv.url, 'GET', '/v1/readyz');
        expect(ready.status).toBe(503);
        expect(ready.json).toEqual({
          status: 'unavailable',
          checks: { store: 'ok', backend: 'unavailable' },
        });
        expect(ready.headers.get('retry-after')).toBe('5');
        // Nothing half-done: no record for the failed create, the secret unchanged and still there.
        const list = await api('GET', '/v1/secrets?scopeType=workspace&scopeId=w1');
        expect(list.json.items.map((s: { name: string }) => s.name)).toEqual(['OUTAGE']);
        expect(list.json.items[0]).toMatchObject({ version: 1, storage: { remoteVersion: '1' } });
        expect(
          (await dev.api('GET', 'secret/metadata/coffer/acme/teams/platform/workspaces/w1/NEW_DURING'))
            .status,
        ).toBe(404);
      } finally {
        await gate.open();
      }
      expect((await resolve(['OUTAGE'])).json.items[0].value).toBe('outage-value');
      const again = await api('POST', '/v1/secrets', {
        name: 'NEW_AFTER',
        scope: { type: 'workspace', id: 'w1' },
        value: 'after',
      });
      expect(again.status).toBe(201);
      expectNoValues(srv.output(), ['x-during', 'y-during', dev.rootToken]);
    });

    it('fallback ENV: while Vault is down an allowed name resolves from the environment, audited and not cached', async () => {
      await configure(vaultConfig({ fallback: 'ENV', cache: { ttlSeconds: 300 } }));
      const c = await api('POST', '/v1/secrets', {
        name: 'FALLBACK_TOKEN',
        scope: { type: 'team', id: 'platform' },
        value: 'in-vault',
      });
      const n = await api('POST', '/v1/secrets', {
        name: 'NOT_ALLOWED',
        scope: { type: 'team', id: 'platform' },
        value: 'vault-only',
      });
      expect(c.status).toBe(201);
      expect(n.status).toBe(201);
      await gate.close();
      try {
        const r = await resolve(['FALLBACK_TOKEN']);
        expect(r.status).toBe(200);
        expect(r.json.items[0]).toMatchObject({ name: 'FALLBACK_TOKEN', value: 'from-the-environment' });
        // A name the allow-list does not cover has no fallback: 503, not a wrong value.
        expect((await resolve(['NOT_ALLOWED'])).status).toBe(503);
        const audit = await api('GET', '/v1/audit/secret-reads?name=FALLBACK_TOKEN');
        expect(audit.json.items[0]).toMatchObject({
          outcome: 'fallback',
          detail: expect.stringMatching(/Vault at .* failed/),
        });
      } finally {
        await gate.open();
      }
      // Not cached: Vault answers again at once.
      expect((await resolve(['FALLBACK_TOKEN'])).json.items[0].value).toBe('in-vault');
      await configure(vaultConfig());
    });

    it('secrets stay where they were stored after the backend changes', async () => {
      await configure(vaultConfig());
      const v = await api('POST', '/v1/secrets', {
        name: 'STAYS',
        scope: { type: 'team', id: 'platform' },
        value: 'in-vault-still',
      });
      const db = await configure({ backend: 'DB', vault: { address: gate.address, token: dev.rootToken } });
      expect(db.json.warnings.join(' ')).toMatch(/does not migrate/);
      const d = await api('POST', '/v1/secrets', {
        name: 'NEW_IN_DB',
        scope: { type: 'team', id: 'platform' },
        value: 'in-db',
      });
      expect(d.json.storage).toEqual({ backend: 'DB', reference: null });
      const r = await resolve(['STAYS', 'NEW_IN_DB']);
      expect(r.json.items.map((i: { value: string }) => i.value)).toEqual(['in-vault-still', 'in-db']);
      expect(
        (await api('PATCH', `/v1/secrets/${v.json.id}`, { value: 'rotated-in-vault' })).json.storage
          .remoteVersion,
      ).toBe('2');
      expect(
        (await dev.api('GET', 'secret/data/coffer/acme/teams/platform/STAYS')).json.data.data.value,
      ).toBe('rotated-in-vault');
    });

    it('values kept in Vault are not in Coffer’s store files or its log', async () => {
      await configure(vaultConfig());
      const marker = `only-in-vault-${Date.now()}`;
      const c = await api('POST', '/v1/secrets', {
        name: 'NOT_IN_STORE',
        scope: { type: 'team', id: 'platform' },
        value: marker,
      });
      expect(c.status).toBe(201);
      expect(c.json.storage.backend).toBe('VAULT');
      expect((await resolve(['NOT_IN_STORE'])).json.items[0].value).toBe(marker);
      // The database files (and the WAL) hold the reference, not the value.
      const files = readdirSync(srv.dataDir).filter((f) => f.startsWith('coffer.db'));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(readFileSync(join(srv.dataDir, f)).includes(marker), f).toBe(false);
      expectNoValues(srv.output(), [marker]);
    });

    it('READONLY_VAULT: references are checked on create (422 on /vaultRef), resolve live, and say why when gone', async () => {
      await dev.api('POST', 'secret/data/payments/ro', { data: { api_key: 'ro-secret-value' } });
      await configure({
        backend: 'READONLY_VAULT',
        cache: { ttlSeconds: 0 },
        vault: { address: gate.address, token: dev.rootToken },
      });
      const bad = await api('POST', '/v1/secrets', {
        name: 'RO_MISSING',
        scope: { type: 'team', id: 'platform' },
        vaultRef: 'secret/data/payments/ro#nope',
      });
      expect(bad.status).toBe(422);
      expect(bad.json.errors[0]).toMatchObject({
        pointer: '/vaultRef',
        detail: expect.stringMatching(/has no field nope/),
      });
      const value = await api('POST', '/v1/secrets', {
        name: 'RO_VALUE',
        scope: { type: 'team', id: 'platform' },
        value: 'x',
      });
      expect(value.status).toBe(422);
      expect(value.json.errors[0].pointer).toBe('/value');
      const c = await api('POST', '/v1/secrets', {
        name: 'RO_KEY',
        scope: { type: 'team', id: 'platform' },
        vaultRef: 'secret/data/payments/ro#api_key',
      });
      expect(c.status, c.text).toBe(201);
      expect(c.json.storage).toEqual({
        backend: 'READONLY_VAULT',
        reference: 'secret/data/payments/ro#api_key',
      });
      expectNoValues(c.text);
      expect((await resolve(['RO_KEY'])).json.items[0].value).toBe('ro-secret-value');
      const patched = await api('PATCH', `/v1/secrets/${c.json.id}`, { value: 'nope' });
      expect(patched.status).toBe(422);
      await dev.api('POST', 'secret/data/payments/ro', { data: { other: 'x' } });
      const gone = await resolve(['RO_KEY']);
      expect(gone.json).toMatchObject({ items: [], missing: ['RO_KEY'] });
      const audit = await api('GET', '/v1/audit/secret-reads?name=RO_KEY');
      expect(audit.json.items[0]).toMatchObject({
        backend: 'READONLY_VAULT',
        outcome: 'missing',
        detail: 'secret/data/payments/ro has no field api_key',
      });
      expect((await api('DELETE', `/v1/secrets/${c.json.id}`)).status).toBe(204);
      // Coffer never deletes in Vault.
      expect((await dev.api('GET', 'secret/data/payments/ro')).json.data.data).toEqual({ other: 'x' });
      await configure({ backend: 'DB' });
    });
  });
}

describe.skipIf(!requireTool('moto'))('AWS_SECRETS_MANAGER over HTTP on moto', () => {
  let moto: Moto;
  let srv: TestServer;
  const creds = { accessKeyId: 'AKIAHTTPTESTHTTPTEST', secretAccessKey: 'http-test-secret' };
  beforeAll(async () => {
    moto = await startMoto();
    // The standard credential chain: the environment.
    srv = await startServer({
      env: { AWS_ACCESS_KEY_ID: creds.accessKeyId, AWS_SECRET_ACCESS_KEY: creds.secretAccessKey },
    });
    await createScopes(srv.url, srv.key, { workspaces: ['any'] });
  }, 60_000);
  afterAll(async () => {
    await srv?.cleanup();
    await moto?.stop();
  });

  it('one AWS secret per Coffer secret: ARN in storage, rotation is a new version, delete without recovery', async () => {
    const api = (method: string, path: string, body?: unknown) =>
      call(srv.url, method, path, { key: srv.key, body });
    const cfg = await api('PUT', '/v1/secrets-manager', {
      backend: 'AWS_SECRETS_MANAGER',
      aws: { region: 'eu-west-1', endpoint: moto.endpoint, recoveryWindowDays: 0 },
    });
    expect(cfg.json).toMatchObject({ effectiveBackend: 'AWS_SECRETS_MANAGER', fallbackReason: null });
    const c = await api('POST', '/v1/secrets', {
      name: 'AWS_HELD',
      scope: { type: 'organization', id: 'acme' },
      value: 'aws-value-1',
    });
    expect(c.status, c.text).toBe(201);
    expect(c.json.storage.reference).toMatch(
      /^arn:aws:secretsmanager:eu-west-1:123456789012:secret:coffer\/acme\/AWS_HELD-/,
    );
    const sm = new SecretsManagerClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: creds });
    expect(
      (await sm.send(new GetSecretValueCommand({ SecretId: c.json.storage.reference }))).SecretString,
    ).toBe('aws-value-1');
    const r = await api('POST', '/v1/secrets:resolve', { workspaceId: 'any', names: ['AWS_HELD'] });
    expect(r.json.items[0]).toMatchObject({ value: 'aws-value-1', source: 'organization' });
    const p = await api('PATCH', `/v1/secrets/${c.json.id}`, { value: 'aws-value-2' });
    expect(p.json.storage.remoteVersion).not.toBe(c.json.storage.remoteVersion);
    const now = await sm.send(new GetSecretValueCommand({ SecretId: c.json.storage.reference }));
    expect(now).toMatchObject({ SecretString: 'aws-value-2', VersionId: p.json.storage.remoteVersion });
    expect((await api('POST', '/v1/secrets-manager:check')).json).toMatchObject({ ok: true, secretCount: 1 });
    expect((await api('DELETE', `/v1/secrets/${c.json.id}`)).status).toBe(204);
    await expect(
      sm.send(new GetSecretValueCommand({ SecretId: c.json.storage.reference })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expectNoValues(srv.output(), [creds.secretAccessKey]);
    sm.destroy();
  });
});

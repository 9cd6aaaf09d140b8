/**
 * The VAULT backend against real dev servers: HashiCorp Vault (built by scripts/setup.d/50-vault.sh) and
 * OpenBao (51-openbao.sh), KV v2 and v1, token auth. Each server is checked through its own HTTP API, not
 * only through the backend.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendConflictError, BackendUnavailableError } from '../../src/backends/types.ts';
import { TokenAuth, VaultSession } from '../../src/backends/vault/auth.ts';
import { VaultHttp } from '../../src/backends/vault/http.ts';
import { MARKER, VaultKvBackend, type VaultKvSettings } from '../../src/backends/vault/kv.ts';
import { SecretValue } from '../../src/crypto/secret-value.ts';
import { freePort } from '../../src/launch.ts';
import { requireTool, startVaultDev, type VaultDev } from '../support/remote-tools.ts';
import { loc } from './locations.ts';

function backend(
  dev: VaultDev,
  settings: Partial<VaultKvSettings> = {},
  token = dev.rootToken,
  namespace?: string,
) {
  const http = new VaultHttp({ address: dev.address, label: `Vault at ${dev.address}`, namespace });
  const session = new VaultSession(http, new TokenAuth(token));
  return new VaultKvBackend(session, { kvVersion: 2, secretPath: 'secret/data/coffer', ...settings });
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

for (const flavour of ['vault', 'openbao'] as const) {
  describe.skipIf(!requireTool(flavour))(`VAULT backend on ${flavour} (token auth)`, () => {
    let dev: VaultDev;
    beforeAll(async () => {
      dev = await startVaultDev(flavour);
      expect(
        (await dev.api('POST', 'sys/mounts/kv1', { type: 'kv', options: { version: '1' } })).status,
      ).toBe(204);
    }, 60_000);
    afterAll(async () => {
      await dev?.stop();
    });

    it('KV v2: creates at the layout path with check-and-set, rotates to a new version, reads the recorded one', async () => {
      const b = backend(dev);
      const l = loc('STRIPE_API_KEY');
      const ref = await b.write(l, new SecretValue('sk_live_one'));
      expect(ref).toEqual({
        reference: 'secret/data/coffer/acme/teams/platform/STRIPE_API_KEY',
        remoteVersion: '1',
      });
      const raw = await dev.api('GET', 'secret/data/coffer/acme/teams/platform/STRIPE_API_KEY');
      expect(raw.json.data.data).toEqual({ value: 'sk_live_one', [MARKER]: l.id });

      const rotated = await b.write(l, new SecretValue('sk_live_two'), ref);
      expect(rotated).toEqual({ reference: ref.reference, remoteVersion: '2' });
      const now = await b.read(rotated);
      expect(now.found && now.value.reveal()).toBe('sk_live_two');
      // The version recorded is the one read, not whatever is latest.
      const before = await b.read(ref);
      expect(before.found && before.value.reveal()).toBe('sk_live_one');
    });

    it('KV v2: a rotation after someone else wrote the secret is a conflict, and their value stays', async () => {
      const b = backend(dev);
      const l = loc('GITHUB_TOKEN');
      const ref = await b.write(l, new SecretValue('ghp_coffer'));
      const put = await dev.api('POST', `secret/data/coffer/acme/teams/platform/GITHUB_TOKEN`, {
        data: { value: 'ghp_human' },
      });
      expect(put.status).toBe(200);
      const err = await rejection(b.write(l, new SecretValue('ghp_coffer_2'), ref));
      expect(err).toBeInstanceOf(BackendConflictError);
      expect(err.message).toMatch(/version 2, not the version 1 Coffer wrote/);
      expect(err.message).not.toMatch(/ghp_/);
      const raw = await dev.api('GET', 'secret/data/coffer/acme/teams/platform/GITHUB_TOKEN');
      expect(raw.json.data.data.value).toBe('ghp_human');
      expect(raw.json.data.metadata.version).toBe(2);
    });

    it('KV v2: a rotation whose record update was lost supersedes Coffer’s own unrecorded version', async () => {
      const b = backend(dev);
      const l = loc('LOST_UPDATE');
      const v1 = await b.write(l, new SecretValue('one'));
      await b.write(l, new SecretValue('two'), v1); // version 2, never recorded
      const v3 = await b.write(l, new SecretValue('three'), v1);
      expect(v3.remoteVersion).toBe('3');
    });

    it('KV v2: a create refuses a value it did not write, and takes over an old orphan of its own', async () => {
      const b = backend(dev);
      await dev.api('POST', 'secret/data/coffer/acme/workspaces/ws1/FOREIGN', { data: { value: 'theirs' } });
      const err = await rejection(b.write(loc('FOREIGN', 'workspace', 'ws1'), new SecretValue('mine')));
      expect(err).toBeInstanceOf(BackendConflictError);
      expect(err.message).toMatch(/did not write/);

      // A create that crashed after writing to Vault left this behind; no record owns it.
      await backend(dev).write(loc('ORPHAN', 'workspace', 'ws1'), new SecretValue('half-done'));
      const young = await rejection(b.write(loc('ORPHAN', 'workspace', 'ws1'), new SecretValue('again')));
      expect(young).toBeInstanceOf(BackendConflictError);
      expect(young.message).toMatch(/at the same time/);
      const patient = backend(dev, { orphanAgeMs: 0 });
      const l = loc('ORPHAN', 'workspace', 'ws1');
      const ref = await patient.write(l, new SecretValue('again'));
      expect(ref.remoteVersion).toBe('2');
      const raw = await dev.api('GET', 'secret/data/coffer/acme/workspaces/ws1/ORPHAN');
      expect(raw.json.data.data).toEqual({ value: 'again', [MARKER]: l.id });
    });

    it('discard takes back only what this create wrote (KV v2 and v1)', async () => {
      for (const settings of [{}, { kvVersion: 1 as const, secretPath: 'kv1/coffer' }]) {
        const b = backend(dev, settings);
        const mine = loc('DISCARDED');
        const ref = await b.write(mine, new SecretValue('x'));
        // Someone else's create (another id) cannot take it back; its own can.
        await b.discard(loc('DISCARDED'), ref);
        expect((await b.read(ref)).found).toBe(true);
        await b.discard(mine, ref);
        expect((await b.read(ref)).found).toBe(false);
      }
    });

    it('KV v2: delete removes every version through the metadata path; a second delete is fine', async () => {
      const b = backend(dev);
      const l = loc('TO_DELETE', 'organization', 'acme');
      const v1 = await b.write(l, new SecretValue('a'));
      const v2 = await b.write(l, new SecretValue('b'), v1);
      await b.delete(v2);
      expect((await dev.api('GET', 'secret/metadata/coffer/acme/TO_DELETE')).status).toBe(404);
      await b.delete(v2);
      const r = await b.read(v2);
      expect(r).toEqual({ found: false, reason: expect.stringMatching(/version 2 of .* is not in Vault/) });
    });

    it('KV v2: an explicit secretMetadataPath is used for delete and count', async () => {
      await dev.api('POST', 'sys/mounts/kvx', { type: 'kv', options: { version: '2' } });
      const b = backend(dev, {
        secretPath: 'kvx/data/apps/coffer',
        secretMetadataPath: 'kvx/metadata/apps/coffer',
      });
      const ref = await b.write(loc('ONE'), new SecretValue('1'));
      await b.write(loc('TWO', 'workspace', 'w9'), new SecretValue('2'));
      expect(await b.check()).toEqual({ secretCount: 2 });
      await b.delete(ref);
      expect((await dev.api('GET', 'kvx/metadata/apps/coffer/acme/teams/platform/ONE')).status).toBe(404);
      expect(await b.check()).toEqual({ secretCount: 1 });
      // Readiness does not count: one LIST shows Vault answers.
      expect(await b.check({ count: false })).toEqual({ secretCount: null });
    });

    it('KV v1: plain paths, no versions; a foreign value is not overwritten; delete', async () => {
      const b = backend(dev, { kvVersion: 1, secretPath: 'kv1/coffer' });
      const l = loc('DB_PASSWORD');
      const ref = await b.write(l, new SecretValue('pw1'));
      expect(ref).toEqual({ reference: 'kv1/coffer/acme/teams/platform/DB_PASSWORD', remoteVersion: null });
      expect((await dev.api('GET', ref.reference)).json.data).toEqual({ value: 'pw1', [MARKER]: l.id });
      const rotated = await b.write(l, new SecretValue('pw2'), ref);
      const r = await b.read(rotated);
      expect(r.found && r.value.reveal()).toBe('pw2');
      await dev.api('POST', 'kv1/coffer/acme/teams/platform/THEIRS', { value: 'x' });
      expect(await rejection(b.write(loc('THEIRS'), new SecretValue('y')))).toBeInstanceOf(
        BackendConflictError,
      );
      expect(await b.check()).toEqual({ secretCount: 2 });
      await b.delete(rotated);
      expect((await dev.api('GET', ref.reference)).status).toBe(404);
      expect((await b.read(rotated)).found).toBe(false);
    });

    it('a v2 secret keeps working after the configuration switches to v1 (it follows its own engine)', async () => {
      const l = loc('STAYS_V2');
      const ref = await backend(dev).write(l, new SecretValue('v2-value'));
      const v1Config = backend(dev, { kvVersion: 1, secretPath: 'kv1/coffer' });
      const r = await v1Config.read(ref);
      expect(r.found && r.value.reveal()).toBe('v2-value');
      const rotated = await v1Config.write(l, new SecretValue('v2-again'), ref);
      expect(rotated).toEqual({ reference: ref.reference, remoteVersion: '2' });
      await v1Config.delete(rotated);
      expect((await dev.api('GET', 'secret/metadata/coffer/acme/teams/platform/STAYS_V2')).status).toBe(404);
    });

    it('one login is shared by concurrent calls', async () => {
      const b = backend(dev);
      const ref = await b.write(loc('SHARED'), new SecretValue('s'));
      const fresh = backend(dev);
      const reads = await Promise.all(Array.from({ length: 25 }, () => fresh.read(ref)));
      expect(reads.every((r) => r.found)).toBe(true);
      expect(fresh.session.logins).toBe(1);
    });

    it('a renewable token is renewed before it expires', async () => {
      const t = await dev.api('POST', 'auth/token/create', {
        ttl: '6s',
        explicit_max_ttl: '60s',
        renewable: true,
        policies: ['root'],
      });
      const b = backend(dev, {}, t.json.auth.client_token);
      const ref = await b.write(loc('RENEWED'), new SecretValue('r'));
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 2_000));
        expect((await b.read(ref)).found).toBe(true);
      }
      // 10 s after a 6 s token was issued: only renewals (due after half of each lease) kept it alive.
      expect(b.session.logins).toBeGreaterThanOrEqual(3);
      expect(b.session.logins).toBeLessThanOrEqual(5);
    }, 30_000);

    it('a revoked token is one clear error after one new attempt', async () => {
      const t = await dev.api('POST', 'auth/token/create', { ttl: '1h', policies: ['root'] });
      const token = t.json.auth.client_token as string;
      const b = backend(dev, {}, token);
      const ref = await b.write(loc('REVOKED'), new SecretValue('x'));
      expect((await dev.api('POST', 'auth/token/revoke', { token })).status).toBe(204);
      const err = await rejection(b.read(ref));
      expect(err).toBeInstanceOf(BackendUnavailableError);
      expect(err.message).toMatch(/token is not valid/);
      expect(err.message).not.toContain(token);
      expect(b.session.logins).toBe(2);
      // check() says so too (a revoked token is not a policy that cannot list).
      expect(await rejection(b.check())).toBeInstanceOf(BackendUnavailableError);
      expect(await rejection(b.check({ count: false }))).toBeInstanceOf(BackendUnavailableError);
    });

    it('a policy that does not allow the path: permission denied after one fresh login', async () => {
      await dev.api('PUT', 'sys/policies/acl/other-team', {
        policy: 'path "secret/data/coffer/acme/teams/other/*" { capabilities = ["create","read","update"] }',
      });
      const t = await dev.api('POST', 'auth/token/create', { policies: ['other-team'] });
      const b = backend(dev, {}, t.json.auth.client_token);
      const err = await rejection(b.write(loc('NOT_MINE'), new SecretValue('x')));
      expect(err).toBeInstanceOf(BackendUnavailableError);
      expect(err.message).toMatch(/permission denied.*after a fresh TOKEN login/);
      expect((err as BackendUnavailableError).status).toBe(403);
      const ok = await b.write(loc('MINE', 'team', 'other'), new SecretValue('y'));
      expect(ok.remoteVersion).toBe('1');
      // A prefix-only policy cannot list the roots: check still passes (logged in), without a count.
      expect(await b.check()).toEqual({ secretCount: null });
    });

    it('check logs in and counts the secrets under the prefix', async () => {
      const b = backend(dev, { secretPath: 'secret/data/counted' });
      expect(await b.check()).toEqual({ secretCount: 0 });
      await b.write(loc('A', 'organization', 'acme'), new SecretValue('1'));
      await b.write(loc('B', 'team', 't1'), new SecretValue('2'));
      await b.write(loc('C', 'team', 't2'), new SecretValue('3'));
      expect(await b.check()).toEqual({ secretCount: 3 });
      const bad = backend(dev, {}, 'not-a-token');
      expect(await rejection(bad.check())).toBeInstanceOf(BackendUnavailableError);
    });

    if (flavour === 'openbao') {
      it('namespace: OpenBao keeps the namespace’s secrets apart', async () => {
        expect((await dev.api('POST', 'sys/namespaces/team-a', {})).status).toBeLessThan(300);
        const ns = { namespace: 'team-a' };
        const mount = await dev.api(
          'POST',
          'sys/mounts/secret',
          { type: 'kv', options: { version: '2' } },
          ns,
        );
        expect(mount.status).toBe(204);
        const b = backend(dev, {}, dev.rootToken, 'team-a');
        await b.write(loc('IN_NAMESPACE'), new SecretValue('ns-value'));
        const inNs = await dev.api(
          'GET',
          'secret/data/coffer/acme/teams/platform/IN_NAMESPACE',
          undefined,
          ns,
        );
        expect(inNs.json.data.data.value).toBe('ns-value');
        expect((await dev.api('GET', 'secret/data/coffer/acme/teams/platform/IN_NAMESPACE')).status).toBe(
          404,
        );
      });
    } else {
      it('namespace: OSS Vault has none (its API answers enterprise-only, other calls ignore the header)', async () => {
        const ns = await dev.api('POST', 'sys/namespaces/team-a', {});
        expect(ns.status).toBe(404);
        expect(ns.json.errors).toEqual(['enterprise-only feature']);
        // That the header is sent is checked against a stub below; OSS Vault serves the root namespace.
        const b = backend(dev, {}, dev.rootToken, 'team-a');
        await b.write(loc('NS_IGNORED'), new SecretValue('root-ns'));
        const raw = await dev.api('GET', 'secret/data/coffer/acme/teams/platform/NS_IGNORED');
        expect(raw.json.data.data.value).toBe('root-ns');
      });
    }
  });
}

describe('Vault HTTP client without a Vault', () => {
  it('sends X-Vault-Namespace and the token, and says when Vault is not there', async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const srv = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { ttl: 0 } }));
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    const http = new VaultHttp({
      address: `http://127.0.0.1:${port}`,
      label: 'stub',
      namespace: 'team-a/dev',
    });
    await http.call('GET', 'auth/token/lookup-self', { token: 'tok' });
    expect(seen[0]?.['x-vault-namespace']).toBe('team-a/dev');
    expect(seen[0]?.['x-vault-token']).toBe('tok');
    await http.close();
    await new Promise<void>((r) => srv.close(() => r()));

    const closed = await freePort();
    const gone = new VaultHttp({
      address: `http://127.0.0.1:${closed}`,
      label: `Vault at 127.0.0.1:${closed}`,
    });
    const started = Date.now();
    const err = await rejection(gone.call('GET', 'secret/data/x', { token: 'tok' }));
    expect(err).toBeInstanceOf(BackendUnavailableError);
    expect(err.message).toMatch(/refused the connection/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a Vault that does not answer in time is unavailable, not a hang', async () => {
    const srv = createServer(() => {});
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    const http = new VaultHttp({ address: `http://127.0.0.1:${port}`, label: 'slow', timeoutMs: 300 });
    const err = await rejection(http.call('GET', 'secret/data/x'));
    expect(err).toBeInstanceOf(BackendUnavailableError);
    expect(err.message).toMatch(/did not answer in time/);
    await http.close();
    srv.closeAllConnections();
    await new Promise<void>((r) => srv.close(() => r()));
  });
});

describe('counting secrets without a Vault (a stub that answers LIST)', () => {
  async function stubVault(tree: Record<string, string[]>, deny: string[] = []) {
    const listed: string[] = [];
    const srv = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const path = u.pathname.replace(/^\/v1\//, '');
      res.setHeader('content-type', 'application/json');
      if (path === 'auth/token/lookup-self') return res.end(JSON.stringify({ data: { ttl: 0 } }));
      listed.push(path);
      if (deny.includes(path))
        return res.writeHead(403).end(JSON.stringify({ errors: ['permission denied'] }));
      const keys = tree[path];
      if (!keys) return res.writeHead(404).end(JSON.stringify({ errors: [] }));
      return res.end(JSON.stringify({ data: { keys } }));
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const address = `http://127.0.0.1:${(srv.address() as { port: number }).port}`;
    const http = new VaultHttp({ address, label: 'stub' });
    const b = new VaultKvBackend(new VaultSession(http, new TokenAuth('tok')), {
      kvVersion: 2,
      secretPath: 'secret/data/coffer',
    });
    return {
      b,
      listed,
      stop: async () => {
        await http.close();
        await new Promise<void>((r) => srv.close(() => r()));
      },
    };
  }

  it('walks every organization, the earlier layout’s roots too, and counts only leaves', async () => {
    const m = 'secret/metadata/coffer';
    const s = await stubVault({
      [m]: ['acme/', 'globex/', 'team/'],
      [`${m}/acme`]: ['SLACK', 'teams', 'teams/', 'workspaces/'],
      [`${m}/acme/teams`]: ['payments/'],
      [`${m}/acme/teams/payments`]: ['STRIPE', 'workspaces/'],
      [`${m}/acme/teams/payments/workspaces`]: ['w1/', 'w2/'],
      [`${m}/acme/teams/payments/workspaces/w1`]: ['A', 'B'],
      [`${m}/acme/teams/payments/workspaces/w2`]: ['C'],
      [`${m}/acme/workspaces`]: ['sandbox/'],
      [`${m}/acme/workspaces/sandbox`]: ['D'],
      [`${m}/globex`]: ['E'],
      // Written under the earlier {scopeType}/{scopeId}/{name} layout.
      [`${m}/team`]: ['platform/'],
      [`${m}/team/platform`]: ['OLD_ONE', 'OLD_TWO'],
    });
    try {
      // SLACK, teams, STRIPE, A, B, C, D, E, OLD_ONE, OLD_TWO
      expect(await s.b.check()).toEqual({ secretCount: 10 });
      expect(new Set(s.listed).size).toBe(s.listed.length);
    } finally {
      await s.stop();
    }
  });

  it('goes no deeper than the layout, and a prefix it may not list gives no count (not an error)', async () => {
    const m = 'secret/metadata/coffer';
    const deep: Record<string, string[]> = {};
    let p = m;
    for (let i = 0; i < 10; i++) {
      deep[p] = ['x/', `LEAF${i}`];
      p = `${p}/x`;
    }
    const s = await stubVault(deep);
    try {
      expect(await s.b.check()).toEqual({ secretCount: 6 });
      expect(s.listed).toHaveLength(6);
    } finally {
      await s.stop();
    }
    const denied = await stubVault({}, [m]);
    try {
      expect(await denied.b.check()).toEqual({ secretCount: null });
    } finally {
      await denied.stop();
    }
  });
});

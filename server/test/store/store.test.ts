import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretValue } from '../../src/crypto/secret-value.ts';
import type { OpenedStore } from '../../src/store/index.ts';
import { DuplicateError, InvalidCursorError, type NewSecret, type Store } from '../../src/store/types.ts';
import { makeStoreEnv, STORE_KINDS, type StoreEnv, skipKind } from '../support/stores.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function newSecret(store: Store, over: Partial<NewSecret> & { value?: string } = {}): NewSecret {
  const id = over.id ?? randomUUID();
  const base = {
    id,
    scopeType: over.scopeType ?? 'organization',
    scopeId: over.scopeId ?? 'acme',
    name: over.name ?? `S_${id.slice(0, 8).toUpperCase()}`,
  } as const;
  return {
    ...base,
    category: over.category ?? 'provider',
    description: over.description ?? null,
    expiresAt: over.expiresAt ?? null,
    storageBackend: 'DB',
    valueEnvelope: store.crypto.encryptSecretValue(over.value ?? 'v', base),
  };
}

async function drain<T>(
  fetch: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const all: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await fetch(cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    if (pages > 1000) throw new Error('pagination does not terminate');
  } while (cursor);
  return { all, pages };
}

describe.each(STORE_KINDS)('store (%s)', (kind) => {
  let env: StoreEnv;
  let store: OpenedStore;

  beforeAll(async () => {
    if (skipKind(kind)) return;
    env = await makeStoreEnv(kind);
    store = await env.open();
  });
  afterAll(async () => {
    if (skipKind(kind)) return;
    await store?.close();
    await env?.cleanup();
  });

  describe.skipIf(skipKind(kind))('', () => {
    it('reports its kind, migrations and readiness', async () => {
      expect(store.kind).toBe(kind);
      expect(store.startup.appliedMigrations).toEqual([1, 2, 3, 4]);
      expect(store.startup.schemaVersion).toBe(4);
      await expect(store.ping()).resolves.toBeUndefined();
      await store.setMeta('x', '1');
      await store.setMeta('x', '2');
      expect(await store.getMeta('x')).toBe('2');
      expect(await store.getMeta('missing')).toBeNull();
    });

    it('creates, reads, updates and deletes a secret', async () => {
      const input = newSecret(store, {
        name: 'OPENAI_KEY',
        value: 'sk-123',
        description: 'd',
        scopeId: 'crud',
      });
      const created = await store.secrets.create(input);
      expect(created).toMatchObject({
        id: input.id,
        scopeType: 'organization',
        scopeId: 'crud',
        name: 'OPENAI_KEY',
        category: 'provider',
        description: 'd',
        version: 1,
        lastRotatedAt: null,
        storageBackend: 'DB',
        vaultRef: null,
      });
      expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(await store.secrets.get(created.id)).toEqual(created);
      expect(await store.secrets.get(created.id.toUpperCase())).toEqual(created);
      expect(await store.secrets.getByNaturalKey('organization', 'crud', 'OPENAI_KEY')).toEqual(created);
      expect(await store.secrets.getByNaturalKey('organization', 'crud', 'OTHER')).toBeNull();
      const value = store.crypto.decryptSecretValue(created.valueEnvelope as string, created);
      expect(value.reveal()).toBe('sk-123');

      const r = await store.secrets.update(created.id, {
        description: null,
        expiresAt: '2030-01-01T00:00:00Z',
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.record.version).toBe(1);
      expect(r.record.description).toBeNull();
      expect(r.record.expiresAt).toBe('2030-01-01T00:00:00.000Z');

      const rotated = await store.secrets.update(created.id, {
        valueEnvelope: store.crypto.encryptSecretValue('sk-456', created),
        valueChanged: true,
      });
      expect(rotated.ok && rotated.record.version).toBe(2);
      expect(rotated.ok && rotated.record.lastRotatedAt).not.toBeNull();

      expect(await store.secrets.delete(created.id)).toBe(true);
      expect(await store.secrets.delete(created.id)).toBe(false);
      expect(await store.secrets.get(created.id)).toBeNull();
    });

    it('treats unknown and malformed ids as not found', async () => {
      expect(await store.secrets.get(randomUUID())).toBeNull();
      expect(await store.secrets.get('not-a-uuid')).toBeNull();
      expect(await store.secrets.delete('nope')).toBe(false);
      expect(await store.secrets.update('nope', { description: 'x' })).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect(await store.secrets.update(randomUUID(), { description: 'x' }, 1)).toEqual({
        ok: false,
        reason: 'not_found',
      });
    });

    it('refuses a second secret with the same scope and name (DuplicateError)', async () => {
      await store.secrets.create(newSecret(store, { scopeType: 'team', scopeId: 'dup', name: 'DUP' }));
      const err = await store.secrets
        .create(newSecret(store, { scopeType: 'team', scopeId: 'dup', name: 'DUP' }))
        .catch((e) => e);
      expect(err).toBeInstanceOf(DuplicateError);
      expect(err.constraint).toBe('secrets_scope_name');
      // Same name in another scope is fine.
      await store.secrets.create(newSecret(store, { scopeType: 'team', scopeId: 'dup2', name: 'DUP' }));
      await store.secrets.create(newSecret(store, { scopeType: 'workspace', scopeId: 'dup', name: 'DUP' }));
    });

    it('compare-and-set update: a stale version is a conflict and changes nothing', async () => {
      const s = await store.secrets.create(newSecret(store, { scopeId: 'cas' }));
      const a = await store.secrets.update(s.id, { valueChanged: true, description: 'first' }, 1);
      expect(a.ok && a.record.version).toBe(2);
      const b = await store.secrets.update(s.id, { valueChanged: true, description: 'second' }, 1);
      expect(b).toEqual({ ok: false, reason: 'revision_conflict', currentRevision: 2 });
      expect((await store.secrets.get(s.id))?.description).toBe('first');
      // Concurrent writers with the same expected version: exactly one wins.
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((i) =>
          store.secrets.update(s.id, { valueChanged: true, description: `c${i}` }, 2),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect((await store.secrets.get(s.id))?.version).toBe(3);
    });

    it('paginates secrets stably with filters', async () => {
      const scopeId = `page-${kind}`;
      const ids = new Set<string>();
      for (let i = 0; i < 23; i++) {
        const s = await store.secrets.create(
          newSecret(store, {
            scopeType: 'workspace',
            scopeId,
            name: i % 2 ? `A_${i}` : `AB${i}`,
            category: i % 3 ? 'provider' : 'agent',
          }),
        );
        ids.add(s.id);
      }
      const { all, pages } = await drain((cursor) =>
        store.secrets.list({ scopeType: 'workspace', scopeId, limit: 5, cursor }),
      );
      expect(pages).toBe(5);
      expect(all.map((s) => s.id).sort()).toEqual([...ids].sort());
      const order = all.map((s) => [s.createdAt, s.id].join());
      expect(order).toEqual([...order].sort());

      // Rows inserted while paging appear after the rows already seen; nothing is repeated or skipped.
      const first = await store.secrets.list({ scopeType: 'workspace', scopeId, limit: 10 });
      await sleep(2);
      const late = await store.secrets.create(
        newSecret(store, { scopeType: 'workspace', scopeId, name: 'LATE' }),
      );
      const rest = await drain((cursor) =>
        store.secrets.list({
          scopeType: 'workspace',
          scopeId,
          limit: 10,
          cursor: cursor ?? first.nextCursor,
        }),
      );
      const seen = [...first.items, ...rest.all].map((s) => s.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(24);
      expect(seen[seen.length - 1]).toBe(late.id);

      // namePrefix is literal ('_' is not a wildcard) and case-sensitive.
      const pref = await store.secrets.list({ scopeId, namePrefix: 'A_', limit: 500 });
      expect(pref.items.length).toBe(11);
      expect(pref.items.every((s) => s.name.startsWith('A_'))).toBe(true);
      expect((await store.secrets.list({ scopeId, namePrefix: 'a_' })).items).toHaveLength(0);
      const agents = await store.secrets.list({ scopeId, category: 'agent', limit: 500 });
      expect(agents.items.length).toBe(8);
      expect(agents.nextCursor).toBeNull();
      expect((await store.secrets.list({ scopeType: 'team', scopeId })).items).toHaveLength(0);

      // limit is clamped to 1..500.
      expect((await store.secrets.list({ scopeId, limit: 0 })).items).toHaveLength(1);
      await expect(store.secrets.list({ cursor: 'garbage!' })).rejects.toBeInstanceOf(InvalidCursorError);
      const forged = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
      await expect(store.secrets.list({ cursor: forged })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('finds resolve candidates per layer', async () => {
      const names = ['R_ONE', 'R_TWO', 'R_THREE'];
      const mk = (scopeType: 'organization' | 'team' | 'workspace', scopeId: string, name: string) =>
        store.secrets.create(newSecret(store, { scopeType, scopeId, name }));
      await mk('organization', 'acme', 'R_ONE');
      await mk('organization', 'acme', 'R_TWO');
      await mk('organization', 'globex', 'R_THREE');
      await mk('team', 'red', 'R_ONE');
      await mk('team', 'blue', 'R_ONE');
      await mk('workspace', 'ws1', 'R_ONE');
      await mk('workspace', 'ws2', 'R_TWO');
      await mk('workspace', 'ws1', 'R_UNRELATED');
      await store.workspaceSecrets.upsert({
        workspaceId: 'ws1',
        key: 'R_TWO',
        setBy: 'k',
        expiresAt: null,
        valueEnvelope: store.crypto.encryptWorkspaceValue('o', { workspaceId: 'ws1', key: 'R_TWO' }),
      });
      const c = await store.secrets.findForResolve(
        { workspaceId: 'ws1', teamId: 'red', organizationId: 'acme' },
        [...names, 'R_ONE'],
      );
      expect(c.workspace.map((s) => [s.scopeId, s.name])).toEqual([['ws1', 'R_ONE']]);
      expect(c.team.map((s) => [s.scopeId, s.name])).toEqual([['red', 'R_ONE']]);
      expect(c.organization.map((s) => s.name).sort()).toEqual(['R_ONE', 'R_TWO']);
      expect(c.overrides.map((o) => o.key)).toEqual(['R_TWO']);
      const noTeam = await store.secrets.findForResolve(
        { workspaceId: 'ws2', teamId: null, organizationId: 'acme' },
        names,
      );
      expect(noTeam.team).toEqual([]);
      expect(noTeam.workspace.map((s) => s.name)).toEqual(['R_TWO']);
      expect(noTeam.overrides).toEqual([]);
      expect(
        await store.secrets.findForResolve({ workspaceId: 'ws1', teamId: 'red', organizationId: 'acme' }, []),
      ).toEqual({
        workspace: [],
        team: [],
        organization: [],
        overrides: [],
      });
    });

    it('upserts, lists and deletes workspace secrets', async () => {
      const put = (key: string, value: string) =>
        store.workspaceSecrets.upsert({
          workspaceId: 'wsx',
          key,
          setBy: 'key-1',
          expiresAt: '2031-02-03T04:05:06.000Z',
          valueEnvelope: store.crypto.encryptWorkspaceValue(value, { workspaceId: 'wsx', key }),
        });
      const a = await put('OPENAI_API_KEY', 'one');
      expect(a.created).toBe(true);
      expect(a.record).toMatchObject({
        workspaceId: 'wsx',
        key: 'OPENAI_API_KEY',
        version: 1,
        setBy: 'key-1',
      });
      await sleep(2);
      const b = await put('OPENAI_API_KEY', 'two');
      expect(b.created).toBe(false);
      expect(b.record.version).toBe(2);
      expect(b.record.createdAt).toBe(a.record.createdAt);
      expect(b.record.updatedAt > a.record.updatedAt).toBe(true);
      const got = await store.workspaceSecrets.get('wsx', 'OPENAI_API_KEY');
      expect(store.crypto.decryptWorkspaceValue(got?.valueEnvelope as string, got as never).reveal()).toBe(
        'two',
      );
      for (const k of ['ANTHROPIC_API_KEY', 'BRAVE_API_KEY', 'GROQ_API_KEY']) await put(k, k);
      const { all, pages } = await drain((cursor) =>
        store.workspaceSecrets.list('wsx', { limit: 3, cursor }),
      );
      expect(pages).toBe(2);
      expect(all.map((w) => w.key)).toEqual([
        'ANTHROPIC_API_KEY',
        'BRAVE_API_KEY',
        'GROQ_API_KEY',
        'OPENAI_API_KEY',
      ]);
      expect((await store.workspaceSecrets.list('other')).items).toEqual([]);
      expect(await store.workspaceSecrets.delete('wsx', 'BRAVE_API_KEY')).toBe(true);
      expect(await store.workspaceSecrets.delete('wsx', 'BRAVE_API_KEY')).toBe(false);
      expect(await store.workspaceSecrets.get('wsx', 'BRAVE_API_KEY')).toBeNull();
      expect((await put('BRAVE_API_KEY', 'again')).created).toBe(true);
    });

    it("counts an organization's unrevoked deployment keys in its contents (deleting it is refused while any is left)", async () => {
      await store.organizations.create({ id: 'dk-org', name: 'dk-org' });
      const mk = (hash: string, deployment: boolean) =>
        store.apiKeys.create({
          name: hash.slice(0, 4),
          role: 'owner',
          scopeType: 'organization',
          scopeId: 'dk-org',
          organizationId: 'dk-org',
          deployment,
          prefix: `cfr_${hash.slice(0, 6)}`,
          tokenHash: hash,
          expiresAt: null,
        });
      await mk('e'.repeat(64), false);
      expect((await store.scopes.contents('organization', 'dk-org')).deploymentKeys).toBe(0);
      const d1 = await mk('f'.repeat(64), true);
      await mk('0'.repeat(64), true);
      expect((await store.scopes.contents('organization', 'dk-org')).deploymentKeys).toBe(2);
      await store.apiKeys.revoke(d1.id);
      expect((await store.scopes.contents('organization', 'dk-org')).deploymentKeys).toBe(1);
      expect((await store.scopes.contents('team', 'dk-org')).deploymentKeys).toBe(0);
    });

    it('stores api keys by token hash, lists, revokes and touches them', async () => {
      const mk = (name: string, hash: string) =>
        store.apiKeys.create({
          name,
          role: 'admin',
          scopeType: 'team',
          scopeId: 'keys',
          prefix: `cfr_${hash.slice(0, 6)}`,
          tokenHash: hash,
          expiresAt: null,
        });
      const h1 = 'a'.repeat(64);
      const k1 = await mk('one', h1);
      expect(k1).toMatchObject({
        name: 'one',
        role: 'admin',
        lastUsedAt: null,
        revokedAt: null,
        tokenHash: h1,
      });
      expect(await store.apiKeys.findByTokenHash(h1)).toEqual(k1);
      expect(await store.apiKeys.findByTokenHash('b'.repeat(64))).toBeNull();
      const dup = await mk('again', h1).catch((e) => e);
      expect(dup).toBeInstanceOf(DuplicateError);
      expect(dup.constraint).toBe('api_keys_token_hash');
      const k2 = await mk('two', 'c'.repeat(64));
      const k3 = await mk('three', 'd'.repeat(64));
      const { all } = await drain((cursor) => store.apiKeys.list({ scopeId: 'keys', limit: 2, cursor }));
      const byCreation = (ks: { createdAt: string; id: string }[]) =>
        [...ks].sort((a, b) => (a.createdAt + a.id < b.createdAt + b.id ? -1 : 1)).map((k) => k.id);
      expect(all.map((k) => k.id)).toEqual(byCreation([k1, k2, k3]));

      const revoked = await store.apiKeys.revoke(k2.id, '2026-01-01T00:00:00Z');
      expect(revoked?.revokedAt).toBe('2026-01-01T00:00:00.000Z');
      expect((await store.apiKeys.revoke(k2.id))?.revokedAt).toBe('2026-01-01T00:00:00.000Z');
      expect(await store.apiKeys.revoke(randomUUID())).toBeNull();
      expect((await store.apiKeys.list({ scopeId: 'keys' })).items.map((k) => k.id)).toEqual(
        byCreation([k1, k3]),
      );
      expect((await store.apiKeys.list({ scopeId: 'keys', includeRevoked: true })).items).toHaveLength(3);

      await store.apiKeys.touchLastUsed(k1.id, '2026-05-01T00:00:00Z');
      expect((await store.apiKeys.get(k1.id))?.lastUsedAt).toBe('2026-05-01T00:00:00.000Z');
      await store.apiKeys.touchLastUsed(k1.id, '2026-05-01T00:00:30Z'); // within 60 s: skipped
      expect((await store.apiKeys.get(k1.id))?.lastUsedAt).toBe('2026-05-01T00:00:00.000Z');
      await store.apiKeys.touchLastUsed(k1.id, '2026-05-01T00:02:00Z');
      expect((await store.apiKeys.get(k1.id))?.lastUsedAt).toBe('2026-05-01T00:02:00.000Z');
      expect(await store.apiKeys.count()).toBeGreaterThanOrEqual(3);
    });

    it('appends and filters audit records', async () => {
      const base = Date.parse('2026-03-01T00:00:00Z');
      const at = (m: number) => new Date(base + m * 60_000).toISOString();
      const reads = [];
      for (let i = 0; i < 12; i++) {
        reads.push({
          at: at(i),
          secretId: null,
          name: i % 3 === 0 ? 'AUD_X' : 'AUD_Y',
          scopeType: 'organization' as const,
          scopeId: 'acme',
          backend: 'DB' as const,
          cacheHit: i % 2 === 0,
          principalId: 'p1',
          requestId: `r${i}`,
          kind: 'resolve',
        });
      }
      const one = await store.audit.appendSecretRead(reads[0] as (typeof reads)[0]);
      expect(one).toMatchObject({ name: 'AUD_X', cacheHit: true, at: at(0), requestId: 'r0' });
      await store.audit.appendSecretReads(reads.slice(1));
      const win = await drain((cursor) =>
        store.audit.listSecretReads({ from: at(2), to: at(9), limit: 3, cursor }),
      );
      expect(win.all.map((r) => r.requestId)).toEqual(['r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8']);
      expect(win.pages).toBe(3);
      const xs = await store.audit.listSecretReads({ name: 'AUD_X', from: at(0), to: at(100) });
      expect(xs.items.map((r) => r.requestId)).toEqual(['r0', 'r3', 'r6', 'r9']);
      expect(xs.items.map((r) => r.cacheHit)).toEqual([true, false, true, false]);

      for (let i = 0; i < 5; i++) {
        await store.audit.appendEvent({
          at: at(i),
          type: i % 2 ? 'secret.deleted' : 'secret.created',
          principalId: 'p1',
          requestId: `e${i}`,
          name: 'EV',
          scopeType: 'team',
          scopeId: 't',
          details: { version: i, nested: { ok: true } },
        });
      }
      const ev = await store.audit.listEvents({ name: 'EV', type: 'secret.created' });
      expect(ev.items.map((e) => e.requestId)).toEqual(['e0', 'e2', 'e4']);
      expect(ev.items[1]?.details).toEqual({ version: 2, nested: { ok: true } });
      const noDetails = await store.audit.appendEvent({
        type: 'auth.failed',
        principalId: null,
        requestId: null,
        name: null,
        scopeType: null,
        scopeId: null,
        details: null,
      });
      expect(noDetails.details).toBeNull();
      expect(Date.now() - Date.parse(noDetails.at)).toBeLessThan(60_000);
    });

    it('stores the secrets-manager config with an encrypted vault token', async () => {
      expect(await store.config.getSecretsManager()).toBeNull();
      const cfg = { backend: 'VAULT', vault: { address: 'http://127.0.0.1:8200', kvVersion: 2 } };
      const env = store.crypto.encryptConfigToken('hvs.token');
      const put = await store.config.putSecretsManager(cfg, env);
      expect(put.config).toEqual(cfg);
      const got = await store.config.getSecretsManager();
      expect(got?.config).toEqual(cfg);
      expect(got?.updatedAt).toBe(put.updatedAt);
      expect(store.crypto.decryptConfigToken(got?.vaultTokenEnvelope as string).reveal()).toBe('hvs.token');
      await store.config.putSecretsManager({ backend: 'DB' }, null);
      expect((await store.config.getSecretsManager())?.vaultTokenEnvelope).toBeNull();
      await store.config.deleteSecretsManager();
      expect(await store.config.getSecretsManager()).toBeNull();
    });

    it('keeps idempotency records: first writer wins, expired records vanish', async () => {
      const rec = (key: string, bodyHash: string, expiresInMs: number) => ({
        key,
        principalId: 'p1',
        method: 'POST',
        path: '/v1/secrets',
        bodyHash,
        status: 201,
        responseBody: '{"id":"x"}',
        responseHeaders: { etag: '"1"', 'content-type': 'application/json' },
        createdAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
      });
      const a = await store.idempotency.put(rec('k1', 'h1', 60_000));
      expect(a.bodyHash).toBe('h1');
      expect(await store.idempotency.get('p1', 'k1')).toEqual(a);
      expect(await store.idempotency.get('p2', 'k1')).toBeNull();
      const b = await store.idempotency.put(rec('k1', 'h2', 60_000));
      expect(b.bodyHash).toBe('h1');
      expect(b.responseHeaders).toEqual({ etag: '"1"', 'content-type': 'application/json' });

      await store.idempotency.put(rec('k2', 'h1', 5));
      await sleep(20);
      expect(await store.idempotency.get('p1', 'k2')).toBeNull();
      const c = await store.idempotency.put(rec('k2', 'h3', 60_000));
      expect(c.bodyHash).toBe('h3');
      await store.idempotency.put(rec('k3', 'h1', 1));
      await sleep(10);
      expect(await store.idempotency.purgeExpired()).toBeGreaterThanOrEqual(1);
      expect(await store.idempotency.get('p1', 'k1')).not.toBeNull();
    });

    it('commits and rolls back transactions', async () => {
      const s1 = newSecret(store, { scopeId: 'tx' });
      await store.transaction(async (tx) => {
        await tx.secrets.create(s1);
        await tx.setMeta('tx.ok', 'yes');
      });
      expect(await store.secrets.get(s1.id as string)).not.toBeNull();
      const s2 = newSecret(store, { scopeId: 'tx' });
      // A write outside the transaction, issued while it is open, is not rolled back with it.
      const outside = newSecret(store, { scopeId: 'tx-outside' });
      let outsideDone: Promise<unknown> = Promise.resolve();
      await expect(
        store.transaction(async (tx) => {
          await tx.secrets.create(s2);
          outsideDone = store.secrets.create(outside);
          await sleep(5);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await outsideDone;
      expect(await store.secrets.get(s2.id as string)).toBeNull();
      expect(await store.secrets.get(outside.id as string)).not.toBeNull();
    });

    it('interleaves many transactions and plain statements without leaking between them', async () => {
      const scopeId = `conc-${kind}`;
      const work: Promise<unknown>[] = [];
      for (let i = 0; i < 30; i++) {
        work.push(
          store.transaction(async (tx) => {
            await tx.secrets.create(newSecret(store, { scopeId, name: `TX_${i}_A` }));
            await sleep(0);
            await tx.secrets.create(newSecret(store, { scopeId, name: `TX_${i}_B` }));
            if (i % 3 === 0) throw new Error('rollback');
          }),
        );
        work.push(store.secrets.create(newSecret(store, { scopeId, name: `PLAIN_${i}` })));
      }
      const results = await Promise.allSettled(work);
      const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(rejected.map((r) => String(r.reason))).toEqual(new Array(10).fill('Error: rollback'));
      const names = (await store.secrets.list({ scopeId, limit: 500 })).items.map((x) => x.name);
      expect(names.filter((n) => n.startsWith('PLAIN_'))).toHaveLength(30);
      expect(names.filter((n) => n.startsWith('TX_'))).toHaveLength(40);
      expect(names).not.toContain('TX_0_A');
    });

    it('never prints decrypted values', async () => {
      const s = await store.secrets.create(newSecret(store, { scopeId: 'redact', value: 'TOPSECRET' }));
      const v = store.crypto.decryptSecretValue(s.valueEnvelope as string, s);
      expect(v).toBeInstanceOf(SecretValue);
      expect(String(v)).toBe('[redacted]');
      expect(JSON.stringify({ v })).toBe('{"v":"[redacted]"}');
      const { inspect } = await import('node:util');
      expect(inspect(v)).not.toContain('TOPSECRET');
    });

    it('counts secrets', async () => {
      expect(await store.secrets.count()).toBeGreaterThan(10);
    });
  });
});

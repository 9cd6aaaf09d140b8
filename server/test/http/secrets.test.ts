/**
 * Secrets, resolve, overrides, idempotency and ETag/If-Match over HTTP, on SQLite and on PostgreSQL:
 * these are the behaviours where the store's transactions and constraints matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';
import { STORE_KINDS, skipKind } from '../support/stores.ts';
import { createScopes } from '../support/tenancy.ts';

describe.each(STORE_KINDS)('HTTP on %s', (kind) => {
  let srv: TestServer;
  beforeAll(async () => {
    if (skipKind(kind)) return;
    srv = await startServer({ kind, env: { COFFER_ENV_BACKEND_ALLOW: 'HOME' } });
    await createScopes(srv.url, srv.key, {
      teams: ['payments', 'tr'],
      workspaces: [
        ['w-resolve', 'tr'],
        'w-resolve-solo',
        'w-env',
        'w-etag',
        'w-etag-meta',
        'w-idem',
        'w-page',
        'w-rerun',
        'ws-create-only',
      ],
    });
  });
  afterAll(async () => {
    await srv?.cleanup();
  });
  const t = skipKind(kind) ? it.skip : it;
  const post = (path: string, body: unknown, headers?: Record<string, string>) =>
    call(srv.url, 'POST', path, { key: srv.key, body, ...(headers ? { headers } : {}) });

  t('creates, reads, rotates and deletes a secret; a second create is 409, a second delete 404', async () => {
    const body = {
      name: 'DB_URL',
      scope: { type: 'team', id: 'payments' },
      category: 'infrastructure',
      value: 'pg://a',
    };
    const c = await post('/v1/secrets', body);
    expect(c.status).toBe(201);
    expect(c.headers.get('etag')).toBe('"1"');
    expect(c.headers.get('location')).toBe(`/v1/secrets/${c.json.id}`);
    expect(c.json).toMatchObject({
      name: 'DB_URL',
      version: 1,
      lastRotatedAt: null,
      storage: { backend: 'DB', reference: null },
    });
    expect(c.json).not.toHaveProperty('value');
    const dup = await post('/v1/secrets', body);
    expect(dup.status).toBe(409);
    expect(dup.json.errors[0].pointer).toBe('/name');
    const g = await call(srv.url, 'GET', `/v1/secrets/${c.json.id}`, { key: srv.key });
    expect(g.json).toEqual(c.json);
    const d = await call(srv.url, 'PATCH', `/v1/secrets/${c.json.id}`, {
      key: srv.key,
      body: { description: 'main db' },
    });
    expect(d.json).toMatchObject({ version: 1, revision: 2, description: 'main db' });
    // A metadata change is a new representation: a new ETag, while version counts value changes only.
    expect(d.headers.get('etag')).toBe('"2"');
    const rot = await call(srv.url, 'PATCH', `/v1/secrets/${c.json.id}`, {
      key: srv.key,
      body: { value: 'pg://b' },
    });
    expect(rot.json.version).toBe(2);
    expect(rot.json.lastRotatedAt).not.toBeNull();
    expect(rot.headers.get('etag')).toBe('"3"');
    expect((await call(srv.url, 'DELETE', `/v1/secrets/${c.json.id}`, { key: srv.key })).status).toBe(204);
    expect((await call(srv.url, 'DELETE', `/v1/secrets/${c.json.id}`, { key: srv.key })).status).toBe(404);
    expect((await call(srv.url, 'GET', `/v1/secrets/${c.json.id}`, { key: srv.key })).status).toBe(404);
  });

  t('If-Match: the matching ETag updates, a stale one answers 412 with the current ETag', async () => {
    const c = await post('/v1/secrets', {
      name: 'ETAGGED',
      scope: { type: 'workspace', id: 'w-etag' },
      value: 'one',
    });
    const id = c.json.id;
    const ok = await call(srv.url, 'PATCH', `/v1/secrets/${id}`, {
      key: srv.key,
      headers: { 'if-match': '"1"' },
      body: { value: 'two' },
    });
    expect(ok.status).toBe(200);
    const stale = await call(srv.url, 'PATCH', `/v1/secrets/${id}`, {
      key: srv.key,
      headers: { 'if-match': '"1"' },
      body: { value: 'three' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    expect(stale.headers.get('content-type')).toBe('application/problem+json');
    const weak = await call(srv.url, 'PATCH', `/v1/secrets/${id}`, {
      key: srv.key,
      headers: { 'if-match': 'W/"2"' },
      body: { value: 'x' },
    });
    expect(weak.status).toBe(412);
    const any = await call(srv.url, 'PATCH', `/v1/secrets/${id}`, {
      key: srv.key,
      headers: { 'if-match': '*' },
      body: { value: 'four' },
    });
    expect(any.json.version).toBe(3);
    const bad = await call(srv.url, 'PATCH', `/v1/secrets/${id}`, {
      key: srv.key,
      headers: { 'if-match': 'v3' },
      body: { value: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].pointer).toBe('/header/If-Match');
    // A lost race: two writers read version 3, both send If-Match "3"; exactly one wins.
    const race = await Promise.all(
      ['a', 'b', 'c'].map((v) =>
        call(srv.url, 'PATCH', `/v1/secrets/${id}`, {
          key: srv.key,
          headers: { 'if-match': '"3"' },
          body: { value: v },
        }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 412, 412]);
  });

  t(
    'If-Match guards metadata-only updates too: 50 parallel PATCHes with one ETag, exactly one wins',
    async () => {
      const c = await post('/v1/secrets', {
        name: 'META_RACE',
        scope: { type: 'workspace', id: 'w-etag-meta' },
        value: 'v',
      });
      const tag = c.headers.get('etag') as string;
      for (const body of [{ description: 'd' }, { expiresAt: '2031-01-01T00:00:00Z' }]) {
        const current = await call(srv.url, 'GET', `/v1/secrets/${c.json.id}`, { key: srv.key });
        const etag = current.headers.get('etag') as string;
        const runs = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            call(srv.url, 'PATCH', `/v1/secrets/${c.json.id}`, {
              key: srv.key,
              headers: { 'if-match': etag },
              body: 'description' in body ? { description: `d${i}` } : body,
            }),
          ),
        );
        expect(runs.filter((r) => r.status === 200)).toHaveLength(1);
        expect(runs.filter((r) => r.status === 412)).toHaveLength(49);
        const after = await call(srv.url, 'GET', `/v1/secrets/${c.json.id}`, { key: srv.key });
        expect(after.headers.get('etag')).not.toBe(etag);
        expect(after.json.version).toBe(1);
      }
      expect(tag).toBe('"1"');
    },
  );

  t(
    'resolves narrowest first: override > workspace > team > organization, skipping expired rows',
    async () => {
      const ws = 'w-resolve';
      const mk = (name: string, scope: { type: string; id: string }, value: string, expiresAt?: string) =>
        post('/v1/secrets', { name, scope, value, ...(expiresAt ? { expiresAt } : {}) });
      await mk('LAYERED', { type: 'organization', id: 'acme' }, 'org');
      await mk('LAYERED', { type: 'team', id: 'tr' }, 'team');
      await mk('ORG_ONLY', { type: 'organization', id: 'acme' }, 'org-only');
      await mk('EXPIRED_WS', { type: 'workspace', id: ws }, 'old', '2020-01-01T00:00:00Z');
      await mk('EXPIRED_WS', { type: 'team', id: 'tr' }, 'team-fallback');
      await mk('OPENAI_API_KEY', { type: 'workspace', id: ws }, 'ws-openai');
      const put = await call(srv.url, 'PUT', `/v1/workspaces/${ws}/secrets/OPENAI_API_KEY`, {
        key: srv.key,
        body: { value: 'override-openai', expiresInDays: 30 },
      });
      expect(put.status).toBe(201);
      const again = await call(srv.url, 'PUT', `/v1/workspaces/${ws}/secrets/OPENAI_API_KEY`, {
        key: srv.key,
        body: { value: 'override-openai-2', expiresInDays: 30 },
      });
      expect(again.status).toBe(200);
      expect(again.json.version).toBe(2);

      const names = ['LAYERED', 'ORG_ONLY', 'EXPIRED_WS', 'OPENAI_API_KEY', 'NOWHERE'];
      const r = await post('/v1/secrets:resolve', { workspaceId: ws, names });
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('no-store');
      const by = Object.fromEntries(r.json.items.map((i: { name: string }) => [i.name, i]));
      expect(by.LAYERED).toMatchObject({ value: 'team', source: 'team' });
      expect(by.ORG_ONLY).toMatchObject({ value: 'org-only', source: 'organization' });
      expect(by.EXPIRED_WS).toMatchObject({ value: 'team-fallback', source: 'team' });
      expect(by.OPENAI_API_KEY).toMatchObject({ value: 'override-openai-2', source: 'override', version: 2 });
      expect(r.json.missing).toEqual(['NOWHERE']);
      // A workspace in no team has no team layer.
      const noTeam = await post('/v1/secrets:resolve', { workspaceId: 'w-resolve-solo', names: ['LAYERED'] });
      expect(noTeam.json.items[0]).toMatchObject({ value: 'org', source: 'organization' });

      // A rotation is visible at once (the cache is cleared on writes), and a second resolve is a cache hit.
      const list = await call(srv.url, 'GET', `/v1/secrets?scopeType=team&scopeId=tr&namePrefix=LAYERED`, {
        key: srv.key,
      });
      await call(srv.url, 'PATCH', `/v1/secrets/${list.json.items[0].id}`, {
        key: srv.key,
        body: { value: 'team-2' },
      });
      const r2 = await post('/v1/secrets:resolve', { workspaceId: ws, names: ['LAYERED'] });
      expect(r2.json.items[0]).toMatchObject({ value: 'team-2', version: 2 });
      await post('/v1/secrets:resolve', { workspaceId: ws, names: ['LAYERED'] });
      const reads = await call(srv.url, 'GET', '/v1/audit/secret-reads?name=LAYERED&limit=2', {
        key: srv.key,
      });
      expect(reads.json.items.map((x: { cacheHit: boolean }) => x.cacheHit)).toEqual([true, false]);
      expect(reads.json.items[0]).toMatchObject({
        secretName: 'LAYERED',
        source: 'team',
        backend: 'DB',
        principal: { name: 'bootstrap-owner' },
      });
      expect(JSON.stringify(reads.json)).not.toContain('team-2');

      // Deleting the override falls back to the workspace secret.
      expect(
        (await call(srv.url, 'DELETE', `/v1/workspaces/${ws}/secrets/OPENAI_API_KEY`, { key: srv.key }))
          .status,
      ).toBe(204);
      expect(
        (await call(srv.url, 'DELETE', `/v1/workspaces/${ws}/secrets/OPENAI_API_KEY`, { key: srv.key }))
          .status,
      ).toBe(404);
      const r3 = await post('/v1/secrets:resolve', { workspaceId: ws, names: ['OPENAI_API_KEY'] });
      expect(r3.json.items[0]).toMatchObject({ value: 'ws-openai', source: 'workspace' });
    },
  );

  t(
    'Idempotency-Key: same body replays, another body is 422, concurrent duplicates create once',
    async () => {
      const body = { name: 'IDEM', scope: { type: 'workspace', id: 'w-idem' }, value: 'v' };
      const first = await post('/v1/secrets', body, { 'idempotency-key': 'k-1' });
      expect(first.status).toBe(201);
      // Same JSON, other key order: the same request.
      const replay = await post(
        '/v1/secrets',
        { value: 'v', scope: { id: 'w-idem', type: 'workspace' }, name: 'IDEM' },
        { 'idempotency-key': 'k-1' },
      );
      expect(replay.status).toBe(201);
      expect(replay.json).toEqual(first.json);
      expect(replay.headers.get('etag')).toBe('"1"');
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      const other = await post('/v1/secrets', { ...body, value: 'w' }, { 'idempotency-key': 'k-1' });
      expect(other.status).toBe(422);
      expect(other.json.errors[0].pointer).toBe('/header/Idempotency-Key');
      const without = await post('/v1/secrets', body);
      expect(without.status).toBe(409);

      const burst = await Promise.all(
        Array.from({ length: 5 }, () =>
          post('/v1/secrets', { ...body, name: 'IDEM_BURST' }, { 'idempotency-key': 'k-burst' }),
        ),
      );
      expect(burst.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(burst.map((r) => r.json.id)).size).toBe(1);

      const key = await post(
        '/v1/api-keys',
        { name: 'ci', role: 'runtime', scope: { type: 'workspace', id: 'w-idem' } },
        { 'idempotency-key': 'k-key' },
      );
      const keyAgain = await post(
        '/v1/api-keys',
        { name: 'ci', role: 'runtime', scope: { type: 'workspace', id: 'w-idem' } },
        { 'idempotency-key': 'k-key' },
      );
      expect(keyAgain.json).toEqual(key.json);
      expect(keyAgain.headers.get('cache-control')).toBe('no-store');
      const list = await call(srv.url, 'GET', '/v1/api-keys?limit=500', { key: srv.key });
      expect(list.json.items.filter((k: { name: string }) => k.name === 'ci')).toHaveLength(1);
    },
  );

  t('resolve with an Idempotency-Key reruns (fresh values, audited) and refuses another body', async () => {
    await post('/v1/secrets', { name: 'RERUN', scope: { type: 'workspace', id: 'w-rerun' }, value: 'first' });
    const body = { workspaceId: 'w-rerun', names: ['RERUN'] };
    const a = await post('/v1/secrets:resolve', body, { 'idempotency-key': 'r-1' });
    expect(a.json.items[0].value).toBe('first');
    const id = (
      await call(srv.url, 'GET', '/v1/secrets?scopeId=w-rerun&scopeType=workspace', { key: srv.key })
    ).json.items[0].id;
    await call(srv.url, 'PATCH', `/v1/secrets/${id}`, { key: srv.key, body: { value: 'second' } });
    const b = await post('/v1/secrets:resolve', body, { 'idempotency-key': 'r-1' });
    expect(b.json.items[0].value).toBe('second');
    const c = await post('/v1/secrets:resolve', { ...body, names: ['OTHER'] }, { 'idempotency-key': 'r-1' });
    expect(c.status).toBe(422);
  });

  t(
    'secrets-manager: DB default, ENV works, VAULT and AWS validated, DB fallbacks for missing settings',
    async () => {
      const get = await call(srv.url, 'GET', '/v1/secrets-manager', { key: srv.key });
      expect(get.json).toMatchObject({ backend: 'DB', effectiveBackend: 'DB', fallbackReason: null });
      const vault = await call(srv.url, 'PUT', '/v1/secrets-manager', {
        key: srv.key,
        body: {
          backend: 'VAULT',
          vault: { address: 'https://vault.internal:8200', kvVersion: 1, token: 'hvs.secret-token' },
        },
      });
      expect(vault.status).toBe(200);
      expect(vault.json).toMatchObject({
        backend: 'VAULT',
        effectiveBackend: 'VAULT',
        fallbackReason: null,
        vault: { secretPath: 'secret/coffer', authMethod: 'TOKEN', hasToken: true, kvVersion: 1 },
      });
      // Without a token there is nothing to log in with: DB, and the reason.
      const noToken = await call(srv.url, 'PUT', '/v1/secrets-manager', {
        key: srv.key,
        body: { backend: 'VAULT', vault: { address: 'https://vault.internal:8200', authMethod: 'K8S' } },
      });
      expect(noToken.json).toMatchObject({ effectiveBackend: 'DB', vault: { hasToken: false } });
      expect(noToken.json.fallbackReason).toMatch(/VAULT with K8S auth needs vault.k8s.role/);
      await call(srv.url, 'PUT', '/v1/secrets-manager', {
        key: srv.key,
        body: {
          backend: 'VAULT',
          vault: { address: 'https://vault.internal:8200', kvVersion: 1, token: 'hvs.secret-token' },
        },
      });
      expect(vault.text).not.toContain('hvs.secret-token');
      // Omitting the token on an update that stays on TOKEN auth keeps it.
      const kept = await call(srv.url, 'PUT', '/v1/secrets-manager', {
        key: srv.key,
        body: { backend: 'VAULT', vault: { address: 'https://vault.internal:8200' } },
      });
      expect(kept.json.vault).toMatchObject({
        hasToken: true,
        secretPath: 'secret/data/coffer',
        secretMetadataPath: 'secret/metadata/coffer',
      });
      const k8s = await call(srv.url, 'PUT', '/v1/secrets-manager', {
        key: srv.key,
        body: { backend: 'READONLY_VAULT', vault: { address: 'https://v:8200', authMethod: 'K8S' } },
      });
      expect(k8s.json.fallbackReason).toMatch(/k8s/);
      const badVault = await call(srv.url, 'PUT', '/v1/secrets-manager', {
        key: srv.key,
        body: { backend: 'VAULT', vault: { address: 'ftp://v', kvVersion: 3 } },
      });
      expect(badVault.status).toBe(422);
      expect(badVault.json.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
        '/vault/address',
        '/vault/kvVersion',
      ]);
      const aws = await call(srv.url, 'PUT', '/v1/secrets-manager', {
        key: srv.key,
        body: {
          backend: 'AWS_SECRETS_MANAGER',
          aws: { region: 'eu-west-1', endpoint: 'http://localhost:4566' },
        },
      });
      expect(aws.json).toMatchObject({
        effectiveBackend: 'AWS_SECRETS_MANAGER',
        aws: { region: 'eu-west-1' },
      });
      const env = await call(srv.url, 'PUT', '/v1/secrets-manager', {
        key: srv.key,
        body: { backend: 'ENV' },
      });
      expect(env.json).toMatchObject({ backend: 'ENV', effectiveBackend: 'ENV', fallbackReason: null });
      expect(env.json.warnings.join(' ')).toMatch(/does not migrate/);
      const refused = await post('/v1/secrets', {
        name: 'HOME',
        scope: { type: 'workspace', id: 'w-env' },
        value: 'x',
      });
      expect(refused.status).toBe(422);
      const envSecret = await post('/v1/secrets', {
        name: 'HOME',
        scope: { type: 'workspace', id: 'w-env' },
      });
      expect(envSecret.json.storage).toEqual({ backend: 'ENV', reference: 'HOME' });
      const r = await post('/v1/secrets:resolve', { workspaceId: 'w-env', names: ['HOME'] });
      expect(r.json.items[0]).toMatchObject({ name: 'HOME', value: process.env.HOME, source: 'workspace' });
      const check = await call(srv.url, 'POST', '/v1/secrets-manager:check', { key: srv.key });
      expect(check.json).toMatchObject({ ok: true });
      expect(
        (await call(srv.url, 'PUT', '/v1/secrets-manager', { key: srv.key, body: { backend: 'DB' } })).json
          .effectiveBackend,
      ).toBe('DB');
      const events = await call(srv.url, 'GET', '/v1/audit/events?type=secrets_manager.updated', {
        key: srv.key,
      });
      expect(events.json.items.length).toBeGreaterThanOrEqual(6);
    },
  );

  t('If-None-Match: * creates an override once; then 412 and the stored value is untouched', async () => {
    const path = '/v1/workspaces/ws-create-only/secrets/GROQ_API_KEY';
    const put = (value: string, headers?: Record<string, string>) =>
      call(srv.url, 'PUT', path, { key: srv.key, body: { value }, ...(headers ? { headers } : {}) });
    const first = await put('groq-1', { 'if-none-match': '*' });
    expect(first.status).toBe(201);
    const again = await put('groq-2', { 'if-none-match': '*' });
    expect(again.status).toBe(412);
    expect(again.json.detail).toMatch(/already has an override for GROQ_API_KEY/);
    expect(JSON.stringify(again.json)).not.toContain('groq-');
    const resolved = await post('/v1/secrets:resolve', {
      workspaceId: 'ws-create-only',
      names: ['GROQ_API_KEY'],
    });
    expect(resolved.json.items[0]).toMatchObject({ value: 'groq-1', version: 1 });
    expect((await put('groq-3', { 'if-none-match': 'nope' })).status).toBe(400);
    expect((await put('groq-3')).status).toBe(200);
  });

  t('paginates with limit and cursor; a foreign cursor is 400', async () => {
    for (let i = 0; i < 5; i++)
      await post('/v1/secrets', {
        name: `PAGE_${i}`,
        scope: { type: 'workspace', id: 'w-page' },
        value: 'v',
      });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/v1/secrets?scopeType=workspace&scopeId=w-page&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await call(srv.url, 'GET', q, { key: srv.key });
      expect(r.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...r.json.items.map((s: { name: string }) => s.name));
      cursor = r.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['PAGE_0', 'PAGE_1', 'PAGE_2', 'PAGE_3', 'PAGE_4']);
    const bad = await call(srv.url, 'GET', '/v1/secrets?cursor=bm9wZQ', { key: srv.key });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0].pointer).toBe('/query/cursor');
  });
});

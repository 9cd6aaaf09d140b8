/**
 * POST /v1/workspace-secrets:batchPut over HTTP, on SQLite and on PostgreSQL: every item behaves as its own
 * PUT (access, version, audit, createOnly), one item's failure is its own result, and a request that is
 * invalid as a whole applies nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';
import { STORE_KINDS, skipKind } from '../support/stores.ts';
import { createScopes } from '../support/tenancy.ts';

const BATCH = '/v1/workspace-secrets:batchPut';

describe.each(STORE_KINDS)('batch put of workspace overrides on %s', (kind) => {
  let srv: TestServer;
  let globexOwner: string;
  beforeAll(async () => {
    if (skipKind(kind)) return;
    srv = await startServer({ kind });
    await createScopes(srv.url, srv.key, {
      teams: ['payments'],
      workspaces: [['b-one', 'payments'], 'b-two', 'b-three', 'b-own', 'b-other'],
    });
    await call(srv.url, 'POST', '/v1/organizations', { key: srv.key, body: { id: 'globex' } });
    const minted = await call(srv.url, 'POST', '/v1/api-keys', {
      key: srv.key,
      body: { name: 'globex-owner', role: 'owner', scope: { type: 'organization', id: 'globex' } },
    });
    globexOwner = minted.json.token;
    await createScopes(srv.url, globexOwner, { workspaces: ['g-ws'] });
  });
  afterAll(async () => {
    await srv?.cleanup();
  });
  const t = skipKind(kind) ? it.skip : it;
  const batch = (items: unknown[], key = srv.key) => call(srv.url, 'POST', BATCH, { key, body: { items } });
  const resolve = async (workspaceId: string) => {
    const r = await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: srv.key,
      body: { workspaceId, names: ['OPENAI_API_KEY', 'GROQ_API_KEY'] },
    });
    return Object.fromEntries(r.json.items.map((i: { name: string; value: string }) => [i.name, i.value]));
  };

  t(
    'creates and replaces in order, one result per item; each item is its own version and audit event',
    async () => {
      const first = await call(srv.url, 'PUT', '/v1/workspaces/b-two/secrets/OPENAI_API_KEY', {
        key: srv.key,
        body: { value: 'two-v1' },
      });
      expect(first.status).toBe(201);
      const r = await batch([
        { workspaceId: 'b-one', key: 'OPENAI_API_KEY', value: 'one-v1', expiresInDays: 30 },
        { workspaceId: 'b-two', key: 'OPENAI_API_KEY', value: 'two-v2' },
        { workspaceId: 'b-two', key: 'GROQ_API_KEY', value: 'two-groq' },
      ]);
      expect(r.status, r.text).toBe(200);
      expect(r.json.results.map((x: { status: number }) => x.status)).toEqual([201, 200, 201]);
      expect(r.json.results[0].secret).toMatchObject({
        workspaceId: 'b-one',
        key: 'OPENAI_API_KEY',
        version: 1,
      });
      expect(r.json.results[0].secret.expiresAt).not.toBeNull();
      expect(r.json.results[1].secret).toMatchObject({ workspaceId: 'b-two', version: 2, expiresAt: null });
      // Metadata only: no value comes back.
      for (const v of ['one-v1', 'two-v2', 'two-groq']) expect(r.text).not.toContain(v);
      expect(await resolve('b-one')).toEqual({ OPENAI_API_KEY: 'one-v1' });
      expect(await resolve('b-two')).toEqual({ OPENAI_API_KEY: 'two-v2', GROQ_API_KEY: 'two-groq' });

      const events = await call(srv.url, 'GET', '/v1/audit/events?type=workspace_secret.put&limit=100', {
        key: srv.key,
      });
      const requestId = r.headers.get('x-request-id');
      const mine = events.json.items.filter((e: { requestId: string }) => e.requestId === requestId);
      expect(mine.map((e: { target: { id: string } }) => e.target.id).sort()).toEqual([
        'b-one/OPENAI_API_KEY',
        'b-two/GROQ_API_KEY',
        'b-two/OPENAI_API_KEY',
      ]);
    },
  );

  t('a failing item is its own result, pointing into the item, and the others are applied', async () => {
    await call(srv.url, 'PUT', '/v1/workspaces/b-three/secrets/GROQ_API_KEY', {
      key: srv.key,
      body: { value: 'kept' },
    });
    const r = await batch([
      { workspaceId: 'no-such-ws', key: 'OPENAI_API_KEY', value: 'lost' },
      { workspaceId: 'b-three', key: 'OPENAI_API_KEY', value: 'three-v1' },
      { workspaceId: 'b-three', key: 'GROQ_API_KEY', value: 'clobber', createOnly: true },
      { workspaceId: 'g-ws', key: 'OPENAI_API_KEY', value: 'cross-org' },
    ]);
    expect(r.status, r.text).toBe(200);
    const [missing, written, exists, foreign] = r.json.results;
    expect(missing.status).toBe(422);
    expect(missing.problem).toMatchObject({ status: 422, requestId: r.headers.get('x-request-id') });
    expect(missing.problem.errors).toEqual([expect.objectContaining({ pointer: '/items/0/workspaceId' })]);
    expect(written).toMatchObject({ status: 201, secret: { workspaceId: 'b-three', key: 'OPENAI_API_KEY' } });
    expect(exists.status).toBe(412);
    expect(exists.problem.detail).toContain('already has an override for GROQ_API_KEY');
    expect(foreign.status).toBe(403);
    expect(await resolve('b-three')).toEqual({ OPENAI_API_KEY: 'three-v1', GROQ_API_KEY: 'kept' });
    const g = await call(srv.url, 'POST', '/v1/secrets:resolve', {
      key: globexOwner,
      body: { workspaceId: 'g-ws', names: ['OPENAI_API_KEY'] },
    });
    expect(g.json.missing).toEqual(['OPENAI_API_KEY']);
  });

  t('a workspace key writes its own workspace and is refused on another, item by item', async () => {
    const minted = await call(srv.url, 'POST', '/v1/api-keys', {
      key: srv.key,
      body: { name: 'ws-admin', role: 'admin', scope: { type: 'workspace', id: 'b-own' } },
    });
    const r = await batch(
      [
        { workspaceId: 'b-own', key: 'OPENAI_API_KEY', value: 'own' },
        { workspaceId: 'b-other', key: 'OPENAI_API_KEY', value: 'other' },
      ],
      minted.json.token,
    );
    expect(r.json.results.map((x: { status: number }) => x.status)).toEqual([201, 403]);
    expect(await resolve('b-other')).toEqual({});
  });

  t('a request invalid as a whole answers 422 with the pointer and applies nothing', async () => {
    const twice = await batch([
      { workspaceId: 'b-other', key: 'GROQ_API_KEY', value: 'a' },
      { workspaceId: 'b-other', key: 'GROQ_API_KEY', value: 'b' },
    ]);
    expect(twice.status).toBe(422);
    expect(twice.json.errors).toEqual([expect.objectContaining({ pointer: '/items/1' })]);
    const badKey = await batch([
      { workspaceId: 'b-other', key: 'GROQ_API_KEY', value: 'a' },
      { workspaceId: 'b-other', key: 'NOT_A_KEY', value: 'b' },
    ]);
    expect(badKey.status).toBe(422);
    expect(badKey.json.errors[0].pointer).toBe('/items/1/key');
    expect((await batch([])).status).toBe(422);
    const many = Array.from({ length: 101 }, (_, i) => ({
      workspaceId: `w${i}`,
      key: 'GROQ_API_KEY',
      value: 'x',
    }));
    expect((await batch(many)).status).toBe(422);
    expect(await resolve('b-other')).toEqual({});
  });

  t('a member key is refused before the body is read', async () => {
    const minted = await call(srv.url, 'POST', '/v1/api-keys', {
      key: srv.key,
      body: { name: 'member', role: 'member', scope: { type: 'organization', id: 'acme' } },
    });
    const r = await batch([{ workspaceId: 'b-other', key: 'GROQ_API_KEY', value: 'x' }], minted.json.token);
    expect(r.status).toBe(403);
  });
});

describe('batch put and the rate limit', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer({ env: { COFFER_RATE_LIMIT: '20' } });
    await createScopes(srv.url, srv.key, { workspaces: Array.from({ length: 10 }, (_, i) => `rl-${i}`) });
  });
  afterAll(async () => {
    await srv?.cleanup();
  });

  it('each item costs one request: a batch of 30 leaves the key waiting, as 30 PUTs would', async () => {
    // A full bucket (20) after the creates above; 30 items are more than it holds.
    await new Promise((r) => setTimeout(r, 1_500));
    const items = Array.from({ length: 30 }, (_, i) => ({
      workspaceId: `rl-${i % 10}`,
      key: ['OPENAI_API_KEY', 'GROQ_API_KEY', 'BRAVE_API_KEY'][Math.floor(i / 10)],
      value: `v${i}`,
    }));
    const r = await call(srv.url, 'POST', BATCH, { key: srv.key, body: { items } });
    expect(r.status, r.text).toBe(200);
    expect(r.json.results.every((x: { status: number }) => x.status === 201)).toBe(true);
    const next = await call(srv.url, 'GET', '/v1/workspaces/rl-0/secrets', { key: srv.key });
    expect(next.status).toBe(429);
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

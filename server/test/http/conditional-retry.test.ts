/**
 * A conditional write retried with its Idempotency-Key (what the SDK does after a lost answer): the retry
 * replays the first answer instead of answering 412 for a change that landed. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startServer, type TestServer } from '../support/server.ts';
import { STORE_KINDS, skipKind } from '../support/stores.ts';
import { createScopes } from '../support/tenancy.ts';

describe.each(STORE_KINDS)('conditional writes retried with an Idempotency-Key on %s', (kind) => {
  let srv: TestServer;
  beforeAll(async () => {
    if (skipKind(kind)) return;
    srv = await startServer({ kind });
    await createScopes(srv.url, srv.key, { workspaces: ['cr-ws', 'cr-patch'] });
  });
  afterAll(async () => {
    await srv?.cleanup();
  });
  const t = skipKind(kind) ? it.skip : it;
  const OVERRIDE = '/v1/workspaces/cr-ws/secrets/OPENAI_API_KEY';

  t(
    'a create-only PUT replayed with its key answers the first 201; without the key it is still 412',
    async () => {
      const headers = { 'if-none-match': '*', 'idempotency-key': 'put-once-1' };
      const first = await call(srv.url, 'PUT', OVERRIDE, { key: srv.key, headers, body: { value: 'mine' } });
      expect(first.status).toBe(201);
      const retry = await call(srv.url, 'PUT', OVERRIDE, { key: srv.key, headers, body: { value: 'mine' } });
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.json).toEqual(first.json);
      expect(retry.text).not.toContain('mine');

      const other = await call(srv.url, 'PUT', OVERRIDE, { key: srv.key, headers, body: { value: 'other' } });
      expect(other.status).toBe(422);
      expect(other.json.errors[0].pointer).toBe('/header/Idempotency-Key');
      const plain = await call(srv.url, 'PUT', OVERRIDE, {
        key: srv.key,
        headers: { 'if-none-match': '*' },
        body: { value: 'mine' },
      });
      expect(plain.status).toBe(412);
      const now = await call(srv.url, 'GET', OVERRIDE, { key: srv.key });
      expect(now.json.version).toBe(1);
    },
  );

  t('a PATCH with If-Match replayed with its key answers the first 200 and applies once', async () => {
    const c = await call(srv.url, 'POST', '/v1/secrets', {
      key: srv.key,
      body: { name: 'ROTATED', scope: { type: 'workspace', id: 'cr-patch' }, value: 'one' },
    });
    const id = c.json.id as string;
    const headers = { 'if-match': '"1"', 'idempotency-key': 'patch-once-1' };
    const first = await call(srv.url, 'PATCH', `/v1/secrets/${id}`, {
      key: srv.key,
      headers,
      body: { value: 'two' },
    });
    expect(first.status).toBe(200);
    const retry = await call(srv.url, 'PATCH', `/v1/secrets/${id}`, {
      key: srv.key,
      headers,
      body: { value: 'two' },
    });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json.version).toBe(2);
    const now = await call(srv.url, 'GET', `/v1/secrets/${id}`, { key: srv.key });
    expect(now.json.version).toBe(2);
  });

  t("one API key's Idempotency-Key replays nothing for another key", async () => {
    const minted = await call(srv.url, 'POST', '/v1/api-keys', {
      key: srv.key,
      body: { name: 'cr-admin', role: 'admin', scope: { type: 'workspace', id: 'cr-ws' } },
    });
    const headers = { 'if-none-match': '*', 'idempotency-key': 'put-once-1' };
    const r = await call(srv.url, 'PUT', OVERRIDE, {
      key: minted.json.token,
      headers,
      body: { value: 'mine' },
    });
    expect(r.status).toBe(412);
    expect(r.headers.get('idempotent-replayed')).toBeNull();
  });
});

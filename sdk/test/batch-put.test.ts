import { afterEach, describe, expect, it } from 'vitest';
import {
  Coffer,
  MAX_BATCH_ITEMS,
  PermissionDeniedError,
  PreconditionFailedError,
  Secret,
  ValidationError,
} from '../src/index.ts';
import { API_KEY, json, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
let coffer: Coffer | undefined;
afterEach(async () => {
  await coffer?.close();
  await server?.close();
  coffer = undefined;
  server = undefined;
});

const OVERRIDE = {
  workspaceId: 'ws-1',
  key: 'OPENAI_API_KEY',
  setBy: 'key_1',
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
  expiresAt: null,
  version: 1,
};

describe('workspaceSecrets.batchPut', () => {
  it('sends the items with Secrets unwrapped and answers one outcome per item, errors as their classes', async () => {
    server = await startServer((_req, res) =>
      json(
        res,
        200,
        {
          results: [
            { status: 201, secret: OVERRIDE },
            {
              status: 412,
              problem: {
                type: 'https://coffer.dev/problems/precondition-failed',
                title: 'Precondition failed',
                status: 412,
                detail: 'Workspace ws-2 already has an override for OPENAI_API_KEY.',
                requestId: 'req_batch',
              },
            },
            { status: 403, problem: { title: 'Permission denied', status: 403, detail: 'not yours' } },
          ],
        },
        { 'x-request-id': 'req_batch' },
      ),
    );
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
    const out = await coffer.workspaceSecrets.batchPut([
      { workspaceId: 'ws-1', key: 'OPENAI_API_KEY', value: new Secret('sk-one'), expiresInDays: 30 },
      { workspaceId: 'ws-2', key: 'OPENAI_API_KEY', value: 'sk-two', createOnly: true },
      { workspaceId: 'ws-3', key: 'GROQ_API_KEY', value: 'sk-three' },
    ]);
    const seen = server.seen[0];
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/v1/workspace-secrets:batchPut');
    expect(seen?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(seen?.body ?? '')).toEqual({
      items: [
        { workspaceId: 'ws-1', key: 'OPENAI_API_KEY', value: 'sk-one', expiresInDays: 30 },
        { workspaceId: 'ws-2', key: 'OPENAI_API_KEY', value: 'sk-two', createOnly: true },
        { workspaceId: 'ws-3', key: 'GROQ_API_KEY', value: 'sk-three' },
      ],
    });
    expect(out[0]).toEqual({ ok: true, status: 201, secret: OVERRIDE });
    const [, exists, denied] = out;
    if (exists?.ok !== false || denied?.ok !== false) throw new Error('expected two failed items');
    expect(exists.error).toBeInstanceOf(PreconditionFailedError);
    expect(exists.error.requestId).toBe('req_batch');
    expect(exists.error.message).toContain('already has an override');
    expect(denied.error).toBeInstanceOf(PermissionDeniedError);
    expect(denied.status).toBe(403);
  });

  it('refuses impossible input before sending, pointing into the item', async () => {
    server = await startServer((_req, res) => json(res, 200, { results: [] }));
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY });
    const bad = () =>
      coffer?.workspaceSecrets.batchPut([
        { workspaceId: 'ws-1', key: 'OPENAI_API_KEY', value: 'ok' },
        {
          workspaceId: 'not a scope id',
          key: 'NOT_A_KEY' as never,
          value: undefined as never,
          expiresInDays: 0,
        },
      ]);
    expect(bad).toThrow(ValidationError);
    try {
      bad();
    } catch (e) {
      expect((e as ValidationError).errors.map((x) => x.pointer)).toEqual([
        '/items/1/workspaceId',
        '/items/1/key',
        '/items/1/value',
        '/items/1/expiresInDays',
      ]);
    }
    expect(() => coffer?.workspaceSecrets.batchPut([])).toThrow(/\/items/);
    const tooMany = Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => ({
      workspaceId: 'ws-1',
      key: 'OPENAI_API_KEY' as const,
      value: 'v',
    }));
    expect(() => coffer?.workspaceSecrets.batchPut(tooMany)).toThrow(/1 to 100 items/);
    expect(server.seen).toHaveLength(0);
  });
});

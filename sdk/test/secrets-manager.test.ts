// secretsManager.migrate against a scripted server: the operation's path and body, the answer as typed, and
// a 503 mid-way surfacing as an APIError that names the backend and what moved.
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { APIError, Coffer } from '../src/index.ts';
import type { Schema } from '../src/types.ts';
import { API_KEY, json, problem, startServer, type TestServer } from './server.ts';

let server: TestServer | undefined;
let coffer: Coffer | undefined;
afterEach(async () => {
  await coffer?.close();
  await server?.close();
  coffer = server = undefined;
});

const ANSWER = {
  backend: 'VAULT',
  dryRun: false,
  moved: 2,
  remaining: 0,
  skipped: [
    {
      id: '6f1c9a52-8a3e-4c1b-9d2f-0b7e4a1c3d55',
      backend: 'ENV',
      reason:
        "an ENV secret names a variable of the server's environment (SENTRY_DSN); there is no value to move",
    },
  ],
  sourcesDeleted: 0,
  sourcesKept: [],
};

describe('secretsManager.migrate', () => {
  it('POSTs /v1/secrets-manager:migrate with the options (an empty body by default) and returns the answer', async () => {
    server = await startServer((_req, res) => json(res, 200, ANSWER));
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 });
    const plain = await coffer.secretsManager.migrate();
    expect(plain).toEqual(ANSWER);
    const dry = await coffer.secretsManager.migrate({ dryRun: true, deleteSource: false });
    expectTypeOf(dry.moved).toEqualTypeOf<number>();
    expectTypeOf(dry.skipped).toEqualTypeOf<Schema<'SecretsManagerMigration'>['skipped']>();
    // @ts-expect-error: the body has only dryRun and deleteSource
    expectTypeOf(() => coffer?.secretsManager.migrate({ force: true })).toBeFunction();
    expect(server.seen.map((s) => [s.method, s.url, s.body ? JSON.parse(s.body) : undefined])).toEqual([
      ['POST', '/v1/secrets-manager:migrate', {}],
      ['POST', '/v1/secrets-manager:migrate', { dryRun: true, deleteSource: false }],
    ]);
  });

  it('a backend down mid-way is an APIError with status 503 and the server’s detail', async () => {
    const detail =
      'Vault at http://vault:8200: refused the connection; the migration to VAULT stopped after moving 1 secret, 2 remain: run it again to continue. Retry later.';
    server = await startServer((_req, res) => problem(res, 503, { detail }, { 'retry-after': '5' }));
    coffer = new Coffer({ baseUrl: server.url, apiKey: API_KEY, maxRetries: 0 });
    const err = await coffer.secretsManager.migrate({ deleteSource: true }).then(
      () => {
        throw new Error('expected a rejection');
      },
      (e: unknown) => e as APIError,
    );
    expect(err).toBeInstanceOf(APIError);
    expect(err.status).toBe(503);
    expect(err.message).toContain('stopped after moving 1 secret, 2 remain');
  });
});

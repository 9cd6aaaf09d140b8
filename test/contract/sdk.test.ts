// Every SDK method against the contract target: `prism mock --errors` on the spec, or `prism proxy --errors`
// in front of the real server (project contract-server). Prism fails any response that breaks the spec, so a
// passing call proves the wire; the assertions here check what the SDK makes of it.
import {
  type APIError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  Page,
  PageIterable,
  RateLimitError,
  Secret,
  type SecretsManagerPutParams,
  UnprocessableEntityError,
  ValidationError,
} from '@coffer/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  client,
  ISO_DATE,
  onVault,
  rawFetch,
  stateful,
  suiteSecretsManager,
  target,
  uniq,
} from './helpers.ts';

/** Steady's mock answers bodies only: the documented response headers (X-Request-Id, ETag) are not mocked. */
const headersMocked = target !== 'steady-mock';
/**
 * A request that breaks the spec: the server and Prism answer 422 as the spec says; Steady refuses it itself
 * with 400 and its diagnostics (`steady.errors[]`), naming the field.
 */
const RefusedRequestError = target === 'steady-mock' ? BadRequestError : UnprocessableEntityError;

const coffer = client();
afterAll(() => coffer.close());

const SCOPE_TYPES = ['organization', 'team', 'workspace'];
const BACKENDS = ['DB', 'VAULT', 'READONLY_VAULT', 'AWS_SECRETS_MANAGER', 'ENV'];
const ROLES = ['owner', 'admin', 'member', 'runtime'];
const REQUEST_ID = /^[\w-]{8,128}$/;

function expectSecretMeta(s: unknown) {
  expect(s).toMatchObject({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    name: expect.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/),
    scope: { type: expect.any(String), id: expect.any(String) },
    version: expect.any(Number),
    createdAt: expect.stringMatching(ISO_DATE),
    updatedAt: expect.stringMatching(ISO_DATE),
    storage: { backend: expect.any(String) },
  });
  const m = s as { scope: { type: string }; version: number; storage: { backend: string } };
  expect(SCOPE_TYPES).toContain(m.scope.type);
  expect(BACKENDS).toContain(m.storage.backend);
  expect(m.version).toBeGreaterThanOrEqual(1);
  expect(s).not.toHaveProperty('value');
}

async function firstPage<T>(it: PageIterable<T>): Promise<Page<T>> {
  expect(it).toBeInstanceOf(PageIterable);
  const page = await it.page();
  expect(page).toBeInstanceOf(Page);
  expect(Array.isArray(page.items)).toBe(true);
  expect(page.nextCursor === null || typeof page.nextCursor === 'string').toBe(true);
  expect(page.response.status).toBe(200);
  return page;
}

interface PrismViolation {
  location: string[];
}

/** Prism's own validation failures: the `sl-violations` header (mock) or `validation` (proxy, which never forwards). */
function prismViolations(err: APIError): PrismViolation[] {
  const steady = (err.problem as { steady?: { errors?: { path: string }[] } }).steady;
  if (steady?.errors) return steady.errors.map((e) => ({ location: e.path.split('.') }));
  const header = err.headers.get('sl-violations');
  if (header) return (JSON.parse(header) as PrismViolation[]).map((v) => ({ location: v.location.slice(1) }));
  return Array.isArray(err.problem.validation) ? (err.problem.validation as PrismViolation[]) : [];
}

/** The fields named invalid: `errors[].pointer` from the server, or Prism's violations as pointers. */
function invalidFields(err: APIError): string[] {
  const pointers = err.errors.map((e) => e.pointer);
  for (const { location } of prismViolations(err)) {
    const [where, ...rest] = location;
    pointers.push(where === 'body' ? `/${rest.join('/')}` : `/${[where, ...rest].join('/')}`);
  }
  return pointers;
}

/** The error a call ends in, whether the SDK throws before sending or the promise rejects. */
async function rejection(call: () => PromiseLike<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

describe('health', () => {
  it('health() and readiness()', async () => {
    const h = await coffer.health().withResponse();
    expect(h.response.status).toBe(200);
    expect(h.data).toEqual({ status: 'ok' });
    if (headersMocked) expect(h.requestId).toMatch(REQUEST_ID);
    const r = await coffer.readiness();
    expect(r.status).toBe('ok');
    expect(r.checks).toMatchObject({ store: 'ok', backend: 'ok' });
  });
});

describe('secrets manager', () => {
  it('get() answers the configuration with its derived fields', async () => {
    const cfg = await coffer.secretsManager.get();
    expect(BACKENDS).toContain(cfg.backend);
    expect(BACKENDS).toContain(cfg.effectiveBackend);
    expect(Array.isArray(cfg.warnings)).toBe(true);
    expect(cfg.cache.ttlSeconds).toBeGreaterThanOrEqual(0);
  });

  it('put() stores DB with a cache TTL; the Vault token never comes back', async () => {
    const cfg = await coffer.secretsManager.put({ backend: 'DB', cache: { ttlSeconds: 300 } });
    expect(cfg.backend).toBe('DB');
    expect(cfg.effectiveBackend).toBe('DB');
    expect(cfg.fallbackReason).toBeNull();
    expect(JSON.stringify(cfg)).not.toMatch(/"token"/);
    if (suiteSecretsManager) {
      const back = await coffer.secretsManager.put(suiteSecretsManager as unknown as SecretsManagerPutParams);
      expect(back.effectiveBackend).toBe('VAULT');
      expect(back.vault).toMatchObject({ hasToken: true });
      expect(JSON.stringify(back)).not.toMatch(/"token"/);
    }
  });

  it('check() reports connectivity', async () => {
    const res = await coffer.secretsManager.check();
    expect(typeof res.ok).toBe('boolean');
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('an invalid backend is refused with the field named', async () => {
    const err = await rejection(() => coffer.secretsManager.put({ backend: 'FLOPPY' as 'DB' }));
    expect(err).toBeInstanceOf(RefusedRequestError);
    expect(invalidFields(err as APIError)).toContain('/backend');
  });
});

describe('secrets', () => {
  const workspace = `ws-${uniq().toLowerCase()}`;
  const name = `CONTRACT_${uniq()}`;
  let id = '';
  // Secrets live on scopes that exist (a mock answers its example and keeps nothing).
  beforeAll(() => coffer.workspaces.create({ id: workspace }));

  it('create() answers the metadata, never the value', async () => {
    const res = await coffer.secrets
      .create({
        name,
        scope: { type: 'workspace', id: workspace },
        category: 'integration',
        description: 'contract test',
        value: new Secret('sk_contract_value'),
      })
      .withResponse();
    expect(res.response.status).toBe(201);
    if (headersMocked) expect(res.response.headers.get('etag')).toMatch(/^"[0-9]+"$/);
    expectSecretMeta(res.data);
    expect(JSON.stringify(res.data)).not.toContain('sk_contract_value');
    id = res.data.id;
    if (stateful) {
      expect(res.data).toMatchObject({ name, scope: { type: 'workspace', id: workspace }, version: 1 });
    }
    // On the VAULT target the value went to Vault, at the hierarchical layout path.
    if (onVault) {
      expect(res.data.storage).toMatchObject({ backend: 'VAULT', kvVersion: 2, remoteVersion: '1' });
      expect(res.data.storage.reference).toMatch(new RegExp(`/workspaces/${workspace}/${name}$`));
    }
  });

  it('get() answers the same secret with an ETag', async () => {
    const res = await coffer.secrets.get(id).withResponse();
    expectSecretMeta(res.data);
    if (headersMocked) expect(res.response.headers.get('etag')).toMatch(/^"[0-9]+"$/);
    if (stateful) expect(res.data).toMatchObject({ id, name, description: 'contract test' });
  });

  it('list() pages through secrets with filters', async () => {
    const page = await firstPage(
      coffer.secrets.list({ scopeType: 'workspace', scopeId: workspace, limit: 10 }),
    );
    for (const s of page.items) expectSecretMeta(s);
    if (stateful) expect(page.items.map((s) => s.id)).toEqual([id]);
  });

  it('update() rotates the value and bumps the version; a stale If-Match is a conflict of versions', async () => {
    const res = await coffer.secrets.update(id, { value: new Secret('sk_rotated') }, { ifMatch: 1 });
    expectSecretMeta(res);
    if (stateful) {
      expect(res.version).toBe(2);
      const err = await rejection(() => coffer.secrets.update(id, { description: 'late' }, { ifMatch: '1' }));
      expect(err).toMatchObject({ status: 412, name: 'PreconditionFailedError' });
    }
  });

  it('resolve() returns the value wrapped in a Secret and names the winning scope', async () => {
    const res = await coffer.secrets.resolve({ workspaceId: workspace, names: [name, 'NOT_THERE_AT_ALL'] });
    expect(Array.isArray(res.items)).toBe(true);
    expect(Array.isArray(res.missing)).toBe(true);
    for (const item of res.items) {
      expect(item.value).toBeInstanceOf(Secret);
      expect(String(item.value)).not.toContain('sk_');
      expect(['override', 'workspace', 'team', 'organization']).toContain(item.source);
    }
    if (stateful) {
      expect(res.items).toHaveLength(1);
      expect(res.items[0]?.value.reveal()).toBe('sk_rotated');
      expect(res.items[0]?.source).toBe('workspace');
      expect(res.missing).toEqual(['NOT_THERE_AT_ALL']);
    }
  });

  it('a second create with the same scope and name is a conflict', async () => {
    if (!stateful) return;
    const err = await rejection(() =>
      coffer.secrets.create({ name, scope: { type: 'workspace', id: workspace }, value: new Secret('x') }),
    );
    expect(err).toMatchObject({ status: 409, name: 'ConflictError' });
  });

  it('delete() answers 204; the secret is gone afterwards', async () => {
    const res = await coffer.secrets.delete(id).withResponse();
    expect(res.response.status).toBe(204);
    expect(res.data).toBeUndefined();
    if (stateful) {
      expect(await rejection(() => coffer.secrets.get(id))).toBeInstanceOf(NotFoundError);
      expect(await rejection(() => coffer.secrets.delete(id))).toBeInstanceOf(NotFoundError);
    }
  });

  it('an invalid name is refused by the SDK before anything is sent', async () => {
    const err = await rejection(() =>
      coffer.secrets.create({ name: '1NOPE', scope: { type: 'workspace', id: workspace }, value: 'v' }),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).pointer).toBe('/name');
  });

  it('invalid input the SDK does not check comes back unprocessable with the field path', async () => {
    const err = await rejection(() =>
      coffer.secrets.create({
        name: 'FINE_NAME',
        scope: { type: 'workspace', id: workspace },
        category: 'snacks' as 'agent',
        value: 'v',
      }),
    );
    expect(err).toBeInstanceOf(RefusedRequestError);
    const apiErr = err as APIError;
    // Prism's proxy refuses an invalid request itself (no request id); the mock and the server send one.
    if (!apiErr.problem.validation && headersMocked) expect(apiErr.requestId).toMatch(REQUEST_ID);
    expect(invalidFields(apiErr)).toContain('/category');
    expect(apiErr.message).not.toContain('"v"');
  });
});

describe('workspace overrides', () => {
  const workspace = `ws-${uniq().toLowerCase()}`;
  beforeAll(() => coffer.workspaces.create({ id: workspace }));

  it('put() creates (201) then replaces (200)', async () => {
    const created = await coffer.workspaceSecrets
      .put(workspace, 'OPENAI_API_KEY', { value: new Secret('sk-proj-contract'), expiresInDays: 30 })
      .withResponse();
    expect([200, 201]).toContain(created.response.status);
    expect(created.data).toMatchObject({ key: 'OPENAI_API_KEY', version: expect.any(Number) });
    expect(JSON.stringify(created.data)).not.toContain('sk-proj-contract');
    if (!stateful) return;
    expect(created.response.status).toBe(201);
    const replaced = await coffer.workspaceSecrets
      .put(workspace, 'OPENAI_API_KEY', { value: new Secret('sk-proj-contract-2') })
      .withResponse();
    expect(replaced.response.status).toBe(200);
    expect(replaced.data.version).toBe(2);
  });

  it('list() and get() answer metadata only', async () => {
    const page = await firstPage(coffer.workspaceSecrets.list(workspace));
    for (const o of page.items) {
      expect(o).toMatchObject({ key: expect.any(String), version: expect.any(Number) });
      expect(o).not.toHaveProperty('value');
    }
    const one = await coffer.workspaceSecrets.get(workspace, 'OPENAI_API_KEY');
    expect(one).toMatchObject({ key: 'OPENAI_API_KEY', createdAt: expect.stringMatching(ISO_DATE) });
    if (stateful) expect(page.items.map((o) => o.key)).toEqual(['OPENAI_API_KEY']);
  });

  it('an override wins resolution over a workspace secret of the same name', async () => {
    if (!stateful) return;
    await coffer.secrets.create({
      name: 'OPENAI_API_KEY',
      scope: { type: 'workspace', id: workspace },
      value: new Secret('sk-platform'),
    });
    const res = await coffer.secrets.resolve({ workspaceId: workspace, names: ['OPENAI_API_KEY'] });
    expect(res.items[0]?.source).toBe('override');
    expect(res.items[0]?.value.reveal()).toBe('sk-proj-contract-2');
  });

  it('an unknown key is refused by the SDK with the allowed list', async () => {
    // @ts-expect-error: a literal that is not a WorkspaceSecretKey does not compile; at run time it is refused
    const err = await rejection(() => coffer.workspaceSecrets.put(workspace, 'MY_KEY', { value: 'v' }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).pointer).toBe('/path/key');
    expect((err as Error).message).toContain('ANTHROPIC_API_KEY');
  });

  it('delete() answers 204', async () => {
    const res = await coffer.workspaceSecrets.delete(workspace, 'OPENAI_API_KEY').withResponse();
    expect(res.response.status).toBe(204);
    if (stateful) {
      expect(await rejection(() => coffer.workspaceSecrets.get(workspace, 'OPENAI_API_KEY'))).toBeInstanceOf(
        NotFoundError,
      );
    }
  });
});

describe('audit', () => {
  it('secretReads() lists reads without values', async () => {
    const page = await firstPage(coffer.audit.secretReads({ limit: 50 }));
    for (const r of page.items) {
      expect(r).toMatchObject({ secretName: expect.any(String), at: expect.stringMatching(ISO_DATE) });
      expect(JSON.stringify(r)).not.toMatch(/sk_rotated|sk-proj/);
    }
    if (stateful) expect(page.items.length).toBeGreaterThan(0);
  });

  it('events() lists writes and configuration changes', async () => {
    const page = await firstPage(coffer.audit.events({ limit: 50 }));
    for (const e of page.items) expect(e).toMatchObject({ type: expect.any(String), at: expect.any(String) });
    if (stateful) expect(page.items.length).toBeGreaterThan(0);
  });
});

describe('api keys', () => {
  const workspace = `ws-keys-${uniq().toLowerCase()}`;
  let keyId = '';
  let token: Secret | undefined;
  beforeAll(() => coffer.workspaces.create({ id: workspace }));

  it('create() returns the token once, wrapped in a Secret', async () => {
    const res = await coffer.apiKeys
      .create({
        name: `contract ${uniq()}`,
        role: 'runtime',
        scope: { type: 'workspace', id: workspace },
      })
      .withResponse();
    expect(res.response.status).toBe(201);
    expect(res.data.token).toBeInstanceOf(Secret);
    expect(typeof res.data.organizationId).toBe('string');
    expect(typeof res.data.deployment).toBe('boolean');
    if (stateful) expect(res.data).toMatchObject({ organizationId: 'default', deployment: false });
    expect(JSON.stringify(res.data)).not.toContain(res.data.token.reveal());
    expect(ROLES).toContain(res.data.role);
    keyId = res.data.id;
    token = res.data.token;
  });

  it('list() and get() answer metadata without tokens', async () => {
    const page = await firstPage(coffer.apiKeys.list({ limit: 100 }));
    for (const k of page.items) {
      expect(k).not.toHaveProperty('token');
      expect(ROLES).toContain(k.role);
    }
    const one = await coffer.apiKeys.get(keyId);
    expect(one).toMatchObject({ id: expect.any(String), prefix: expect.any(String) });
    if (stateful) expect(token?.reveal().startsWith(one.prefix)).toBe(true);
  });

  it('revoke() ends the key; it no longer authenticates', async () => {
    await coffer.apiKeys.revoke(keyId);
    if (!stateful || !token) return;
    const res = await rawFetch('/v1/secrets:resolve', {
      method: 'POST',
      headers: { authorization: `Bearer ${token.reveal()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceId: workspace, names: ['ANY'] }),
    });
    expect(res.status).toBe(401);
  });
});

describe('errors on the wire', () => {
  it('an unknown route is not found, as problem details', async () => {
    const res = await rawFetch('/v1/no-such-route');
    expect(res.status).toBe(404);
    // Steady answers a path outside the spec with its own diagnostic (E2001: path not found), not a problem.
    if (target === 'steady-mock') expect(res.headers.get('x-steady-error-1-code')).toBe('E2001');
    else expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('a missing API key is an authentication error with the request id', async () => {
    if (!stateful) return; // Prism mock does not enforce security schemes.
    const anonymous = client({ apiKey: 'cof_wrong_key_0000000000000000' });
    const err = await rejection(() => coffer.secrets.get('00000000-0000-4000-8000-000000000000'));
    expect(err).toBeInstanceOf(NotFoundError);
    const authErr = await rejection(() => anonymous.secrets.list().page());
    expect(authErr).toBeInstanceOf(AuthenticationError);
    expect((authErr as APIError).requestId).toMatch(REQUEST_ID);
    expect((authErr as Error).message).not.toContain('cof_wrong_key');
    await anonymous.close();
  });

  // Last: from here on, failing requests from this address are limited.
  it('failed authentications past the limit are rate limited, with Retry-After', async () => {
    if (!stateful) return;
    const anonymous = client({ apiKey: 'cof_wrong_key_1111111111111111' });
    let err: unknown;
    // The server's default: 60 failures a minute per client address (the proxy's, here).
    for (let i = 0; i <= 61 && !(err instanceof RateLimitError); i++) {
      err = await rejection(() => anonymous.secrets.list().page());
    }
    expect(err).toBeInstanceOf(RateLimitError);
    const limited = err as APIError;
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(limited.requestId).toMatch(REQUEST_ID);
    expect(limited.message).not.toContain('cof_wrong_key');
    await expect(coffer.secrets.list().page()).resolves.toBeInstanceOf(Page);
    await anonymous.close();
  });
});

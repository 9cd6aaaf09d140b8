// The resource groups. Each method is one operation of openapi/coffer.yaml (operationId in the comment).
import { APIPromise, type CoreClient, type RequestOptions, type WithResponse } from './core.ts';
import { PageIterable } from './pagination.ts';
import { WORKSPACE_SECRET_KEYS } from './rules.ts';
import { Secret } from './secret.ts';
import type { ItemOf, QueryParams, RequestBody, ResponseBody, SecretInput, SecretOutput } from './types.ts';
import { check } from './validate.ts';

type ListOp = 'listSecrets' | 'listWorkspaceSecrets' | 'listSecretReads' | 'listAuditEvents' | 'listApiKeys';
/** Filters of a list operation; `cursor` starts from a given page. */
export type ListQuery<K extends ListOp> = Omit<QueryParams<K>, 'cursor'> & { cursor?: string };

/** Wraps every string `value` / `token` field of a response in a Secret. */
export function wrapSecrets<T>(data: T): SecretOutput<T> {
  if (Array.isArray(data)) return data.map(wrapSecrets) as SecretOutput<T>;
  if (data === null || typeof data !== 'object') return data as SecretOutput<T>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    out[k] = (k === 'value' || k === 'token') && typeof v === 'string' ? new Secret(v) : wrapSecrets(v);
  }
  return out as SecretOutput<T>;
}

function mapPromise<T, U>(p: APIPromise<T>, fn: (t: T) => U): APIPromise<U> {
  // Not a spread: `response` is a lazy getter on the result and would be lost.
  return new APIPromise<U>(
    p.withResponse().then((r: WithResponse<T>) => ({
      data: fn(r.data),
      requestId: r.requestId,
      get response() {
        return r.response;
      },
    })),
  );
}

function paginate<K extends ListOp>(
  core: CoreClient,
  path: string,
  pathParams: Record<string, string> | undefined,
  query: ListQuery<K> | undefined,
  options: RequestOptions | undefined,
): PageIterable<ItemOf<K>> {
  const { cursor: start, ...rest } = (query ?? {}) as { cursor?: string } & Record<string, unknown>;
  return new PageIterable<ItemOf<K>>(
    (cursor) =>
      core
        .call<{ items: ItemOf<K>[]; nextCursor?: string | null }>(
          { method: 'GET', path, params: { path: pathParams, query: cursor ? { ...rest, cursor } : rest } },
          options,
        )
        .withResponse(),
    start,
  );
}

export class Secrets {
  readonly #core: CoreClient;
  constructor(core: CoreClient) {
    this.#core = core;
  }

  /** createSecret: POST /v1/secrets (an Idempotency-Key is generated unless you pass one). */
  create(
    body: SecretInput<RequestBody<'createSecret'>>,
    options?: RequestOptions,
  ): APIPromise<ResponseBody<'createSecret'>> {
    const b = body as Record<string, unknown>;
    check().required('/name', b?.name).name('/name', b?.name).scope('/scope', b?.scope, true).done();
    return this.#core.call({ method: 'POST', path: '/v1/secrets', body }, options);
  }

  /** listSecrets: GET /v1/secrets, every page. */
  list(query?: ListQuery<'listSecrets'>, options?: RequestOptions): PageIterable<ItemOf<'listSecrets'>> {
    const q = (query ?? {}) as Record<string, unknown>;
    check().limit(q.limit).scopeId('/query/scopeId', q.scopeId).done();
    return paginate<'listSecrets'>(this.#core, '/v1/secrets', undefined, query, options);
  }

  /** getSecret: GET /v1/secrets/{secretId} (metadata only, never the value). */
  get(secretId: string, options?: RequestOptions): APIPromise<ResponseBody<'getSecret'>> {
    check().pathParam('secretId', secretId).done();
    return this.#core.call(
      { method: 'GET', path: '/v1/secrets/{secretId}', params: { path: { secretId } } },
      options,
    );
  }

  /** updateSecret: PATCH /v1/secrets/{secretId}; pass `{ ifMatch: version }` to guard against lost updates. */
  update(
    secretId: string,
    body: SecretInput<RequestBody<'updateSecret'>>,
    options?: RequestOptions,
  ): APIPromise<ResponseBody<'updateSecret'>> {
    check().pathParam('secretId', secretId).done();
    return this.#core.call(
      { method: 'PATCH', path: '/v1/secrets/{secretId}', params: { path: { secretId } }, body },
      options,
    );
  }

  /** deleteSecret: DELETE /v1/secrets/{secretId} (204). */
  delete(secretId: string, options?: RequestOptions): APIPromise<void> {
    check().pathParam('secretId', secretId).done();
    return this.#core.call(
      { method: 'DELETE', path: '/v1/secrets/{secretId}', params: { path: { secretId } } },
      options,
    );
  }

  /** resolveSecrets: POST /v1/secrets:resolve. Values come back wrapped in {@link Secret}. */
  resolve(
    body: RequestBody<'resolveSecrets'>,
    options?: RequestOptions,
  ): APIPromise<SecretOutput<ResponseBody<'resolveSecrets'>>> {
    const b = body as Record<string, unknown>;
    const c = check().required('/workspaceId', b?.workspaceId).scopeId('/workspaceId', b?.workspaceId);
    c.scopeId('/teamId', b?.teamId);
    if (!Array.isArray(b?.names) || b.names.length === 0) c.add('/names', 'must be a non-empty array');
    else for (const [i, n] of b.names.entries()) c.name(`/names/${i}`, n);
    c.done();
    return mapPromise(
      this.#core.call<ResponseBody<'resolveSecrets'>>(
        { method: 'POST', path: '/v1/secrets:resolve', body },
        options,
      ),
      wrapSecrets,
    );
  }
}

export class WorkspaceSecrets {
  readonly #core: CoreClient;
  constructor(core: CoreClient) {
    this.#core = core;
  }

  #check(workspaceId: string, key?: string) {
    const c = check().pathParam('workspaceId', workspaceId).scopeId('/path/workspaceId', workspaceId);
    if (key !== undefined && !WORKSPACE_SECRET_KEYS.includes(key as never)) {
      c.add('/path/key', `must be one of ${WORKSPACE_SECRET_KEYS.join(', ')}`);
    }
    c.done();
  }

  /** putWorkspaceSecret: PUT /v1/workspaces/{workspaceId}/secrets/{key} (201 created, 200 replaced). */
  put(
    workspaceId: string,
    key: string,
    body: SecretInput<RequestBody<'putWorkspaceSecret'>>,
    options?: RequestOptions,
  ): APIPromise<ResponseBody<'putWorkspaceSecret'>> {
    this.#check(workspaceId, key);
    const b = body as Record<string, unknown>;
    const c = check().required('/value', b?.value);
    const days = b?.expiresInDays;
    if (
      days !== undefined &&
      (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 3650)
    ) {
      c.add('/expiresInDays', 'must be an integer from 1 to 3650');
    }
    c.done();
    return this.#core.call(
      {
        method: 'PUT',
        path: '/v1/workspaces/{workspaceId}/secrets/{key}',
        params: { path: { workspaceId, key } },
        body,
      },
      options,
    );
  }

  /** listWorkspaceSecrets: GET /v1/workspaces/{workspaceId}/secrets, every page. */
  list(
    workspaceId: string,
    query?: ListQuery<'listWorkspaceSecrets'>,
    options?: RequestOptions,
  ): PageIterable<ItemOf<'listWorkspaceSecrets'>> {
    this.#check(workspaceId);
    check()
      .limit((query as Record<string, unknown> | undefined)?.limit)
      .done();
    return paginate<'listWorkspaceSecrets'>(
      this.#core,
      '/v1/workspaces/{workspaceId}/secrets',
      { workspaceId },
      query,
      options,
    );
  }

  /** getWorkspaceSecret: GET /v1/workspaces/{workspaceId}/secrets/{key} (metadata). */
  get(
    workspaceId: string,
    key: string,
    options?: RequestOptions,
  ): APIPromise<ResponseBody<'getWorkspaceSecret'>> {
    this.#check(workspaceId, key);
    return this.#core.call(
      {
        method: 'GET',
        path: '/v1/workspaces/{workspaceId}/secrets/{key}',
        params: { path: { workspaceId, key } },
      },
      options,
    );
  }

  /** deleteWorkspaceSecret: DELETE /v1/workspaces/{workspaceId}/secrets/{key} (204). */
  delete(workspaceId: string, key: string, options?: RequestOptions): APIPromise<void> {
    this.#check(workspaceId, key);
    return this.#core.call(
      {
        method: 'DELETE',
        path: '/v1/workspaces/{workspaceId}/secrets/{key}',
        params: { path: { workspaceId, key } },
      },
      options,
    );
  }
}

export class SecretsManager {
  readonly #core: CoreClient;
  constructor(core: CoreClient) {
    this.#core = core;
  }

  /** getSecretsManager: GET /v1/secrets-manager. */
  get(options?: RequestOptions): APIPromise<ResponseBody<'getSecretsManager'>> {
    return this.#core.call({ method: 'GET', path: '/v1/secrets-manager' }, options);
  }

  /** putSecretsManager: PUT /v1/secrets-manager (vault.token accepts a Secret). */
  put(
    body: SecretInput<RequestBody<'putSecretsManager'>>,
    options?: RequestOptions,
  ): APIPromise<ResponseBody<'putSecretsManager'>> {
    return this.#core.call({ method: 'PUT', path: '/v1/secrets-manager', body }, options);
  }

  /** checkSecretsManager: POST /v1/secrets-manager:check (connectivity test). */
  check(
    body?: SecretInput<RequestBody<'checkSecretsManager'>>,
    options?: RequestOptions,
  ): APIPromise<ResponseBody<'checkSecretsManager'>> {
    return this.#core.call({ method: 'POST', path: '/v1/secrets-manager:check', body }, options);
  }
}

export class Audit {
  readonly #core: CoreClient;
  constructor(core: CoreClient) {
    this.#core = core;
  }

  /** listSecretReads: GET /v1/audit/secret-reads, every page. */
  secretReads(
    query?: ListQuery<'listSecretReads'>,
    options?: RequestOptions,
  ): PageIterable<ItemOf<'listSecretReads'>> {
    check()
      .limit((query as Record<string, unknown> | undefined)?.limit)
      .done();
    return paginate<'listSecretReads'>(this.#core, '/v1/audit/secret-reads', undefined, query, options);
  }

  /** listAuditEvents: GET /v1/audit/events, every page. */
  events(
    query?: ListQuery<'listAuditEvents'>,
    options?: RequestOptions,
  ): PageIterable<ItemOf<'listAuditEvents'>> {
    check()
      .limit((query as Record<string, unknown> | undefined)?.limit)
      .done();
    return paginate<'listAuditEvents'>(this.#core, '/v1/audit/events', undefined, query, options);
  }
}

export class ApiKeys {
  readonly #core: CoreClient;
  constructor(core: CoreClient) {
    this.#core = core;
  }

  /** createApiKey: POST /v1/api-keys. The token (shown once) comes back wrapped in {@link Secret}. */
  create(
    body: RequestBody<'createApiKey'>,
    options?: RequestOptions,
  ): APIPromise<SecretOutput<ResponseBody<'createApiKey'>>> {
    const b = body as Record<string, unknown>;
    check().required('/name', b?.name).required('/role', b?.role).scope('/scope', b?.scope, true).done();
    return mapPromise(
      this.#core.call<ResponseBody<'createApiKey'>>({ method: 'POST', path: '/v1/api-keys', body }, options),
      wrapSecrets,
    );
  }

  /** listApiKeys: GET /v1/api-keys, every page (metadata only). */
  list(query?: ListQuery<'listApiKeys'>, options?: RequestOptions): PageIterable<ItemOf<'listApiKeys'>> {
    check()
      .limit((query as Record<string, unknown> | undefined)?.limit)
      .done();
    return paginate<'listApiKeys'>(this.#core, '/v1/api-keys', undefined, query, options);
  }

  /** getApiKey: GET /v1/api-keys/{apiKeyId}. */
  get(apiKeyId: string, options?: RequestOptions): APIPromise<ResponseBody<'getApiKey'>> {
    check().pathParam('apiKeyId', apiKeyId).done();
    return this.#core.call(
      { method: 'GET', path: '/v1/api-keys/{apiKeyId}', params: { path: { apiKeyId } } },
      options,
    );
  }

  /** revokeApiKey: DELETE /v1/api-keys/{apiKeyId}. */
  revoke(apiKeyId: string, options?: RequestOptions): APIPromise<ResponseBody<'revokeApiKey'> | undefined> {
    check().pathParam('apiKeyId', apiKeyId).done();
    return this.#core.call(
      { method: 'DELETE', path: '/v1/api-keys/{apiKeyId}', params: { path: { apiKeyId } } },
      options,
    );
  }
}

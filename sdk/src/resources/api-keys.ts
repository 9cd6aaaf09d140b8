// coffer.apiKeys: API keys with a role over a scope; the token is shown once, at creation.
import { APIPromise } from '../api-promise.ts';
import { mapResult } from '../internal/result.ts';
import { check } from '../internal/validate.ts';
import { wrapSecrets } from '../internal/wrap-secrets.ts';
import type { RequestOptions } from '../options.ts';
import type { PageIterable } from '../pagination.ts';
import type { Secret } from '../secret.ts';
import type { ListQuery, Schema, Schemas } from '../types.ts';
import { APIResource } from './resource.ts';

/** An API key's metadata (never its token). */
export interface ApiKey extends Schema<'ApiKey'> {}
/** Body of `apiKeys.create`. */
export interface ApiKeyCreateParams extends Schema<'ApiKeyCreate'> {}
/** What `apiKeys.create` returns: the key, and its token (shown only here) wrapped in a {@link Secret}. */
export interface ApiKeyCreated extends Omit<Schemas['ApiKeyCreated'], 'token'> {
  readonly token: Secret;
}
/** Filters of `apiKeys.list`; `cursor` starts from a given page. */
export interface ApiKeyListParams extends ListQuery<'listApiKeys'> {}

export class ApiKeys extends APIResource {
  /** createApiKey: POST /v1/api-keys. The token (shown once) comes back wrapped in {@link Secret}. */
  create(params: ApiKeyCreateParams, options?: RequestOptions): APIPromise<ApiKeyCreated> {
    const b: Partial<ApiKeyCreateParams> | undefined = params;
    check().required('/name', b?.name).required('/role', b?.role).scope('/scope', b?.scope, true).done();
    const p = this._client.call('POST', '/v1/api-keys', { body: params }, options);
    return new APIPromise(p.withResponse().then((r) => mapResult(r, wrapSecrets)));
  }

  /** listApiKeys: GET /v1/api-keys, every page (metadata only). */
  list(params?: ApiKeyListParams, options?: RequestOptions): PageIterable<ApiKey> {
    check().limit(params?.limit).done();
    return this._paginate(params, (cursor) =>
      this._client.call('GET', '/v1/api-keys', { query: { ...params, cursor } }, options),
    );
  }

  /** getApiKey: GET /v1/api-keys/{apiKeyId}. */
  get(apiKeyId: string, options?: RequestOptions): APIPromise<ApiKey> {
    check().pathParam('apiKeyId', apiKeyId).done();
    return this._client.call('GET', '/v1/api-keys/{apiKeyId}', { path: { apiKeyId } }, options);
  }

  /** revokeApiKey: DELETE /v1/api-keys/{apiKeyId} (204). */
  revoke(apiKeyId: string, options?: RequestOptions): APIPromise<void> {
    check().pathParam('apiKeyId', apiKeyId).done();
    return this._client.call('DELETE', '/v1/api-keys/{apiKeyId}', { path: { apiKeyId } }, options);
  }
}

// coffer.secretsManager: where secret values are stored (the DB, Vault, AWS Secrets Manager, the environment).
import type { APIPromise } from '../api-promise.ts';
import type { RequestOptions } from '../options.ts';
import type { Schema, SecretInput } from '../types.ts';
import { APIResource } from './resource.ts';

/** The secrets-manager configuration as read (the Vault token is never returned: see `vault.hasToken`). */
export interface SecretsManagerConfig extends Schema<'SecretsManagerConfig'> {}
/** Body of `secretsManager.put` (replaces the whole configuration); `vault.token` may be a {@link Secret}. */
export interface SecretsManagerPutParams extends SecretInput<Schema<'SecretsManagerConfigInput'>> {}
/** What `secretsManager.check` returns: whether the configured backend answered, and how fast. */
export interface SecretsManagerCheckResult extends Schema<'SecretsManagerCheck'> {}

export class SecretsManager extends APIResource {
  /** getSecretsManager: GET /v1/secrets-manager. */
  get(options?: RequestOptions): APIPromise<SecretsManagerConfig> {
    return this._client.call('GET', '/v1/secrets-manager', {}, options);
  }

  /** putSecretsManager: PUT /v1/secrets-manager (vault.token accepts a Secret). */
  put(params: SecretsManagerPutParams, options?: RequestOptions): APIPromise<SecretsManagerConfig> {
    return this._client.call('PUT', '/v1/secrets-manager', { body: params }, options);
  }

  /** checkSecretsManager: POST /v1/secrets-manager:check (connectivity test; takes no body). */
  check(_body?: undefined, options?: RequestOptions): APIPromise<SecretsManagerCheckResult> {
    return this._client.call('POST', '/v1/secrets-manager:check', {}, options);
  }
}

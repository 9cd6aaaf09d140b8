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
/** Body of `secretsManager.migrate`: `dryRun` (count only), `deleteSource` (delete old remote values). */
export interface SecretsManagerMigrateParams extends Schema<'SecretsManagerMigrateInput'> {}
/** What `secretsManager.migrate` returns: moved, remaining, skipped (with reasons), old values deleted or kept. */
export interface SecretsManagerMigration extends Schema<'SecretsManagerMigration'> {}

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

  /**
   * migrateSecretsManager: POST /v1/secrets-manager:migrate. Moves every secret not in the effective backend
   * into it, each verified before its `storage` switches; a 503 (a backend down mid-way) leaves what moved
   * moved, and calling it again continues with what is left.
   */
  migrate(
    params: SecretsManagerMigrateParams = {},
    options?: RequestOptions,
  ): APIPromise<SecretsManagerMigration> {
    return this._client.call('POST', '/v1/secrets-manager:migrate', { body: params }, options);
  }
}

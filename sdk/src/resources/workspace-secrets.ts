// coffer.workspaceSecrets: a workspace's overrides of the well-known provider keys (OPENAI_API_KEY, ...).
import type { APIPromise } from '../api-promise.ts';
import { type Checks, check, isWorkspaceSecretKey } from '../internal/validate.ts';
import type { RequestOptions } from '../options.ts';
import type { PageIterable } from '../pagination.ts';
import { WORKSPACE_SECRET_KEYS, type WorkspaceSecretKey } from '../rules.ts';
import type { ListQuery, Schema, SecretInput } from '../types.ts';
import { APIResource } from './resource.ts';

/** A workspace override's metadata (never its value). */
export interface WorkspaceSecret extends Schema<'WorkspaceSecret'> {}
/** Body of `workspaceSecrets.put`: `value` may be a {@link Secret}. */
export interface WorkspaceSecretPutParams extends SecretInput<Schema<'WorkspaceSecretPut'>> {}
/** Filters of `workspaceSecrets.list`; `cursor` starts from a given page. */
export interface WorkspaceSecretListParams extends ListQuery<'listWorkspaceSecrets'> {}

/**
 * A key typed as a plain `string` (read from a file, a Terraform state): accepted for compatibility and checked
 * at run time. A string literal must be a {@link WorkspaceSecretKey}: a misspelt key does not compile.
 */
type UncheckedKey<K extends string> = string extends K ? K : never;

export class WorkspaceSecrets extends APIResource {
  /** Refuses, before sending, a workspace id the spec says can never be valid. */
  #workspace(workspaceId: string): Checks {
    return check().pathParam('workspaceId', workspaceId).scopeId('/path/workspaceId', workspaceId);
  }

  /** The override key, narrowed to the spec's keys (any other string is refused before sending). */
  #key(workspaceId: string, key: string): WorkspaceSecretKey {
    const c = this.#workspace(workspaceId);
    if (!isWorkspaceSecretKey(key))
      return c.add('/path/key', `must be one of ${WORKSPACE_SECRET_KEYS.join(', ')}`).fail();
    c.done();
    return key;
  }

  /** putWorkspaceSecret: PUT /v1/workspaces/{workspaceId}/secrets/{key} (201 created, 200 replaced). */
  put(
    workspaceId: string,
    key: WorkspaceSecretKey,
    params: WorkspaceSecretPutParams,
    options?: RequestOptions,
  ): APIPromise<WorkspaceSecret>;
  /** @deprecated Pass a {@link WorkspaceSecretKey}; another key is refused before sending. */
  put<K extends string>(
    workspaceId: string,
    key: UncheckedKey<K>,
    params: WorkspaceSecretPutParams,
    options?: RequestOptions,
  ): APIPromise<WorkspaceSecret>;
  put(
    workspaceId: string,
    key: string,
    params: WorkspaceSecretPutParams,
    options?: RequestOptions,
  ): APIPromise<WorkspaceSecret> {
    const k = this.#key(workspaceId, key);
    const b: Partial<WorkspaceSecretPutParams> | undefined = params;
    check().required('/value', b?.value).expiresInDays('/expiresInDays', b?.expiresInDays).done();
    return this._client.call(
      'PUT',
      '/v1/workspaces/{workspaceId}/secrets/{key}',
      { path: { workspaceId, key: k }, body: params },
      options,
    );
  }

  /** listWorkspaceSecrets: GET /v1/workspaces/{workspaceId}/secrets, every page. */
  list(
    workspaceId: string,
    params?: WorkspaceSecretListParams,
    options?: RequestOptions,
  ): PageIterable<WorkspaceSecret> {
    this.#workspace(workspaceId).limit(params?.limit).done();
    return this._paginate(params, (cursor) =>
      this._client.call(
        'GET',
        '/v1/workspaces/{workspaceId}/secrets',
        { path: { workspaceId }, query: { ...params, cursor } },
        options,
      ),
    );
  }

  /** getWorkspaceSecret: GET /v1/workspaces/{workspaceId}/secrets/{key} (metadata). */
  get(workspaceId: string, key: WorkspaceSecretKey, options?: RequestOptions): APIPromise<WorkspaceSecret>;
  /** @deprecated Pass a {@link WorkspaceSecretKey}; another key is refused before sending. */
  get<K extends string>(
    workspaceId: string,
    key: UncheckedKey<K>,
    options?: RequestOptions,
  ): APIPromise<WorkspaceSecret>;
  get(workspaceId: string, key: string, options?: RequestOptions): APIPromise<WorkspaceSecret> {
    const k = this.#key(workspaceId, key);
    return this._client.call(
      'GET',
      '/v1/workspaces/{workspaceId}/secrets/{key}',
      { path: { workspaceId, key: k } },
      options,
    );
  }

  /** deleteWorkspaceSecret: DELETE /v1/workspaces/{workspaceId}/secrets/{key} (204). */
  delete(workspaceId: string, key: WorkspaceSecretKey, options?: RequestOptions): APIPromise<void>;
  /** @deprecated Pass a {@link WorkspaceSecretKey}; another key is refused before sending. */
  delete<K extends string>(
    workspaceId: string,
    key: UncheckedKey<K>,
    options?: RequestOptions,
  ): APIPromise<void>;
  delete(workspaceId: string, key: string, options?: RequestOptions): APIPromise<void> {
    const k = this.#key(workspaceId, key);
    return this._client.call(
      'DELETE',
      '/v1/workspaces/{workspaceId}/secrets/{key}',
      { path: { workspaceId, key: k } },
      options,
    );
  }
}

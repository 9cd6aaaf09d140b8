// coffer.secrets: secrets at organization, team or workspace scope, and resolving them for a workspace.
import { APIPromise } from '../api-promise.ts';
import { mapResult } from '../internal/result.ts';
import { check } from '../internal/validate.ts';
import { wrapSecrets } from '../internal/wrap-secrets.ts';
import type { RequestOptions } from '../options.ts';
import type { PageIterable } from '../pagination.ts';
import type { Secret } from '../secret.ts';
import type { ListQuery, Schema, Schemas, SecretInput } from '../types.ts';
import { APIResource } from './resource.ts';

/** A secret's metadata, as every read returns it: never its value (values are write-only; see `resolve`). */
export interface SecretMetadata extends Schema<'Secret'> {}
/** Body of `secrets.create`: `value` may be a {@link Secret}. */
export interface SecretCreateParams extends SecretInput<Schema<'SecretCreate'>> {}
/** Body of `secrets.update` (a PATCH: only the fields given change); `value` may be a {@link Secret}. */
export interface SecretUpdateParams extends SecretInput<Schema<'SecretUpdate'>> {}
/** Filters of `secrets.list`; `cursor` starts from a given page. */
export interface SecretListParams extends ListQuery<'listSecrets'> {}
/**
 * Body of `secrets.resolve`: the workspace to resolve for, and the names. The chain is the workspace's own:
 * override > workspace > the workspace's team > its organization.
 */
export interface ResolveParams extends Omit<Schema<'ResolveRequest'>, 'teamId'> {
  /**
   * @deprecated The team layer is the workspace's own team (from the workspace record); leave this out. Still
   * accepted when it names that team; any other team answers 422 on `/teamId`.
   */
  teamId?: Schema<'ResolveRequest'>['teamId'];
}
/** One resolved secret; its value arrives wrapped in a {@link Secret}. */
export interface ResolvedSecret extends Omit<Schemas['ResolvedSecret'], 'value'> {
  value: Secret;
}
/** What `secrets.resolve` returns: the resolved secrets and the names that resolved nowhere. */
export interface ResolveResult extends Omit<Schemas['ResolveResult'], 'items'> {
  items: ResolvedSecret[];
}

export class Secrets extends APIResource {
  /** createSecret: POST /v1/secrets (an Idempotency-Key is generated unless you pass one). */
  create(params: SecretCreateParams, options?: RequestOptions): APIPromise<SecretMetadata> {
    const b: Partial<SecretCreateParams> | undefined = params;
    check().required('/name', b?.name).name('/name', b?.name).scope('/scope', b?.scope, true).done();
    return this._client.call('POST', '/v1/secrets', { body: params }, options);
  }

  /** listSecrets: GET /v1/secrets, every page. */
  list(params?: SecretListParams, options?: RequestOptions): PageIterable<SecretMetadata> {
    check().limit(params?.limit).scopeId('/query/scopeId', params?.scopeId).done();
    return this._paginate(params, (cursor) =>
      this._client.call('GET', '/v1/secrets', { query: { ...params, cursor } }, options),
    );
  }

  /** getSecret: GET /v1/secrets/{secretId} (metadata only, never the value). */
  get(secretId: string, options?: RequestOptions): APIPromise<SecretMetadata> {
    check().pathParam('secretId', secretId).done();
    return this._client.call('GET', '/v1/secrets/{secretId}', { path: { secretId } }, options);
  }

  /** updateSecret: PATCH /v1/secrets/{secretId}; pass `{ ifMatch: secret.revision }` (the ETag) to guard against lost updates. */
  update(secretId: string, params: SecretUpdateParams, options?: RequestOptions): APIPromise<SecretMetadata> {
    check().pathParam('secretId', secretId).done();
    return this._client.call(
      'PATCH',
      '/v1/secrets/{secretId}',
      { path: { secretId }, body: params },
      options,
    );
  }

  /** deleteSecret: DELETE /v1/secrets/{secretId} (204). */
  delete(secretId: string, options?: RequestOptions): APIPromise<void> {
    check().pathParam('secretId', secretId).done();
    return this._client.call('DELETE', '/v1/secrets/{secretId}', { path: { secretId } }, options);
  }

  /**
   * resolveSecrets: POST /v1/secrets:resolve, through the workspace's chain (override > workspace > its team > its
   * organization). Values come back wrapped in {@link Secret}.
   */
  resolve(params: ResolveParams, options?: RequestOptions): APIPromise<ResolveResult> {
    const b: Partial<ResolveParams> | undefined = params;
    const c = check().required('/workspaceId', b?.workspaceId).scopeId('/workspaceId', b?.workspaceId);
    c.scopeId('/teamId', b?.teamId);
    if (!Array.isArray(b?.names) || b.names.length === 0) c.add('/names', 'must be a non-empty array');
    else for (const [i, n] of b.names.entries()) c.name(`/names/${i}`, n);
    c.done();
    const p = this._client.call('POST', '/v1/secrets:resolve', { body: params }, options);
    return new APIPromise(p.withResponse().then((r) => mapResult(r, wrapSecrets)));
  }
}

// coffer.organizations: the hard boundaries of a deployment. Creating and deleting one takes a deployment key.
import type { APIPromise } from '../api-promise.ts';
import { type Checks, check } from '../internal/validate.ts';
import type { RequestOptions } from '../options.ts';
import type { PageIterable } from '../pagination.ts';
import type { ListQuery, QueryParams, Schema } from '../types.ts';
import { APIResource } from './resource.ts';

/** An organization; `revision` is its ETag (pass it as `ifMatch` to `update`). */
export interface Organization extends Schema<'Organization'> {}
/** Body of `organizations.create`: the id (unique in the deployment) and a display name (default: the id). */
export interface OrganizationCreateParams extends Schema<'OrganizationCreate'> {}
/** Body of `organizations.update` (a rename). */
export interface OrganizationUpdateParams extends Schema<'OrganizationUpdate'> {}
/** Paging of `organizations.list`; `cursor` starts from a given page. */
export interface OrganizationListParams extends ListQuery<'listOrganizations'> {}
/** Query of `organizations.delete`: `cascade: true` also deletes everything in it (409 otherwise). */
export interface OrganizationDeleteParams extends QueryParams<'deleteOrganization'> {}

export class Organizations extends APIResource {
  /** Refuses, before sending, an organization id the spec says can never be valid. */
  #id(organizationId: string): Checks {
    return check()
      .pathParam('organizationId', organizationId)
      .scopeId('/path/organizationId', organizationId);
  }

  /** createOrganization: POST /v1/organizations (deployment keys only). */
  create(params: OrganizationCreateParams, options?: RequestOptions): APIPromise<Organization> {
    const b: Partial<OrganizationCreateParams> | undefined = params;
    check().required('/id', b?.id).scopeId('/id', b?.id).displayName('/name', b?.name).done();
    return this._client.call('POST', '/v1/organizations', { body: params }, options);
  }

  /** listOrganizations: GET /v1/organizations, every page (a deployment key sees all, others their own). */
  list(params?: OrganizationListParams, options?: RequestOptions): PageIterable<Organization> {
    check().limit(params?.limit).done();
    return this._paginate(params, (cursor) =>
      this._client.call('GET', '/v1/organizations', { query: { ...params, cursor } }, options),
    );
  }

  /** getOrganization: GET /v1/organizations/{organizationId}. */
  get(organizationId: string, options?: RequestOptions): APIPromise<Organization> {
    this.#id(organizationId).done();
    return this._client.call(
      'GET',
      '/v1/organizations/{organizationId}',
      { path: { organizationId } },
      options,
    );
  }

  /** updateOrganization: PATCH /v1/organizations/{organizationId}; pass `{ ifMatch: org.revision }` to guard against lost updates. */
  update(
    organizationId: string,
    params: OrganizationUpdateParams,
    options?: RequestOptions,
  ): APIPromise<Organization> {
    const b: Partial<OrganizationUpdateParams> | undefined = params;
    this.#id(organizationId).displayName('/name', b?.name).done();
    return this._client.call(
      'PATCH',
      '/v1/organizations/{organizationId}',
      { path: { organizationId }, body: params },
      options,
    );
  }

  /**
   * deleteOrganization: DELETE /v1/organizations/{organizationId} (204; deployment keys only). An organization that
   * still holds teams, workspaces or secrets answers 409 naming them, unless `{ cascade: true }`.
   */
  delete(
    organizationId: string,
    params?: OrganizationDeleteParams,
    options?: RequestOptions,
  ): APIPromise<void> {
    this.#id(organizationId).done();
    return this._client.call(
      'DELETE',
      '/v1/organizations/{organizationId}',
      { path: { organizationId }, query: { ...params } },
      options,
    );
  }
}

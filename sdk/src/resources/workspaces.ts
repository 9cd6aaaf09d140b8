// coffer.workspaces: where agents run. A workspace belongs to a team (or directly to its organization), and
// resolves override > workspace > its team > its organization.
import type { APIPromise } from '../api-promise.ts';
import { type Checks, check } from '../internal/validate.ts';
import type { RequestOptions } from '../options.ts';
import type { PageIterable } from '../pagination.ts';
import type { ListQuery, QueryParams, Schema } from '../types.ts';
import { APIResource } from './resource.ts';

/** A workspace; `teamId` is null for one directly in its organization; `revision` is its ETag. */
export interface Workspace extends Schema<'Workspace'> {}
/** Body of `workspaces.create`: the id (unique in the deployment), and its team (default: none). */
export interface WorkspaceCreateParams extends Schema<'WorkspaceCreate'> {}
/** Body of `workspaces.update`: a rename, or a move to another team (`teamId`, null for none). */
export interface WorkspaceUpdateParams extends Schema<'WorkspaceUpdate'> {}
/** Filters of `workspaces.list` (`teamId`: only that team's); `cursor` starts from a given page. */
export interface WorkspaceListParams extends ListQuery<'listWorkspaces'> {}
/** Query of `workspaces.delete`: `cascade: true` also deletes its secrets and overrides (409 otherwise). */
export interface WorkspaceDeleteParams extends QueryParams<'deleteWorkspace'> {}

export class Workspaces extends APIResource {
  /** Refuses, before sending, a workspace id the spec says can never be valid. */
  #id(workspaceId: string): Checks {
    return check().pathParam('workspaceId', workspaceId).scopeId('/path/workspaceId', workspaceId);
  }

  /** createWorkspace: POST /v1/workspaces. */
  create(params: WorkspaceCreateParams, options?: RequestOptions): APIPromise<Workspace> {
    const b: Partial<WorkspaceCreateParams> | undefined = params;
    check()
      .required('/id', b?.id)
      .scopeId('/id', b?.id)
      .scopeId('/organizationId', b?.organizationId)
      .teamRef('/teamId', b?.teamId)
      .displayName('/name', b?.name)
      .done();
    return this._client.call('POST', '/v1/workspaces', { body: params }, options);
  }

  /** listWorkspaces: GET /v1/workspaces, every page (the workspaces the key covers; `teamId` filters). */
  list(params?: WorkspaceListParams, options?: RequestOptions): PageIterable<Workspace> {
    check().limit(params?.limit).scopeId('/query/teamId', params?.teamId).done();
    return this._paginate(params, (cursor) =>
      this._client.call('GET', '/v1/workspaces', { query: { ...params, cursor } }, options),
    );
  }

  /** getWorkspace: GET /v1/workspaces/{workspaceId}. */
  get(workspaceId: string, options?: RequestOptions): APIPromise<Workspace> {
    this.#id(workspaceId).done();
    return this._client.call('GET', '/v1/workspaces/{workspaceId}', { path: { workspaceId } }, options);
  }

  /**
   * updateWorkspace: PATCH /v1/workspaces/{workspaceId}: a rename (`name`) or a move (`teamId`, null for directly
   * in the organization; audited `workspace.moved`). Pass `{ ifMatch: ws.revision }` to guard against lost updates.
   */
  update(
    workspaceId: string,
    params: WorkspaceUpdateParams,
    options?: RequestOptions,
  ): APIPromise<Workspace> {
    const b: Partial<WorkspaceUpdateParams> | undefined = params;
    this.#id(workspaceId).teamRef('/teamId', b?.teamId).displayName('/name', b?.name).done();
    return this._client.call(
      'PATCH',
      '/v1/workspaces/{workspaceId}',
      { path: { workspaceId }, body: params },
      options,
    );
  }

  /**
   * deleteWorkspace: DELETE /v1/workspaces/{workspaceId} (204). A workspace that still holds secrets or overrides
   * answers 409 naming them, unless `{ cascade: true }`. Keys on the workspace are revoked either way.
   */
  delete(workspaceId: string, params?: WorkspaceDeleteParams, options?: RequestOptions): APIPromise<void> {
    this.#id(workspaceId).done();
    return this._client.call(
      'DELETE',
      '/v1/workspaces/{workspaceId}',
      { path: { workspaceId }, query: { ...params } },
      options,
    );
  }
}

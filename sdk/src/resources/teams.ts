// coffer.teams: the teams of an organization; a team's secrets are the middle layer of its workspaces' chains.
import type { APIPromise } from '../api-promise.ts';
import { type Checks, check } from '../internal/validate.ts';
import type { RequestOptions } from '../options.ts';
import type { PageIterable } from '../pagination.ts';
import type { ListQuery, QueryParams, Schema } from '../types.ts';
import { APIResource } from './resource.ts';

/** A team; `revision` is its ETag (pass it as `ifMatch` to `update`). */
export interface Team extends Schema<'Team'> {}
/** Body of `teams.create`: the id (unique in the deployment); `organizationId` defaults to the key's own. */
export interface TeamCreateParams extends Schema<'TeamCreate'> {}
/** Body of `teams.update` (a rename). */
export interface TeamUpdateParams extends Schema<'TeamUpdate'> {}
/** Paging of `teams.list`; `cursor` starts from a given page. */
export interface TeamListParams extends ListQuery<'listTeams'> {}
/** Query of `teams.delete`: `cascade: true` also deletes its secrets and workspaces (409 otherwise). */
export interface TeamDeleteParams extends QueryParams<'deleteTeam'> {}

export class Teams extends APIResource {
  /** Refuses, before sending, a team id the spec says can never be valid. */
  #id(teamId: string): Checks {
    return check().pathParam('teamId', teamId).scopeId('/path/teamId', teamId);
  }

  /** createTeam: POST /v1/teams. */
  create(params: TeamCreateParams, options?: RequestOptions): APIPromise<Team> {
    const b: Partial<TeamCreateParams> | undefined = params;
    check()
      .required('/id', b?.id)
      .scopeId('/id', b?.id)
      .scopeId('/organizationId', b?.organizationId)
      .displayName('/name', b?.name)
      .done();
    return this._client.call('POST', '/v1/teams', { body: params }, options);
  }

  /** listTeams: GET /v1/teams, every page (the teams the key covers). */
  list(params?: TeamListParams, options?: RequestOptions): PageIterable<Team> {
    check().limit(params?.limit).done();
    return this._paginate(params, (cursor) =>
      this._client.call('GET', '/v1/teams', { query: { ...params, cursor } }, options),
    );
  }

  /** getTeam: GET /v1/teams/{teamId}. */
  get(teamId: string, options?: RequestOptions): APIPromise<Team> {
    this.#id(teamId).done();
    return this._client.call('GET', '/v1/teams/{teamId}', { path: { teamId } }, options);
  }

  /** updateTeam: PATCH /v1/teams/{teamId}; pass `{ ifMatch: team.revision }` to guard against lost updates. */
  update(teamId: string, params: TeamUpdateParams, options?: RequestOptions): APIPromise<Team> {
    const b: Partial<TeamUpdateParams> | undefined = params;
    this.#id(teamId).displayName('/name', b?.name).done();
    return this._client.call('PATCH', '/v1/teams/{teamId}', { path: { teamId }, body: params }, options);
  }

  /**
   * deleteTeam: DELETE /v1/teams/{teamId} (204). A team that still holds secrets or workspaces answers 409 naming
   * them, unless `{ cascade: true }`. Keys on the team are revoked either way.
   */
  delete(teamId: string, params?: TeamDeleteParams, options?: RequestOptions): APIPromise<void> {
    this.#id(teamId).done();
    return this._client.call(
      'DELETE',
      '/v1/teams/{teamId}',
      { path: { teamId }, query: { ...params } },
      options,
    );
  }
}

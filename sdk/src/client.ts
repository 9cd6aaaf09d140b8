import { inspect } from 'node:util';
import type { APIPromise } from './api-promise.ts';
import { HttpClient } from './internal/http-client.ts';
import type { CofferOptions, HttpMethod, RequestOptions } from './options.ts';
import { ApiKeys } from './resources/api-keys.ts';
import { Audit } from './resources/audit.ts';
import { Organizations } from './resources/organizations.ts';
import { Secrets } from './resources/secrets.ts';
import { SecretsManager } from './resources/secrets-manager.ts';
import { Teams } from './resources/teams.ts';
import { WorkspaceSecrets } from './resources/workspace-secrets.ts';
import { Workspaces } from './resources/workspaces.ts';
import { REDACTED } from './secret.ts';
import type { Schema } from './types.ts';

/** `GET /v1/healthz`: the process serves requests. */
export interface Health extends Schema<'Health'> {}
/** `GET /v1/readyz`: the store and the secrets backend are reachable. */
export interface Readiness extends Schema<'Readiness'> {}

/** Path parameters, query and body of an untyped {@link Coffer.request}. */
export interface RawRequestInit {
  params?: { path?: Record<string, string | number>; query?: object };
  body?: unknown;
}

/**
 * The Coffer API client.
 *
 * ```ts
 * const coffer = new Coffer({ baseUrl: 'http://127.0.0.1:8080', apiKey: process.env.COFFER_API_KEY });
 * for await (const s of coffer.secrets.list({ scopeType: 'team', scopeId: 'payments' })) console.log(s.name);
 * ```
 */
export class Coffer {
  readonly #http: HttpClient;
  readonly organizations: Organizations;
  readonly teams: Teams;
  readonly workspaces: Workspaces;
  readonly secrets: Secrets;
  readonly workspaceSecrets: WorkspaceSecrets;
  readonly secretsManager: SecretsManager;
  readonly audit: Audit;
  readonly apiKeys: ApiKeys;

  constructor(options: CofferOptions = {}) {
    const http = new HttpClient(options);
    this.#http = http;
    this.organizations = new Organizations(http);
    this.teams = new Teams(http);
    this.workspaces = new Workspaces(http);
    this.secrets = new Secrets(http);
    this.workspaceSecrets = new WorkspaceSecrets(http);
    this.secretsManager = new SecretsManager(http);
    this.audit = new Audit(http);
    this.apiKeys = new ApiKeys(http);
  }

  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  /** getHealth: GET /v1/healthz (liveness). */
  health(options?: RequestOptions): APIPromise<Health> {
    return this.#http.call('GET', '/v1/healthz', {}, options);
  }

  /** getReadiness: GET /v1/readyz (store and backend reachable; 503 otherwise). */
  readiness(options?: RequestOptions): APIPromise<Readiness> {
    return this.#http.call('GET', '/v1/readyz', {}, options);
  }

  /**
   * Any route, untyped: the escape hatch for routes newer than this SDK. Same auth, retries and errors.
   * `path` may contain `{name}` placeholders filled from `params.path`.
   */
  request<T = unknown>(
    method: HttpMethod,
    path: string,
    init?: RawRequestInit,
    options?: RequestOptions,
  ): APIPromise<T> {
    return this.#http.send<T>(
      method,
      path,
      { path: init?.params?.path, query: init?.params?.query, body: init?.body },
      options,
    );
  }

  /** Closes the SDK's connection pool (not a dispatcher you passed in). */
  close(): Promise<void> {
    return this.#http.close();
  }

  toJSON(): Record<string, unknown> {
    return this.#http.toJSON();
  }

  [inspect.custom](): string {
    return `Coffer { baseUrl: ${JSON.stringify(this.#http.baseUrl)}, apiKey: ${REDACTED} }`;
  }
}

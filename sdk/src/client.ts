import { inspect } from 'node:util';
import {
  type APIPromise,
  type CofferOptions,
  CoreClient,
  type HttpMethod,
  type RequestOptions,
} from './core.ts';
import { ApiKeys, Audit, Secrets, SecretsManager, WorkspaceSecrets } from './resources.ts';
import { REDACTED } from './secret.ts';
import type { ResponseBody } from './types.ts';

/**
 * The Coffer API client.
 *
 * ```ts
 * const coffer = new Coffer({ baseUrl: 'http://127.0.0.1:8080', apiKey: process.env.COFFER_API_KEY });
 * for await (const s of coffer.secrets.list({ scopeType: 'team', scopeId: 'payments' })) console.log(s.name);
 * ```
 */
export class Coffer {
  readonly #core: CoreClient;
  readonly secrets: Secrets;
  readonly workspaceSecrets: WorkspaceSecrets;
  readonly secretsManager: SecretsManager;
  readonly audit: Audit;
  readonly apiKeys: ApiKeys;

  constructor(options: CofferOptions = {}) {
    const core = new CoreClient(options);
    this.#core = core;
    this.secrets = new Secrets(core);
    this.workspaceSecrets = new WorkspaceSecrets(core);
    this.secretsManager = new SecretsManager(core);
    this.audit = new Audit(core);
    this.apiKeys = new ApiKeys(core);
  }

  get baseUrl(): string {
    return this.#core.baseUrl;
  }

  /** getHealth: GET /v1/healthz (liveness). */
  health(options?: RequestOptions): APIPromise<ResponseBody<'getHealth'>> {
    return this.#core.call({ method: 'GET', path: '/v1/healthz' }, options);
  }

  /** getReadiness: GET /v1/readyz (store and backend reachable; 503 otherwise). */
  readiness(options?: RequestOptions): APIPromise<ResponseBody<'getReadiness'>> {
    return this.#core.call({ method: 'GET', path: '/v1/readyz' }, options);
  }

  /**
   * Any route, untyped: the escape hatch for routes newer than this SDK. Same auth, retries and errors.
   * `path` may contain `{name}` placeholders filled from `params.path`.
   */
  request<T = unknown>(
    method: HttpMethod,
    path: string,
    init?: { params?: { path?: Record<string, string | number>; query?: object }; body?: unknown },
    options?: RequestOptions,
  ): APIPromise<T> {
    return this.#core.call<T>({ method, path, params: init?.params, body: init?.body }, options);
  }

  /** Closes the SDK's connection pool (not a dispatcher you passed in). */
  close(): Promise<void> {
    return this.#core.close();
  }

  toJSON(): Record<string, unknown> {
    return this.#core.toJSON();
  }

  [inspect.custom](): string {
    return `Coffer { baseUrl: ${JSON.stringify(this.#core.baseUrl)}, apiKey: ${REDACTED} }`;
  }
}

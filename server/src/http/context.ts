/** What a route handler gets, and what it gives back. */
import type { EnvBackend } from '../backends/env.ts';
import type { BackendRegistry } from '../backends/registry.ts';
import type { BackendHealth } from '../services/backend-health.ts';
import type { Directory } from '../services/directory.ts';
import type { ReadAuditWriter } from '../services/read-audit.ts';
import type { ResolveCache } from '../services/resolve-cache.ts';
import type { SecretValues } from '../services/secret-values.ts';
import type { SecretsManagerState } from '../services/secrets-manager.ts';
import type { StoreHealth } from '../services/store-health.ts';
import type { Store } from '../store/types.ts';
import type { Principal } from './access.ts';
import type { Authenticator } from './authenticate.ts';
import type { Logger } from './log.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface Services {
  store: Store;
  auth: Authenticator;
  log: Logger;
  cache: ResolveCache;
  /** Where a scope sits (its organization and team), for every authorization decision. */
  directory: Directory;
  readAudit: ReadAuditWriter;
  manager: SecretsManagerState;
  /** What readiness reports about the store beyond a ping (a disk that filled up). */
  storeHealth: StoreHealth;
  /** The names the ENV backend may read from the server's environment, and that environment. */
  envBackend: EnvBackend;
  /** The remote backends (Vault, AWS), built from the configuration and kept. */
  backends: BackendRegistry;
  /** Every write and read of a secret's value, through the backend its storage records. */
  values: SecretValues;
  /** Whether the effective backend answers (readiness, :check). */
  backendHealth: BackendHealth;
  /** Null: no limit. */
  limits: { perKey: RateLimiter | null; authFailures: RateLimiter | null };
}

export interface RequestContext {
  /** The server's id for this request (audited, returned as X-Request-Id). */
  requestId: string;
  /** The client's own X-Request-Id when well-formed: echoed and logged beside the server's, never trusted. */
  clientRequestId: string | null;
  /** Null only on routes the spec marks `security: []`. */
  principal: Principal | null;
  path: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  /** The request path, for `instance` and Location. */
  pathname: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The body contains secret values or tokens: never persist it in clear. */
  sensitive?: boolean;
}

export type Handler = (ctx: RequestContext & { principal: Principal }, s: Services) => Promise<Reply>;
export type PublicHandler = (ctx: RequestContext, s: Services) => Promise<Reply>;

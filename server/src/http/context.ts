/** What a route handler gets, and what it gives back. */
import type { EnvBackend } from '../backends/env.ts';
import type { ReadAuditWriter } from '../services/read-audit.ts';
import type { ResolveCache } from '../services/resolve-cache.ts';
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
  readAudit: ReadAuditWriter;
  manager: SecretsManagerState;
  /** What readiness reports about the store beyond a ping (a disk that filled up). */
  storeHealth: StoreHealth;
  /** The names the ENV backend may read from the server's environment, and that environment. */
  envBackend: EnvBackend;
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

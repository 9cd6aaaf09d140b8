/** What a route handler gets, and what it gives back. */
import type { Store } from '../store/types.ts';
import type { Principal } from './access.ts';
import type { Authenticator } from './authenticate.ts';
import type { Logger } from './log.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { ReadAuditWriter } from './read-audit.ts';
import type { ResolveCache } from './resolve-cache.ts';
import type { SecretsManagerState } from './secrets-manager.ts';

export interface Services {
  store: Store;
  auth: Authenticator;
  log: Logger;
  cache: ResolveCache;
  readAudit: ReadAuditWriter;
  manager: SecretsManagerState;
  /** The environment the ENV backend reads values from. */
  env: NodeJS.ProcessEnv;
  /** Null: no limit. */
  limits: { perKey: RateLimiter | null; authFailures: RateLimiter | null };
}

export interface RequestContext {
  requestId: string;
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

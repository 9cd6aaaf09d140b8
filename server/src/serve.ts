/**
 * `coffer serve`: settings, the store, the bootstrap key, the HTTP server, graceful shutdown.
 * Everything here is wiring; each part lives in its own module.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server as TlsServer } from 'node:tls';
import { EnvBackend } from './backends/env.ts';
import { BackendRegistry } from './backends/registry.ts';
import { Authenticator, bootstrapOwnerKey, MIN_BOOTSTRAP_KEY_LENGTH } from './http/authenticate.ts';
import { HANDLERS } from './http/handlers/index.ts';
import { jsonLogger, type Logger, parseLogLevel } from './http/log.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { type App, createApp } from './http/server.ts';
import { loadSpec } from './http/spec.ts';
import { BackendHealth } from './services/backend-health.ts';
import { PgCacheSync } from './services/cache-sync.ts';
import { Directory } from './services/directory.ts';
import { ReadAuditWriter } from './services/read-audit.ts';
import { ResolveCache } from './services/resolve-cache.ts';
import { SecretValues } from './services/secret-values.ts';
import { SecretsManagerState } from './services/secrets-manager.ts';
import { StoreHealth } from './services/store-health.ts';
import { type OpenedStore, openStore, storeOptionsFromEnv } from './store/index.ts';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  organizationId: string;
  bootstrapKey: string | undefined;
  shutdownTimeoutMs: number;
  /** Requests per second per API key; 0: no limit. */
  rateLimit: number;
  /** Failed authentications per minute per client address; 0: no limit. */
  authFailureLimit: number;
  /** Open connections at most. */
  maxConnections: number;
  /** PEM files to serve HTTPS with (both or neither); reloaded on SIGHUP. */
  tls: { certFile: string; keyFile: string } | null;
  /** COFFER_ENV_BACKEND_ALLOW: the names the ENV backend may read. */
  envBackendAllow: string | undefined;
  /** Start a new store even in a data directory that was used before. */
  initStore: boolean;
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

const SCOPE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function serveOptions(
  flags: {
    port?: string | undefined;
    host?: string | undefined;
    'data-dir'?: string | undefined;
    'database-url'?: string | undefined;
    'tls-cert'?: string | undefined;
    'tls-key'?: string | undefined;
    'init-store'?: boolean | undefined;
  },
  env: NodeJS.ProcessEnv,
): ServeOptions {
  const portText = flags.port ?? env.COFFER_PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new SettingsError(`--port must be 0..65535, not ${portText}`);
  const organizationId = env.COFFER_ORGANIZATION_ID ?? 'default';
  if (!SCOPE_ID.test(organizationId))
    throw new SettingsError('COFFER_ORGANIZATION_ID must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$');
  const bootstrapKey = env.COFFER_BOOTSTRAP_API_KEY || undefined;
  if (
    bootstrapKey !== undefined &&
    (bootstrapKey.length < MIN_BOOTSTRAP_KEY_LENGTH || /\s/.test(bootstrapKey))
  ) {
    throw new SettingsError(
      `COFFER_BOOTSTRAP_API_KEY must be at least ${MIN_BOOTSTRAP_KEY_LENGTH} characters without spaces`,
    );
  }
  const rateLimit = wholeNumber(env, 'COFFER_RATE_LIMIT', '0');
  const authFailureLimit = wholeNumber(env, 'COFFER_AUTH_FAILURE_LIMIT', '60');
  const maxConnections = wholeNumber(env, 'COFFER_MAX_CONNECTIONS', '1000');
  if (maxConnections < 1) throw new SettingsError('COFFER_MAX_CONNECTIONS must be at least 1');
  const certFile = flags['tls-cert'] ?? (env.COFFER_TLS_CERT || undefined);
  const keyFile = flags['tls-key'] ?? (env.COFFER_TLS_KEY || undefined);
  if ((certFile === undefined) !== (keyFile === undefined))
    throw new SettingsError(
      '--tls-cert and --tls-key (COFFER_TLS_CERT, COFFER_TLS_KEY) go together: give both or neither',
    );
  const envBackendAllow = env.COFFER_ENV_BACKEND_ALLOW || undefined;
  // Fails at start, with the entry that is wrong, rather than at the first resolve.
  new EnvBackend(envBackendAllow, {});
  const shutdownText = env.COFFER_SHUTDOWN_TIMEOUT_MS ?? '10000';
  const shutdownTimeoutMs = Number(shutdownText);
  if (!/^\d+$/.test(shutdownText))
    throw new SettingsError('COFFER_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds');
  return {
    port,
    host: flags.host ?? env.COFFER_HOST ?? '127.0.0.1',
    dataDir: flags['data-dir'] ?? env.COFFER_DATA_DIR ?? './.coffer',
    databaseUrl: flags['database-url'] ?? (env.COFFER_DATABASE_URL || undefined),
    organizationId,
    bootstrapKey,
    shutdownTimeoutMs,
    rateLimit,
    authFailureLimit,
    maxConnections,
    tls: certFile && keyFile ? { certFile, keyFile } : null,
    envBackendAllow,
    initStore: flags['init-store'] === true || env.COFFER_INIT_STORE === '1',
  };
}

function readTls(tls: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } {
  try {
    return { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) };
  } catch (err) {
    throw new SettingsError(`cannot read the TLS certificate or key: ${(err as Error).message}`);
  }
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: string): number {
  const text = env[name] || fallback;
  if (!/^\d{1,9}$/.test(text))
    throw new SettingsError(`${name} must be a whole number (0: no limit), not ${text}`);
  return Number(text);
}

export interface Running {
  app: App;
  store: OpenedStore;
  url: string;
  stop(): Promise<void>;
  /** Re-reads the TLS certificate and key (SIGHUP); a no-op on plain HTTP. */
  reloadTls(): void;
}

export async function serve(opts: ServeOptions, env: NodeJS.ProcessEnv, log: Logger): Promise<Running> {
  const spec = loadSpec();
  const store = await openStore({
    ...storeOptionsFromEnv(env),
    dataDir: opts.dataDir,
    databaseUrl: opts.databaseUrl,
    initStore: opts.initStore,
  });
  try {
    const boot = await bootstrapOwnerKey(store, {
      envKey: opts.bootstrapKey,
      organizationId: opts.organizationId,
    });
    if (boot.printToken) {
      // The one deliberate exception to "no secrets in output": a fresh install must be usable.
      process.stderr.write(
        `\nBootstrap owner API key (shown once, store it now):\n\n  ${boot.printToken}\n\n`,
      );
    }
    if (boot.created)
      log.log('info', 'bootstrap owner key created', { source: boot.printToken ? 'generated' : 'env' });
    if (boot.ignoredEnvKey)
      log.log('info', 'COFFER_BOOTSTRAP_API_KEY ignored: the store already has API keys');
    const manager = new SecretsManagerState(store);
    await manager.reload();
    const envBackend = new EnvBackend(opts.envBackendAllow, env);
    const backends = new BackendRegistry();
    const values = new SecretValues(store, manager, backends, envBackend);
    const cache = new ResolveCache();
    // Replicas on one PostgreSQL database clear each other's resolve caches on every write.
    const cacheSync = opts.databaseUrl ? await PgCacheSync.start(opts.databaseUrl, cache, log) : null;
    const tlsFiles = opts.tls ? readTls(opts.tls) : undefined;
    const app = createApp(
      spec,
      HANDLERS,
      {
        store,
        auth: new Authenticator(store),
        log,
        cache,
        directory: new Directory(store, cache),
        readAudit: new ReadAuditWriter(store),
        manager,
        storeHealth: new StoreHealth(store),
        envBackend,
        backends,
        values,
        backendHealth: new BackendHealth(store, manager, values),
        limits: {
          perKey: opts.rateLimit > 0 ? new RateLimiter(opts.rateLimit, opts.rateLimit) : null,
          authFailures:
            opts.authFailureLimit > 0
              ? new RateLimiter(opts.authFailureLimit / 60, opts.authFailureLimit)
              : null,
        },
      },
      { tls: tlsFiles, maxConnections: opts.maxConnections },
    );
    await new Promise<void>((resolve, reject) => {
      app.server.once('error', reject);
      app.server.listen(opts.port, opts.host, () => {
        app.server.off('error', reject);
        resolve();
      });
    });
    const addr = app.server.address() as AddressInfo;
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    const url = `${opts.tls ? 'https' : 'http'}://${host}:${addr.port}`;
    const purge = setInterval(() => {
      store.idempotency.purgeExpired().catch(() => {});
    }, 3_600_000);
    purge.unref();
    let stopping: Promise<void> | null = null;
    return {
      app,
      store,
      url,
      reloadTls() {
        if (!opts.tls) return;
        (app.server as unknown as TlsServer).setSecureContext(readTls(opts.tls));
      },
      stop() {
        stopping ??= (async () => {
          clearInterval(purge);
          await app.drain(opts.shutdownTimeoutMs);
          await backends.close();
          await cacheSync?.close();
          await store.close();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
}

export { jsonLogger, parseLogLevel };

/**
 * A small client for Vault's (and OpenBao's) HTTP API over undici: one keep-alive pool per address, a
 * timeout on every call, `X-Vault-Namespace` when a namespace is set, and one error vocabulary.
 *
 * Answers are classified here, once: a connection error, a timeout, 429 or 5xx (sealed, standby, overloaded)
 * is BackendUnavailableError; 403 is VaultDeniedError (the caller logs in again once); 404 is `status: 404`
 * for the caller to read as "not there". Error messages name the operation, the path and Vault's own error
 * strings (which name paths, never values); a response body is never put in a message.
 */
import { Agent, errors as undiciErrors } from 'undici';
import { BackendUnavailableError } from '../types.ts';

export interface VaultHttpOptions {
  address: string;
  namespace?: string | undefined;
  /** Used in errors: "Vault at http://127.0.0.1:8200". */
  label: string;
  timeoutMs?: number;
  /** Extra CA certificates (PEM) for an HTTPS Vault with a private CA. */
  ca?: string | undefined;
}

export interface VaultCall {
  token?: string | undefined;
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Statuses the caller handles itself (404 for reads, 400 for check-and-set). */
  accept?: number[];
}

export interface VaultAnswer {
  status: number;
  json: Record<string, unknown> | null;
  /** Vault's `errors` strings, for accepted non-2xx answers. */
  errors: string[];
}

/** 403 from Vault: a revoked or expired token, or a policy that does not allow the path. */
export class VaultDeniedError extends Error {
  readonly errors: string[];
  constructor(message: string, errors: string[]) {
    super(message);
    this.name = 'VaultDeniedError';
    this.errors = errors;
  }
}

const DEFAULT_TIMEOUT_MS = 5_000;
const MAX_ERROR_CHARS = 300;

function vaultErrors(json: Record<string, unknown> | null): string[] {
  const e = json?.errors;
  if (!Array.isArray(e)) return [];
  return e
    .filter((x): x is string => typeof x === 'string')
    .map((s) => (s.length > MAX_ERROR_CHARS ? `${s.slice(0, MAX_ERROR_CHARS)}...` : s.replace(/\s+/g, ' ')));
}

function describeNetworkError(err: unknown): string {
  if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError) {
    return 'did not answer in time';
  }
  const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'refused the connection';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'closed the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'has an address that does not resolve';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'did not accept the connection in time';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `failed the TLS handshake (${code})`;
  return `is not reachable (${code ?? (err as Error).name ?? 'error'})`;
}

export class VaultHttp {
  readonly label: string;
  readonly #origin: string;
  readonly #prefix: string;
  readonly #namespace: string | undefined;
  readonly #timeoutMs: number;
  readonly #agent: Agent;

  constructor(opts: VaultHttpOptions) {
    const url = new URL(opts.address);
    this.#origin = url.origin;
    this.#prefix = url.pathname.replace(/\/+$/, '');
    this.#namespace = opts.namespace || undefined;
    this.#timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.label = opts.label;
    this.#agent = new Agent({
      connections: 64,
      keepAliveTimeout: 10_000,
      connect: { timeout: this.#timeoutMs, ...(opts.ca ? { ca: opts.ca } : {}) },
    });
  }

  get namespace(): string | undefined {
    return this.#namespace;
  }

  /** `path` is below /v1/ (`secret/data/coffer/x`, `auth/kubernetes/login`). */
  async call(method: string, path: string, c: VaultCall = {}): Promise<VaultAnswer> {
    const headers: Record<string, string> = { accept: 'application/json', ...c.headers };
    if (c.token) headers['x-vault-token'] = c.token;
    if (this.#namespace) headers['x-vault-namespace'] = this.#namespace;
    let body: string | undefined;
    if (c.body !== undefined) {
      body = JSON.stringify(c.body);
      headers['content-type'] = 'application/json';
    }
    const query = c.query && Object.keys(c.query).length > 0 ? `?${new URLSearchParams(c.query)}` : '';
    const what = `${method} ${path}`;
    let status: number;
    let text: string;
    try {
      const res = await this.#agent.request({
        origin: this.#origin,
        path: `${this.#prefix}/v1/${path}${query}`,
        method: method as 'GET',
        headers,
        body,
        headersTimeout: this.#timeoutMs,
        bodyTimeout: this.#timeoutMs,
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (err) {
      throw new BackendUnavailableError(this.label, `${what}: Vault ${describeNetworkError(err)}`);
    }
    let json: Record<string, unknown> | null = null;
    if (text.length > 0) {
      try {
        const parsed = JSON.parse(text) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
          json = parsed as Record<string, unknown>;
      } catch {
        // A proxy's HTML error page: classified by status below, its text never quoted.
      }
    }
    const errs = vaultErrors(json);
    if (status >= 200 && status < 300) return { status, json, errors: [] };
    if (c.accept?.includes(status)) return { status, json, errors: errs };
    const said = errs.length > 0 ? `: ${errs.join('; ')}` : '';
    if (status === 403) throw new VaultDeniedError(`${what}: permission denied${said}`, errs);
    if (status === 429 || status >= 500) {
      const sealed = status === 503 && errs.some((e) => /sealed/i.test(e)) ? ' (sealed)' : '';
      throw new BackendUnavailableError(this.label, `${what}: Vault answered ${status}${sealed}${said}`, {
        status,
      });
    }
    throw new BackendUnavailableError(this.label, `${what}: Vault answered ${status}${said}`, { status });
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}

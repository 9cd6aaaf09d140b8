/**
 * Vault logins: TOKEN (the configured token, renewed when renewable), K8S (`auth/{mount}/login` with the
 * service-account JWT read from `tokenPath` at each login) and AWS (the IAM method: a SigV4-signed
 * `sts:GetCallerIdentity` that Vault replays to STS). A VaultSession caches one login until shortly before its
 * lease ends, shares it between concurrent calls (one login in flight at a time), and answers a 403 with one
 * new login and one retry, then a clear error.
 */
import { readFile } from 'node:fs/promises';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { BackendUnavailableError } from '../types.ts';
import { type VaultAnswer, VaultDeniedError, type VaultHttp } from './http.ts';

export interface VaultLogin {
  token: string;
  /** Seconds the token is valid for from `obtainedAt`; 0: it does not expire (a root or periodic-less token). */
  leaseSeconds: number;
  renewable: boolean;
  obtainedAt: number;
}

export interface VaultAuthMethod {
  readonly name: 'TOKEN' | 'K8S' | 'AWS';
  /** A fresh login; `previous` is the login being replaced (TOKEN renews it when it can). */
  login(http: VaultHttp, previous: VaultLogin | null): Promise<VaultLogin>;
}

function fromAuthBlock(http: VaultHttp, what: string, a: VaultAnswer): VaultLogin {
  const auth = a.json?.auth as
    | { client_token?: unknown; lease_duration?: unknown; renewable?: unknown }
    | undefined;
  if (!auth || typeof auth.client_token !== 'string' || auth.client_token === '') {
    throw new BackendUnavailableError(http.label, `${what}: Vault's answer has no auth.client_token`);
  }
  return {
    token: auth.client_token,
    leaseSeconds: typeof auth.lease_duration === 'number' ? auth.lease_duration : 0,
    renewable: auth.renewable === true,
    obtainedAt: Date.now(),
  };
}

function loginRefused(http: VaultHttp, method: string, a: VaultAnswer): BackendUnavailableError {
  const said = a.errors.length > 0 ? `: ${a.errors.join('; ')}` : '';
  return new BackendUnavailableError(http.label, `${method} login refused (${a.status})${said}`, {
    status: a.status,
  });
}

export class TokenAuth implements VaultAuthMethod {
  readonly name = 'TOKEN' as const;
  readonly #token: string;
  constructor(token: string) {
    this.#token = token;
  }

  async login(http: VaultHttp, previous: VaultLogin | null): Promise<VaultLogin> {
    if (previous?.renewable && previous.leaseSeconds > 0) {
      const a = await http.call('POST', 'auth/token/renew-self', {
        token: this.#token,
        body: {},
        accept: [400, 403],
      });
      if (a.status === 200) return fromAuthBlock(http, 'token renewal', a);
      // Not renewable after all (past its max TTL): fall through to a lookup, which says whether it still works.
    }
    const a = await http.call('GET', 'auth/token/lookup-self', { token: this.#token, accept: [400, 403] });
    if (a.status !== 200) {
      throw new BackendUnavailableError(
        http.label,
        `the configured Vault token is not valid (revoked, expired, unknown to this Vault, or without the default policy's lookup-self): lookup-self answered ${a.status}`,
        { status: a.status },
      );
    }
    const d = (a.json?.data ?? {}) as { ttl?: unknown; renewable?: unknown };
    return {
      token: this.#token,
      leaseSeconds: typeof d.ttl === 'number' ? d.ttl : 0,
      renewable: d.renewable === true,
      obtainedAt: Date.now(),
    };
  }
}

export interface K8sAuthSettings {
  role: string;
  tokenPath: string;
  mountPoint: string;
}

export class K8sAuth implements VaultAuthMethod {
  readonly name = 'K8S' as const;
  readonly #s: K8sAuthSettings;
  constructor(s: K8sAuthSettings) {
    this.#s = s;
  }

  async login(http: VaultHttp): Promise<VaultLogin> {
    let jwt: string;
    try {
      // Read at every login: the kubelet rotates projected tokens.
      jwt = (await readFile(this.#s.tokenPath, 'utf8')).trim();
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'error';
      throw new BackendUnavailableError(
        http.label,
        `K8S login: cannot read the service-account token at ${this.#s.tokenPath} (${code})`,
      );
    }
    if (jwt === '') {
      throw new BackendUnavailableError(
        http.label,
        `K8S login: the service-account token file ${this.#s.tokenPath} is empty`,
      );
    }
    const a = await http.call('POST', `auth/${this.#s.mountPoint}/login`, {
      body: { role: this.#s.role, jwt },
      accept: [400, 403],
    });
    if (a.status !== 200) throw loginRefused(http, 'K8S', a);
    return fromAuthBlock(http, 'K8S login', a);
  }
}

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}
export type AwsCredentialsProvider = () => Promise<AwsCredentials>;

export interface AwsAuthSettings {
  role: string;
  mountPoint: string;
  region: string;
  stsEndpoint?: string | undefined;
  iamServerId?: string | undefined;
}

const STS_BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** The signed GetCallerIdentity request Vault's aws auth method expects in a login body (exported for tests). */
export async function signedCallerIdentityRequest(
  s: Pick<AwsAuthSettings, 'region' | 'stsEndpoint' | 'iamServerId'>,
  credentials: AwsCredentialsProvider,
): Promise<{ url: string; headers: Record<string, string>; body: string }> {
  const url = new URL(s.stsEndpoint ?? 'https://sts.amazonaws.com/');
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
  };
  if (s.iamServerId) headers['x-vault-aws-iam-server-id'] = s.iamServerId;
  const signer = new SignatureV4({
    credentials,
    region: s.region,
    service: 'sts',
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname || '/',
    query: {},
    headers,
    body: STS_BODY,
  });
  return { url: url.toString(), headers: signed.headers as Record<string, string>, body: STS_BODY };
}

export class AwsIamAuth implements VaultAuthMethod {
  readonly name = 'AWS' as const;
  readonly #s: AwsAuthSettings;
  readonly #credentials: AwsCredentialsProvider;
  constructor(s: AwsAuthSettings, credentials?: AwsCredentialsProvider) {
    this.#s = s;
    // The standard chain: environment, shared files, web identity (IRSA), ECS and EC2 metadata.
    this.#credentials = credentials ?? fromNodeProviderChain();
  }

  async login(http: VaultHttp): Promise<VaultLogin> {
    let req: Awaited<ReturnType<typeof signedCallerIdentityRequest>>;
    try {
      req = await signedCallerIdentityRequest(this.#s, this.#credentials);
    } catch (err) {
      throw new BackendUnavailableError(
        http.label,
        `AWS login: no AWS credentials from the standard chain (${(err as Error).name})`,
      );
    }
    const headers: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = [v];
    const a = await http.call('POST', `auth/${this.#s.mountPoint}/login`, {
      body: {
        role: this.#s.role,
        iam_http_request_method: 'POST',
        iam_request_url: b64(req.url),
        iam_request_body: b64(req.body),
        iam_request_headers: b64(JSON.stringify(headers)),
      },
      accept: [400, 403],
    });
    if (a.status !== 200) throw loginRefused(http, 'AWS', a);
    return fromAuthBlock(http, 'AWS login', a);
  }
}

/**
 * Renew or log in again once 75 % of the lease has passed, or 30 s before its end if that is earlier, but
 * never before half of it (short leases would otherwise renew on every call).
 */
const REFRESH_SHARE = 0.75;

export class VaultSession {
  readonly http: VaultHttp;
  readonly method: VaultAuthMethod;
  #login: VaultLogin | null = null;
  #inFlight: Promise<VaultLogin> | null = null;
  /** Logins performed (for tests and the benchmark: a shared session logs in once for many calls). */
  logins = 0;

  constructor(http: VaultHttp, method: VaultAuthMethod) {
    this.http = http;
    this.method = method;
  }

  #fresh(l: VaultLogin, now: number): boolean {
    if (l.leaseSeconds <= 0) return true;
    const lease = l.leaseSeconds * 1000;
    const refreshAt = l.obtainedAt + Math.max(lease / 2, Math.min(lease * REFRESH_SHARE, lease - 30_000));
    return now < refreshAt;
  }

  /** The current token, logging in (once, shared by concurrent callers) when there is none or it is ending. */
  async token(): Promise<string> {
    const l = this.#login;
    if (l && this.#fresh(l, Date.now())) return l.token;
    return (await this.#relogin(l)).token;
  }

  #relogin(previous: VaultLogin | null): Promise<VaultLogin> {
    if (!this.#inFlight) {
      this.logins += 1;
      this.#inFlight = this.method
        .login(this.http, previous)
        .then((l) => {
          this.#login = l;
          return l;
        })
        .finally(() => {
          this.#inFlight = null;
        });
    }
    return this.#inFlight;
  }

  /**
   * Runs `fn` with a token. A 403 drops the login (unless another caller already replaced it), logs in
   * again and retries once; a second 403 is a BackendUnavailableError that says permission was denied.
   */
  async withToken<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const token = await this.token();
    try {
      return await fn(token);
    } catch (err) {
      if (!(err instanceof VaultDeniedError)) throw err;
      const current = this.#login;
      const next = current && current.token !== token ? current : await this.#relogin(null);
      try {
        return await fn(next.token);
      } catch (again) {
        if (again instanceof VaultDeniedError) {
          throw new BackendUnavailableError(
            this.http.label,
            `${again.message} (after a fresh ${this.method.name} login)`,
            {
              status: 403,
              denied: true,
            },
          );
        }
        throw again;
      }
    }
  }
}

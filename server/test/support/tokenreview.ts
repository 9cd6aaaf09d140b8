/**
 * A loopback stand-in for the one Kubernetes API the Vault kubernetes auth plugin calls: TokenReview
 * (`POST /apis/authentication.k8s.io/v1/tokenreviews`), over HTTPS with a throwaway CA. It really verifies:
 * the reviewer's bearer token, then the reviewed service-account JWT's RS256 signature, expiry, issuer and
 * audience, and answers `system:serviceaccount:<namespace>:<name>` with its uid. Tokens it did not sign, or
 * that expired, are answered `authenticated: false`, as the API server does.
 */
import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ISSUER = 'https://kubernetes.default.svc.cluster.local';
export const AUDIENCE = 'vault';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export interface ServiceAccount {
  namespace: string;
  name: string;
  uid?: string;
}

/** Signs a service-account JWT like the kubelet's projected tokens (both claim styles Vault reads). */
export function signServiceAccountJwt(
  key: KeyObject,
  sa: ServiceAccount,
  opts: { expiresInSeconds?: number; issuer?: string; audience?: string } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const uid = sa.uid ?? randomUUID();
  const header = { alg: 'RS256', typ: 'JWT', kid: 'coffer-test' };
  const payload = {
    iss: opts.issuer ?? ISSUER,
    aud: [opts.audience ?? AUDIENCE],
    sub: `system:serviceaccount:${sa.namespace}:${sa.name}`,
    iat: now,
    nbf: now,
    exp: now + (opts.expiresInSeconds ?? 3600),
    'kubernetes.io': { namespace: sa.namespace, serviceaccount: { name: sa.name, uid } },
    'kubernetes.io/serviceaccount/namespace': sa.namespace,
    'kubernetes.io/serviceaccount/service-account.name': sa.name,
    'kubernetes.io/serviceaccount/service-account.uid': uid,
  };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

export interface TokenReviewServer {
  /** `https://127.0.0.1:<port>`, for kubernetes_host. */
  host: string;
  /** PEM of the CA that signed the server certificate, for kubernetes_ca_cert. */
  caPem: string;
  /** The bearer token Vault must send (token_reviewer_jwt). */
  reviewerJwt: string;
  /** The key the "cluster" signs service-account tokens with. */
  signingKey: KeyObject;
  /** Reviews answered so far (authenticated or not). */
  reviews: Array<{ authenticated: boolean; reason?: string }>;
  stop(): Promise<void>;
}

function review(
  token: string,
  publicKey: KeyObject,
): { ok: true; sa: ServiceAccount } | { ok: false; reason: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'not a JWT' };
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: string };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString());
    claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
  if (header.alg !== 'RS256') return { ok: false, reason: 'alg' };
  if (!verify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))) {
    return { ok: false, reason: 'signature' };
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) return { ok: false, reason: 'expired' };
  if (claims.iss !== ISSUER) return { ok: false, reason: 'issuer' };
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(AUDIENCE)) return { ok: false, reason: 'audience' };
  const k = claims['kubernetes.io'] as {
    namespace?: string;
    serviceaccount?: { name?: string; uid?: string };
  };
  if (!k?.namespace || !k.serviceaccount?.name) return { ok: false, reason: 'not a service-account token' };
  return {
    ok: true,
    sa: { namespace: k.namespace, name: k.serviceaccount.name, uid: k.serviceaccount.uid ?? '' },
  };
}

export async function startTokenReview(): Promise<TokenReviewServer> {
  const dir = mkdtempSync(join(tmpdir(), 'coffer-k8s-'));
  const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  ssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=coffer-test-ca',
  ]);
  ssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'tls.key',
    '-out',
    'tls.csr',
    '-subj',
    '/CN=127.0.0.1',
  ]);
  // The server certificate names 127.0.0.1 (Go's TLS client checks the SAN, not the CN).
  const ext = join(dir, 'san.ext');
  writeFileSync(ext, 'subjectAltName=IP:127.0.0.1\n');
  ssl([
    'x509',
    '-req',
    '-in',
    'tls.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'tls.pem',
    '-days',
    '1',
    '-extfile',
    ext,
  ]);
  const caPem = readFileSync(join(dir, 'ca.pem'), 'utf8');
  const cert = readFileSync(join(dir, 'tls.pem'));
  const key = readFileSync(join(dir, 'tls.key'));
  rmSync(dir, { recursive: true, force: true });

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKey = createPublicKey(privateKey);
  const reviewerJwt = signServiceAccountJwt(privateKey, { namespace: 'kube-system', name: 'vault-reviewer' });
  const reviews: TokenReviewServer['reviews'] = [];

  const server: Server = createServer({ cert, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/apis/authentication.k8s.io/v1/tokenreviews') {
        return send(404, { kind: 'Status', status: 'Failure', code: 404 });
      }
      if (req.headers.authorization !== `Bearer ${reviewerJwt}`) {
        return send(401, { kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 });
      }
      let token = '';
      try {
        token =
          (JSON.parse(Buffer.concat(chunks).toString()) as { spec?: { token?: string } }).spec?.token ?? '';
      } catch {
        return send(400, { kind: 'Status', status: 'Failure', code: 400 });
      }
      const r = review(token, publicKey);
      reviews.push(r.ok ? { authenticated: true } : { authenticated: false, reason: r.reason });
      const status = r.ok
        ? {
            authenticated: true,
            user: {
              username: `system:serviceaccount:${r.sa.namespace}:${r.sa.name}`,
              uid: r.sa.uid,
              groups: [
                'system:serviceaccounts',
                `system:serviceaccounts:${r.sa.namespace}`,
                'system:authenticated',
              ],
            },
            audiences: [AUDIENCE],
          }
        : { authenticated: false, error: `invalid bearer token (${r.reason})` };
      send(201, {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenReview',
        metadata: {},
        spec: {},
        status,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    host: `https://127.0.0.1:${port}`,
    caPem,
    reviewerJwt,
    signingKey: privateKey,
    reviews,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

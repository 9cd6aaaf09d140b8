/**
 * Vault logins against the real auth plugins: K8S (kubernetes auth, on Vault and OpenBao, validating
 * service-account JWTs through a loopback TokenReview server that really verifies them) and AWS (Vault's
 * aws auth, IAM method, with moto as STS and IAM, moto verifying SigV4 signatures; OpenBao has no aws auth).
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../../src/backends/types.ts';
import {
  type AwsCredentials,
  AwsIamAuth,
  K8sAuth,
  signedCallerIdentityRequest,
  VaultSession,
} from '../../src/backends/vault/auth.ts';
import { VaultHttp } from '../../src/backends/vault/http.ts';
import { VaultKvBackend } from '../../src/backends/vault/kv.ts';
import { SecretValue } from '../../src/crypto/secret-value.ts';
import { type Moto, requireTool, startMoto, startVaultDev, type VaultDev } from '../support/remote-tools.ts';
import { signServiceAccountJwt, startTokenReview, type TokenReviewServer } from '../support/tokenreview.ts';
import { loc } from './locations.ts';

const POLICY = `
path "secret/data/coffer/*" { capabilities = ["create", "read", "update", "delete", "list"] }
path "secret/metadata/coffer/*" { capabilities = ["read", "delete", "list"] }
`;

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

function kv(session: VaultSession) {
  return new VaultKvBackend(session, { kvVersion: 2, secretPath: 'secret/data/coffer' });
}

for (const flavour of ['vault', 'openbao'] as const) {
  describe.skipIf(!requireTool(flavour))(`K8S auth on ${flavour}`, () => {
    let dev: VaultDev;
    let tr: TokenReviewServer;
    let dir: string;
    const http = () => new VaultHttp({ address: dev.address, label: `Vault at ${dev.address}` });

    beforeAll(async () => {
      [dev, tr] = await Promise.all([startVaultDev(flavour), startTokenReview()]);
      dir = mkdtempSync(join(tmpdir(), 'coffer-sa-'));
      expect((await dev.api('PUT', 'sys/policies/acl/coffer', { policy: POLICY })).status).toBe(204);
      expect((await dev.api('POST', 'sys/auth/k8s', { type: 'kubernetes' })).status).toBe(204);
      const cfg = await dev.api('POST', 'auth/k8s/config', {
        kubernetes_host: tr.host,
        kubernetes_ca_cert: tr.caPem,
        token_reviewer_jwt: tr.reviewerJwt,
        disable_local_ca_jwt: true,
      });
      expect(cfg.status, JSON.stringify(cfg.json)).toBeLessThan(300);
      const role = await dev.api('POST', 'auth/k8s/role/coffer', {
        bound_service_account_names: ['coffer'],
        bound_service_account_namespaces: ['platform'],
        token_policies: ['coffer'],
        token_ttl: '1h',
      });
      // Vault answers 200 with warnings where OpenBao answers 204.
      expect(role.status, JSON.stringify(role.json)).toBeLessThan(300);
      const short = await dev.api('POST', 'auth/k8s/role/short', {
        bound_service_account_names: ['coffer'],
        bound_service_account_namespaces: ['platform'],
        token_policies: ['coffer'],
        token_ttl: '3s',
      });
      expect(short.status, JSON.stringify(short.json)).toBeLessThan(300);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([dev?.stop(), tr?.stop()]);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const tokenFile = (name: string, jwt: string) => {
      const p = join(dir, name);
      writeFileSync(p, `${jwt}\n`);
      return p;
    };

    it('logs in with the service-account JWT (verified by TokenReview) and works with the policy it gets', async () => {
      const path = tokenFile(
        'ok',
        signServiceAccountJwt(tr.signingKey, { namespace: 'platform', name: 'coffer' }),
      );
      const session = new VaultSession(
        http(),
        new K8sAuth({ role: 'coffer', tokenPath: path, mountPoint: 'k8s' }),
      );
      const b = kv(session);
      const before = tr.reviews.length;
      const ref = await b.write(loc('K8S_SECRET'), new SecretValue('from-k8s'));
      const r = await b.read(ref);
      expect(r.found && r.value.reveal()).toBe('from-k8s');
      expect(session.logins).toBe(1);
      expect(tr.reviews.slice(before)).toEqual([{ authenticated: true }]);
      // The policy is the role's: outside it, permission denied.
      const other = new VaultKvBackend(session, { kvVersion: 2, secretPath: 'secret/data/elsewhere' });
      expect((await rejection(other.write(loc('X'), new SecretValue('x')))).message).toMatch(
        /permission denied/,
      );
    });

    it('refuses tokens the cluster did not sign, expired tokens and other service accounts', async () => {
      const { privateKey: stranger } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const cases: Array<[string, string, RegExp]> = [
        [
          'forged',
          signServiceAccountJwt(stranger, { namespace: 'platform', name: 'coffer' }),
          /K8S login refused/,
        ],
        [
          'expired',
          signServiceAccountJwt(
            tr.signingKey,
            { namespace: 'platform', name: 'coffer' },
            { expiresInSeconds: -60 },
          ),
          /K8S login refused/,
        ],
        [
          'other-sa',
          signServiceAccountJwt(tr.signingKey, { namespace: 'platform', name: 'intruder' }),
          /K8S login refused/,
        ],
      ];
      for (const [name, jwt, expected] of cases) {
        const session = new VaultSession(
          http(),
          new K8sAuth({ role: 'coffer', tokenPath: tokenFile(name, jwt), mountPoint: 'k8s' }),
        );
        const err = await rejection(session.token());
        expect(err, name).toBeInstanceOf(BackendUnavailableError);
        expect(err.message, name).toMatch(expected);
        expect(err.message, name).not.toContain(jwt);
      }
      // The forged token reached TokenReview and failed its signature check (the plugin refuses an expired
      // token or an unbound service account before asking).
      expect(tr.reviews.map((r) => r.reason)).toContain('signature');
    });

    it('reads the token file at each login (a rotated token is picked up; a bad one fails, then recovers)', async () => {
      const good = signServiceAccountJwt(tr.signingKey, { namespace: 'platform', name: 'coffer' });
      const path = tokenFile('rotating', good);
      const session = new VaultSession(
        http(),
        new K8sAuth({ role: 'short', tokenPath: path, mountPoint: 'k8s' }),
      );
      const b = kv(session);
      const ref = await b.write(loc('ROTATING_SA'), new SecretValue('v'));
      writeFileSync(path, 'not-a-jwt');
      await new Promise((r) => setTimeout(r, 3_000)); // the 3 s Vault token is due for a new login
      const err = await rejection(b.read(ref));
      expect(err.message).toMatch(/K8S login refused/);
      writeFileSync(path, signServiceAccountJwt(tr.signingKey, { namespace: 'platform', name: 'coffer' }));
      expect((await b.read(ref)).found).toBe(true);
      expect(session.logins).toBe(3);
    }, 20_000);

    it('a missing token file is a clear error', async () => {
      const session = new VaultSession(
        http(),
        new K8sAuth({ role: 'coffer', tokenPath: join(dir, 'nope'), mountPoint: 'k8s' }),
      );
      const err = await rejection(session.token());
      expect(err.message).toMatch(/cannot read the service-account token at .*nope \(ENOENT\)/);
    });
  });
}

/** A signed AWS query-API call (IAM set-up in moto), answered as text. */
async function awsQuery(
  endpoint: string,
  service: string,
  params: Record<string, string>,
  creds: AwsCredentials,
) {
  const url = new URL(endpoint);
  const body = new URLSearchParams(params).toString();
  const signer = new SignatureV4({
    credentials: creds,
    region: 'us-east-1',
    service,
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: signed.headers as Record<string, string>,
    body,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${params.Action}: ${res.status} ${text}`);
  return text;
}

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml)?.[1] ?? '';

describe.skipIf(!requireTool('vault') || !requireTool('moto'))(
  'AWS IAM auth on Vault with moto as STS and IAM',
  () => {
    let dev: VaultDev;
    let moto: Moto;
    let coffer: AwsCredentials;
    const setupCreds = { accessKeyId: 'AKIASETUPSETUPSETUP0', secretAccessKey: 'setup' };

    async function user(name: string): Promise<AwsCredentials> {
      const q = (p: Record<string, string>) =>
        awsQuery(moto.endpoint, 'iam', { Version: '2010-05-08', ...p }, setupCreds);
      await q({ Action: 'CreateUser', UserName: name });
      await q({
        Action: 'PutUserPolicy',
        UserName: name,
        PolicyName: 'all',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
      });
      const key = await q({ Action: 'CreateAccessKey', UserName: name });
      return { accessKeyId: tag(key, 'AccessKeyId'), secretAccessKey: tag(key, 'SecretAccessKey') };
    }

    beforeAll(async () => {
      // Six set-up calls go through unauthenticated; every call after them is verified (signature and policy).
      [dev, moto] = await Promise.all([startVaultDev('vault'), startMoto({ verifyAfter: 6 })]);
      const vaultUser = await user('vault-server');
      coffer = await user('coffer');
      expect((await dev.api('PUT', 'sys/policies/acl/coffer', { policy: POLICY })).status).toBe(204);
      for (const [mount, serverId] of [
        ['aws', undefined],
        ['aws-sid', 'vault.example.com'],
      ] as const) {
        expect((await dev.api('POST', `sys/auth/${mount}`, { type: 'aws' })).status).toBe(204);
        const cfg = await dev.api('POST', `auth/${mount}/config/client`, {
          access_key: vaultUser.accessKeyId,
          secret_key: vaultUser.secretAccessKey,
          sts_endpoint: moto.endpoint,
          iam_endpoint: moto.endpoint,
          sts_region: 'us-east-1',
          ...(serverId ? { iam_server_id_header_value: serverId } : {}),
        });
        expect(cfg.status).toBe(204);
        const role = await dev.api('POST', `auth/${mount}/role/coffer`, {
          auth_type: 'iam',
          bound_iam_principal_arn: ['arn:aws:iam::123456789012:user/coffer'],
          token_policies: ['coffer'],
          token_ttl: '1h',
        });
        expect(role.status).toBe(204);
      }
    }, 90_000);
    afterAll(async () => {
      await Promise.all([dev?.stop(), moto?.stop()]);
    });

    const session = (creds: AwsCredentials, s: { mountPoint?: string; iamServerId?: string } = {}) =>
      new VaultSession(
        new VaultHttp({ address: dev.address, label: `Vault at ${dev.address}` }),
        new AwsIamAuth(
          {
            role: 'coffer',
            mountPoint: s.mountPoint ?? 'aws',
            region: 'us-east-1',
            iamServerId: s.iamServerId,
          },
          async () => creds,
        ),
      );

    it('signs GetCallerIdentity for sts.amazonaws.com with the server-id header when set', async () => {
      const req = await signedCallerIdentityRequest(
        { region: 'us-east-1', iamServerId: 'vault.example.com' },
        async () => coffer,
      );
      expect(req.url).toBe('https://sts.amazonaws.com/');
      expect(req.body).toBe('Action=GetCallerIdentity&Version=2011-06-15');
      expect(req.headers.host).toBe('sts.amazonaws.com');
      expect(req.headers['x-vault-aws-iam-server-id']).toBe('vault.example.com');
      expect(req.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/us-east-1\/sts\/aws4_request, SignedHeaders=[^,]*x-vault-aws-iam-server-id/,
      );
    });

    it('an IAM user logs in and gets the role’s policy', async () => {
      const s = session(coffer);
      const b = new VaultKvBackend(s, { kvVersion: 2, secretPath: 'secret/data/coffer' });
      const ref = await b.write(loc('FROM_AWS'), new SecretValue('aws-auth'));
      const r = await b.read(ref);
      expect(r.found && r.value.reveal()).toBe('aws-auth');
      expect(s.logins).toBe(1);
    });

    it('a wrong secret key is refused (moto verifies the signature Vault replays)', async () => {
      const err = await rejection(session({ ...coffer, secretAccessKey: 'wrong' }).token());
      expect(err).toBeInstanceOf(BackendUnavailableError);
      expect(err.message).toMatch(/AWS login refused/);
      expect(err.message).not.toContain(coffer.secretAccessKey);
    });

    it('the server-id header: required where Vault is configured with one, and must match', async () => {
      expect(
        await session(coffer, { mountPoint: 'aws-sid', iamServerId: 'vault.example.com' }).token(),
      ).toMatch(/\S/);
      const wrong = await rejection(session(coffer, { mountPoint: 'aws-sid', iamServerId: 'other' }).token());
      expect(wrong.message).toMatch(/AWS login refused/);
      const missing = await rejection(session(coffer, { mountPoint: 'aws-sid' }).token());
      expect(missing.message).toMatch(/AWS login refused/);
    });

    it('no credentials in the chain is a clear error', async () => {
      const s = new VaultSession(
        new VaultHttp({ address: dev.address, label: 'v' }),
        new AwsIamAuth({ role: 'coffer', mountPoint: 'aws', region: 'us-east-1' }, async () => {
          throw Object.assign(new Error('Could not load credentials from any providers'), {
            name: 'CredentialsProviderError',
          });
        }),
      );
      expect((await rejection(s.token())).message).toMatch(/no AWS credentials from the standard chain/);
    });
  },
);

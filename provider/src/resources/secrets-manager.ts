// coffer_secrets_manager: the singleton /v1/secrets-manager configuration. Create and update PUT the whole
// configuration; destroy resets it to the DB backend. The Vault token is write-only (vault.token_wo), sent
// on create, whenever vault.token_wo_version changes, and when auth_method returns to TOKEN. Settings the server derives (vault.secret_path from
// kv_version, vault.secret_metadata_path from secret_path) are computed: left out, they keep their value while
// what they derive from stays, and are unknown in the plan when a change will re-derive them.
import type { RequestBody, ResponseBody } from '@coffer/sdk';
import {
  AWS_REGION,
  AWS_SECRET_PREFIX,
  BACKENDS,
  type Backend,
  FALLBACKS,
  type Fallback,
  MAX_CACHE_TTL_SECONDS,
  VAULT_AUTH_METHODS,
  VAULT_KV_VERSIONS,
  VAULT_PATH,
  type VaultAuthMethod,
  type VaultKvVersion,
} from '@coffer/sdk/rules';
import {
  type Attributes,
  type Diagnostic,
  DiagnosticsError,
  equal,
  error,
  isObject,
  isUnknown,
  type Known,
  type ObjectValue,
  type Planned,
  type ResourceDefinition,
  UNKNOWN,
  type Value,
  validators as v,
} from '../framework/index.ts';
import type { CofferClient } from './client.ts';
import { call, type PointerMap } from './errors.ts';

type Config = ResponseBody<'getSecretsManager'>;
type Input = RequestBody<'putSecretsManager'>;

/** The spec's defaults (test/resources/defaults.test.ts checks them against openapi/coffer.yaml). */
const secretsManagerDefaults = { cache_ttl_seconds: 300, fallback: 'NONE' } as const;
const ID = 'secrets-manager';

const POINTERS: PointerMap = {
  '/backend': ['backend'],
  '/cache': ['cache_ttl_seconds'],
  '/fallback': ['fallback'],
  '/vault': ['vault'],
  '/vault/address': ['vault', 'address'],
  '/vault/namespace': ['vault', 'namespace'],
  '/vault/kvVersion': ['vault', 'kv_version'],
  '/vault/secretPath': ['vault', 'secret_path'],
  '/vault/secretMetadataPath': ['vault', 'secret_metadata_path'],
  '/vault/authMethod': ['vault', 'auth_method'],
  '/vault/token': ['vault', 'token_wo'],
  '/vault/k8s': ['vault', 'k8s'],
  '/vault/k8s/role': ['vault', 'k8s', 'role'],
  '/vault/aws': ['vault', 'aws'],
  '/vault/aws/role': ['vault', 'aws', 'role'],
  '/aws': ['aws'],
  '/aws/region': ['aws', 'region'],
  '/aws/endpoint': ['aws', 'endpoint'],
  '/aws/secretPrefix': ['aws', 'secret_prefix'],
  '/aws/recoveryWindowDays': ['aws', 'recovery_window_days'],
};

/** The server's derivations (the spec's VaultSecretPath and VaultSecretMetadataPath descriptions). */
export function defaultSecretPath(kvVersion: number): string {
  return kvVersion === 1 ? 'secret/coffer' : 'secret/data/coffer';
}
export function defaultMetadataPath(secretPath: string): string {
  return secretPath.replace('/data/', '/metadata/');
}

const k8sAttributes = {
  role: { type: 'string', required: true, description: 'Vault Kubernetes auth role.' },
  mount_point: {
    type: 'string',
    optional: true,
    computed: true,
    description: 'Auth mount (default kubernetes).',
    default: 'kubernetes',
    validators: [v.matches(VAULT_PATH, 'a mount path')],
  },
  token_path: {
    type: 'string',
    optional: true,
    computed: true,
    description: 'Service-account token file (default /var/run/secrets/kubernetes.io/serviceaccount/token).',
    default: '/var/run/secrets/kubernetes.io/serviceaccount/token',
  },
} satisfies Attributes;

const vaultAwsAttributes = {
  role: { type: 'string', required: true, description: 'Vault AWS auth role.' },
  mount_point: {
    type: 'string',
    optional: true,
    computed: true,
    description: 'Auth mount (default aws).',
    default: 'aws',
    validators: [v.matches(VAULT_PATH, 'a mount path')],
  },
  region: {
    type: 'string',
    optional: true,
    computed: true,
    description: 'AWS region (default us-east-1).',
    default: 'us-east-1',
    validators: [v.matches(AWS_REGION, 'an AWS region')],
  },
  sts_endpoint: {
    type: 'string',
    optional: true,
    description: 'STS endpoint URL.',
    validators: [v.httpUrl()],
  },
  iam_server_id: { type: 'string', optional: true, description: 'X-Vault-AWS-IAM-Server-ID header value.' },
} satisfies Attributes;

const vaultAttributes = {
  address: {
    type: 'string',
    required: true,
    description: 'Vault (or OpenBao) address, https://vault.internal:8200.',
    validators: [v.httpUrl()],
  },
  auth_method: {
    type: 'string',
    optional: true,
    computed: true,
    description: `${VAULT_AUTH_METHODS.slice(0, -1).join(', ')} or ${VAULT_AUTH_METHODS.at(-1)} (default TOKEN): TOKEN sends token_wo, K8S needs the k8s block, AWS the aws block.`,
    default: 'TOKEN',
    validators: [v.oneOf(VAULT_AUTH_METHODS)],
  },
  namespace: { type: 'string', optional: true, description: 'Vault Enterprise namespace.' },
  kv_version: {
    type: 'number',
    optional: true,
    computed: true,
    description: 'KV engine version, 1 or 2 (default 2).',
    default: 2,
    validators: [v.integerBetween(Math.min(...VAULT_KV_VERSIONS), Math.max(...VAULT_KV_VERSIONS))],
  },
  secret_path: {
    type: 'string',
    optional: true,
    computed: true,
    description:
      'Where secrets live (default secret/data/coffer for KV v2, secret/coffer for v1: left out, it follows kv_version).',
    validators: [v.matches(VAULT_PATH, 'a Vault path')],
  },
  secret_metadata_path: {
    type: 'string',
    optional: true,
    computed: true,
    description:
      'KV v2 metadata path for lists and deletes (default: secret_path with /data/ swapped for /metadata/; left out, it follows secret_path).',
    validators: [v.matches(VAULT_PATH, 'a Vault path')],
  },
  token_wo: {
    type: 'string',
    optional: true,
    sensitive: true,
    writeOnly: true,
    description:
      'Vault token for TOKEN auth, write-only (never in state). Sent on create, when token_wo_version changes, and when auth_method returns to TOKEN.',
  },
  token_wo_version: {
    type: 'number',
    optional: true,
    description: 'Bump to send a new token_wo.',
    validators: [v.integerBetween(0, Number.MAX_SAFE_INTEGER)],
  },
  k8s: {
    nested: { nesting: 'single', attributes: k8sAttributes },
    optional: true,
    description: 'K8S auth settings (auth_method = "K8S").',
  },
  aws: {
    nested: { nesting: 'single', attributes: vaultAwsAttributes },
    optional: true,
    description: 'AWS IAM auth settings (auth_method = "AWS").',
  },
} satisfies Attributes;

const awsAttributes = {
  region: {
    type: 'string',
    required: true,
    description: 'AWS region of Secrets Manager.',
    validators: [v.matches(AWS_REGION, 'an AWS region')],
  },
  endpoint: {
    type: 'string',
    optional: true,
    description: 'Endpoint URL (VPC endpoints, local emulators).',
    validators: [v.httpUrl()],
  },
  secret_prefix: {
    type: 'string',
    optional: true,
    description: "Prepended to each secret's layout path to make its AWS name (when not set, coffer/).",
    validators: [v.matches(AWS_SECRET_PREFIX, 'an AWS secret-name prefix')],
  },
  recovery_window_days: {
    type: 'number',
    optional: true,
    description:
      'Days a deleted secret can be restored in AWS (when not set, 30; 1..6 count as 7; 0 deletes at once).',
    validators: [v.integerBetween(0, 30)],
  },
} satisfies Attributes;

const s = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const n = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);

/** Drops undefined fields so the request carries only what is set. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}

function toInput(
  client: CofferClient,
  planned: Planned<ManagerAttributes>,
  config: Known<ManagerAttributes>,
  sendToken: boolean,
): Input {
  const vault = planned.vault;
  const aws = planned.aws;
  const k8s = vault?.k8s ?? null;
  const vaws = vault?.aws ?? null;
  const token = sendToken ? s(config.vault?.token_wo) : undefined;
  return compact({
    backend: planned.backend as Backend,
    cache:
      n(planned.cache_ttl_seconds) !== undefined ? { ttlSeconds: n(planned.cache_ttl_seconds) } : undefined,
    fallback: s(planned.fallback) as Fallback | undefined,
    vault: vault
      ? compact({
          address: vault.address,
          namespace: s(vault.namespace),
          kvVersion: n(vault.kv_version) as VaultKvVersion | undefined,
          secretPath: s(vault.secret_path),
          secretMetadataPath: s(vault.secret_metadata_path),
          authMethod: vault.auth_method as VaultAuthMethod, // the oneOf validator admitted only these
          token: token !== undefined ? new client.lib.Secret(token) : undefined,
          k8s: k8s
            ? compact({
                role: k8s.role,
                mountPoint: s(k8s.mount_point),
                tokenPath: s(k8s.token_path),
              })
            : undefined,
          aws: vaws
            ? compact({
                role: vaws.role,
                mountPoint: s(vaws.mount_point),
                region: s(vaws.region),
                stsEndpoint: s(vaws.sts_endpoint),
                iamServerId: s(vaws.iam_server_id),
              })
            : undefined,
        })
      : undefined,
    aws: aws
      ? compact({
          region: aws.region,
          endpoint: s(aws.endpoint),
          secretPrefix: s(aws.secret_prefix),
          recoveryWindowDays: n(aws.recovery_window_days),
        })
      : undefined,
  } as Input);
}

/** The state from the API's answer; the write-only token's version comes from `base` (the API never has it). */
function toState(
  c: Config,
  base: { vault?: { token_wo_version: number | string | null } | null },
): Known<ManagerAttributes> {
  const v = c.vault;
  return {
    id: ID,
    backend: c.backend,
    effective_backend: c.effectiveBackend,
    fallback_reason: c.fallbackReason ?? null,
    fallback: c.fallback,
    cache_ttl_seconds: c.cache.ttlSeconds,
    vault: v
      ? {
          address: v.address,
          auth_method: v.authMethod,
          namespace: v.namespace ?? null,
          kv_version: v.kvVersion,
          secret_path: v.secretPath,
          secret_metadata_path: v.secretMetadataPath,
          token_wo: null,
          token_wo_version: base.vault?.token_wo_version ?? null,
          k8s: v.k8s
            ? { role: v.k8s.role, mount_point: v.k8s.mountPoint ?? null, token_path: v.k8s.tokenPath ?? null }
            : null,
          aws: v.aws
            ? {
                role: v.aws.role,
                mount_point: v.aws.mountPoint ?? null,
                region: v.aws.region ?? null,
                sts_endpoint: v.aws.stsEndpoint ?? null,
                iam_server_id: v.aws.iamServerId ?? null,
              }
            : null,
        }
      : null,
    aws: c.aws
      ? {
          region: c.aws.region,
          endpoint: c.aws.endpoint ?? null,
          secret_prefix: c.aws.secretPrefix ?? null,
          recovery_window_days: c.aws.recoveryWindowDays ?? null,
        }
      : null,
  };
}

/** The settings of a server nobody has configured (the spec's defaults, as the schema declares them). */
function isUntouched(c: Config): boolean {
  return (
    c.backend === 'DB' &&
    c.cache.ttlSeconds === secretsManagerDefaults.cache_ttl_seconds &&
    c.fallback === secretsManagerDefaults.fallback &&
    !c.vault &&
    !c.aws
  );
}

/** Whether the server already has the settings `planned` would write (unknown planned values match anything). */
function sameSettings(c: Config, planned: Planned<ManagerAttributes>): boolean {
  const same = (x: unknown, y: Value) => x === y || isUnknown(y);
  const vault = planned.vault;
  const aws = planned.aws;
  return (
    c.backend === planned.backend &&
    same(c.cache.ttlSeconds, planned.cache_ttl_seconds) &&
    same(c.fallback, planned.fallback) &&
    !!c.vault === !!vault &&
    (!vault || same(c.vault?.address, vault.address)) &&
    !!c.aws === !!aws &&
    (!aws || same(c.aws?.region, aws.region))
  );
}

function validate(config: ObjectValue): Diagnostic[] {
  const out: Diagnostic[] = [];
  const backend = config.backend;
  if ((backend === 'VAULT' || backend === 'READONLY_VAULT') && config.vault === null) {
    out.push(
      error('Missing vault settings', `backend ${backend} needs a vault block (address, auth_method).`, [
        'vault',
      ]),
    );
  }
  if (backend === 'AWS_SECRETS_MANAGER' && config.aws === null) {
    out.push(
      error('Missing aws settings', 'backend AWS_SECRETS_MANAGER needs aws = { region = ... }.', ['aws']),
    );
  }
  const vault = config.vault;
  if (isObject(vault)) {
    const method = vault.auth_method ?? 'TOKEN';
    if (method === 'K8S' && vault.k8s === null) {
      out.push(
        error(
          'Missing k8s settings',
          "auth_method K8S needs k8s = { role = ... } (Vault's Kubernetes auth role).",
          ['vault', 'k8s'],
        ),
      );
    }
    if (method === 'AWS' && vault.aws === null) {
      out.push(
        error(
          'Missing aws auth settings',
          "auth_method AWS needs aws = { role = ... } (Vault's AWS auth role).",
          ['vault', 'aws'],
        ),
      );
    }
    if (method !== 'TOKEN' && !isUnknown(method) && vault.token_wo !== null) {
      out.push(
        error(
          'Token without TOKEN auth',
          `token_wo is for auth_method TOKEN; with ${String(method)} the server logs in itself and never uses it.`,
          ['vault', 'token_wo'],
        ),
      );
    }
  }
  return out;
}

const attributes = {
  id: { type: 'string', computed: true, description: `Always "${ID}".` },
  backend: {
    type: 'string',
    required: true,
    description: BACKENDS.join(', '),
    validators: [v.oneOf(BACKENDS)],
  },
  cache_ttl_seconds: {
    type: 'number',
    optional: true,
    computed: true,
    description: 'Server-side cache TTL for resolved values (default 300; 0 disables).',
    default: secretsManagerDefaults.cache_ttl_seconds,
    validators: [v.integerBetween(0, MAX_CACHE_TTL_SECONDS)],
  },
  fallback: {
    type: 'string',
    optional: true,
    computed: true,
    description: 'ENV or NONE (default): what a read does when a remote backend fails.',
    default: secretsManagerDefaults.fallback,
    validators: [v.oneOf(FALLBACKS)],
  },
  effective_backend: {
    type: 'string',
    computed: true,
    computedPlan: 'volatile',
    description: 'The backend in use (DB when the chosen one lacks settings).',
  },
  fallback_reason: {
    type: 'string',
    computed: true,
    computedPlan: 'volatile',
    description: 'Why effective_backend differs from backend, or null.',
  },
  vault: {
    nested: { nesting: 'single', attributes: vaultAttributes },
    optional: true,
    description: 'HashiCorp Vault / OpenBao settings (VAULT, READONLY_VAULT).',
  },
  aws: {
    nested: { nesting: 'single', attributes: awsAttributes },
    optional: true,
    description: 'AWS Secrets Manager settings (AWS_SECRETS_MANAGER).',
  },
} satisfies Attributes;
type ManagerAttributes = typeof attributes;

export const secretsManagerResource: ResourceDefinition<CofferClient, ManagerAttributes> = {
  typeName: 'coffer_secrets_manager',
  schema: {
    description:
      'Where secret values live (a singleton: declare it once). Destroying it resets the server to the DB backend. Switching backends does not move existing secrets: each keeps resolving where it is stored (its storage backend) until POST /v1/secrets-manager:migrate moves it.',
    attributes,
  },

  validate: ({ config }) => validate(config),

  plan({ config, planned, prior }) {
    // Computed settings the configuration leaves out keep their prior value (the framework's rule); where the
    // server re-derives them from a changed setting, the value is not known until it answers.
    const pv = planned.vault;
    const cv = config.vault;
    if (!isObject(pv) || !isObject(cv)) return;
    const before = prior && isObject(prior.vault) ? prior.vault : null;
    if (before === null) return; // a new vault block: the framework planned them unknown
    if (cv.secret_path === null) {
      const kv = pv.kv_version;
      if (
        isUnknown(kv) ||
        typeof pv.secret_path !== 'string' ||
        pv.secret_path !== defaultSecretPath(Number(kv))
      )
        pv.secret_path = UNKNOWN;
    }
    if (cv.secret_metadata_path === null) {
      const path = pv.secret_path;
      if (
        typeof path !== 'string' ||
        typeof pv.secret_metadata_path !== 'string' ||
        pv.secret_metadata_path !== defaultMetadataPath(path)
      )
        pv.secret_metadata_path = UNKNOWN;
    }
  },

  async create({ client, config, planned }) {
    // A singleton always exists; what must not happen is a create that silently replaces settings someone
    // made (or that a state forgot after `state rm`). Untouched defaults, or the very settings planned, are fine.
    const current = await call(client, 'reading the secrets manager', () => client.sdk.secretsManager.get());
    if (!isUntouched(current) && !sameSettings(current, planned)) {
      throw new DiagnosticsError(
        error(
          'Secrets manager already configured',
          `The server's secrets manager is already configured (backend ${current.backend}, cache ` +
            `${current.cache.ttlSeconds} s, fallback ${current.fallback}${current.vault ? `, vault ${current.vault.address}` : ''}` +
            `${current.aws ? `, aws ${current.aws.region}` : ''}), and not by this state: creating this resource ` +
            'would replace those settings, so nothing was changed. To manage them here, import them first: ' +
            `tofu import <address> ${ID} (terraform import), or an import block with id = "${ID}"; the next ` +
            'plan then shows what would change.',
          ['backend'],
        ),
      );
    }
    const c = await call(
      client,
      'configuring the secrets manager',
      () => client.sdk.secretsManager.put(toInput(client, planned, config, true)),
      POINTERS,
    );
    return { state: toState(c, planned) };
  },

  async read({ client, state }) {
    const c = await call(client, 'reading the secrets manager', () => client.sdk.secretsManager.get());
    return { state: toState(c, state) };
  },

  async update({ client, config, planned, prior }) {
    // The server keeps its stored token only on an update that stays on TOKEN auth: coming from no vault block
    // or from another auth method, the token is sent again even when token_wo_version did not change.
    const sendToken =
      !prior.vault ||
      (prior.vault.auth_method ?? 'TOKEN') !== 'TOKEN' ||
      !equal(prior.vault.token_wo_version, planned.vault?.token_wo_version ?? null);
    const c = await call(
      client,
      'configuring the secrets manager',
      () => client.sdk.secretsManager.put(toInput(client, planned, config, sendToken)),
      POINTERS,
    );
    return { state: toState(c, planned) };
  },

  async delete({ client }) {
    await call(client, 'resetting the secrets manager to DB', () =>
      client.sdk.secretsManager.put({ backend: 'DB' } as Input),
    );
  },

  async importState({ client }) {
    const c = await call(client, 'reading the secrets manager', () => client.sdk.secretsManager.get());
    return { state: toState(c, {}) };
  },
};

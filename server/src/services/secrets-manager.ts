/**
 * The secrets-manager configuration: normalising a PUT body (defaults, the kept Vault token), deciding the
 * effective backend, and the response view. A remote backend whose required settings are missing falls back
 * to DB and says why (`fallbackReason`); `remote()` hands the settings and the decrypted Vault token to the
 * backend registry.
 */
import type { RemoteSettings } from '../backends/registry.ts';
import type { SecretValue } from '../crypto/secret-value.ts';
import type { StorageBackend, Store } from '../store/types.ts';

type Json = Record<string, unknown>;

export interface ManagerView {
  backend: StorageBackend;
  effectiveBackend: StorageBackend;
  fallbackReason: string | null;
  fallback: 'ENV' | 'NONE';
  cache: { ttlSeconds: number };
  vault: Json | null;
  aws: Json | null;
  warnings: string[];
  updatedAt: string | null;
}

const DEFAULT_TTL = 300;
const RELOAD_MS = 5_000;

function defaultView(): ManagerView {
  return {
    backend: 'DB',
    effectiveBackend: 'DB',
    fallbackReason: null,
    fallback: 'NONE',
    cache: { ttlSeconds: DEFAULT_TTL },
    vault: null,
    aws: null,
    warnings: [],
    updatedAt: null,
  };
}

function normaliseVault(input: Json, previous: Json | null, hasStoredToken: boolean) {
  const kvVersion = (input.kvVersion as number | undefined) ?? 2;
  const secretPath =
    (input.secretPath as string | undefined) ?? (kvVersion === 2 ? 'secret/data/coffer' : 'secret/coffer');
  const authMethod = (input.authMethod as string | undefined) ?? 'TOKEN';
  const vault: Json = {
    address: input.address,
    kvVersion,
    secretPath,
    secretMetadataPath:
      (input.secretMetadataPath as string | undefined) ?? secretPath.replace('/data/', '/metadata/'),
    authMethod,
  };
  if (input.namespace !== undefined) vault.namespace = input.namespace;
  const k8s = input.k8s as Json | undefined;
  if (k8s) {
    vault.k8s = {
      role: k8s.role,
      tokenPath: k8s.tokenPath ?? '/var/run/secrets/kubernetes.io/serviceaccount/token',
      mountPoint: k8s.mountPoint ?? 'kubernetes',
    };
  }
  const aws = input.aws as Json | undefined;
  if (aws) {
    vault.aws = { mountPoint: 'aws', region: 'us-east-1', ...aws };
  }
  // The token is kept when omitted on an update that stays on TOKEN auth.
  const keepToken =
    input.token === undefined && authMethod === 'TOKEN' && previous?.authMethod === 'TOKEN' && hasStoredToken;
  return { vault, newToken: input.token as string | undefined, keepToken };
}

function fallbackReasonOf(
  backend: StorageBackend,
  vault: Json | null,
  hasToken: boolean,
  aws: Json | null,
): string | null {
  if (backend === 'DB' || backend === 'ENV') return null;
  if (backend === 'VAULT' || backend === 'READONLY_VAULT') {
    if (!vault) return `${backend} needs the vault settings (at least vault.address); values are kept in DB.`;
    if (vault.authMethod === 'TOKEN' && !hasToken)
      return `${backend} with TOKEN auth needs vault.token; values are kept in DB.`;
    if (vault.authMethod === 'K8S' && !vault.k8s)
      return `${backend} with K8S auth needs vault.k8s.role; values are kept in DB.`;
    if (vault.authMethod === 'AWS' && !vault.aws)
      return `${backend} with AWS auth needs vault.aws.role; values are kept in DB.`;
    return null;
  }
  if (!aws) return 'AWS_SECRETS_MANAGER needs the aws settings (at least aws.region); values are kept in DB.';
  return null;
}

export class SecretsManagerState {
  readonly #store: Store;
  #view: ManagerView = defaultView();
  #tokenEnvelope: string | null = null;
  #token: SecretValue | null = null;
  #loadedAt = 0;
  constructor(store: Store) {
    this.#store = store;
  }

  /** The current configuration; re-read from the store every few seconds so replicas converge. */
  async current(): Promise<ManagerView> {
    if (Date.now() - this.#loadedAt > RELOAD_MS) await this.reload();
    return this.#view;
  }

  async reload(): Promise<ManagerView> {
    const rec = await this.#store.config.getSecretsManager();
    this.#view = rec
      ? { ...(rec.config as unknown as ManagerView), updatedAt: rec.updatedAt }
      : defaultView();
    this.#setToken(rec?.vaultTokenEnvelope ?? null);
    this.#loadedAt = Date.now();
    return this.#view;
  }

  #setToken(envelope: string | null): void {
    if (envelope === this.#tokenEnvelope) return;
    this.#tokenEnvelope = envelope;
    this.#token = envelope ? this.#store.crypto.decryptConfigToken(envelope) : null;
  }

  /** The current settings for the backend registry, with the decrypted Vault token. */
  async remote(): Promise<{ view: ManagerView; settings: RemoteSettings }> {
    const view = await this.current();
    return {
      view,
      settings: {
        vault: view.vault as unknown as RemoteSettings['vault'],
        aws: view.aws as unknown as RemoteSettings['aws'],
        vaultToken: this.#token,
      },
    };
  }

  /** Stores a validated PUT body; answers the stored view. */
  async replace(input: Json): Promise<ManagerView> {
    const before = await this.reload();
    const rec = await this.#store.config.getSecretsManager();
    const backend = input.backend as StorageBackend;
    let vault: Json | null = null;
    let tokenEnvelope: string | null = null;
    if (input.vault) {
      const n = normaliseVault(input.vault as Json, before.vault, Boolean(rec?.vaultTokenEnvelope));
      vault = n.vault;
      if (n.newToken !== undefined && vault.authMethod === 'TOKEN') {
        tokenEnvelope = this.#store.crypto.encryptConfigToken(n.newToken);
      } else if (n.keepToken) {
        tokenEnvelope = rec?.vaultTokenEnvelope ?? null;
      }
      vault.hasToken = tokenEnvelope !== null;
    }
    const aws = (input.aws as Json | undefined) ?? null;
    const fallbackReason = fallbackReasonOf(backend, vault, tokenEnvelope !== null, aws);
    const effectiveBackend: StorageBackend = fallbackReason ? 'DB' : backend;
    const warnings: string[] = [];
    if (effectiveBackend !== before.effectiveBackend || backend !== before.backend) {
      const n = await this.#store.secrets.count();
      if (n > 0) {
        warnings.push(
          `Switching backends does not migrate existing secrets: ${n} secret${n === 1 ? '' : 's'} stay where they are stored (see each secret's storage.backend).`,
        );
      }
    }
    const view: ManagerView = {
      backend,
      effectiveBackend,
      fallbackReason,
      fallback: (input.fallback as 'ENV' | 'NONE' | undefined) ?? 'NONE',
      cache: {
        ttlSeconds: ((input.cache as Json | undefined)?.ttlSeconds as number | undefined) ?? DEFAULT_TTL,
      },
      vault,
      aws,
      warnings,
      updatedAt: null,
    };
    const saved = await this.#store.config.putSecretsManager(view as unknown as Json, tokenEnvelope);
    this.#view = { ...view, updatedAt: saved.updatedAt };
    this.#setToken(tokenEnvelope);
    this.#loadedAt = Date.now();
    return this.#view;
  }
}

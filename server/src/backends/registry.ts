/**
 * Builds the remote backends from the secrets-manager settings and keeps them: one Vault session (so one
 * login, shared by every request and by VAULT and READONLY_VAULT) and one AWS client per distinct set of
 * settings. A changed setting (or token) makes a new one; the ones no longer configured are closed.
 */
import { createHash } from 'node:crypto';
import type { SecretValue } from '../crypto/secret-value.ts';
import { AwsSecretsManagerBackend } from './aws-secrets-manager.ts';
import { BackendSettingsError, type RemoteBackend, type RemoteBackendKind } from './types.ts';
import {
  type AwsCredentialsProvider,
  AwsIamAuth,
  K8sAuth,
  TokenAuth,
  type VaultAuthMethod,
  VaultSession,
} from './vault/auth.ts';
import { VaultHttp } from './vault/http.ts';
import { VaultKvBackend } from './vault/kv.ts';
import { ReadonlyVaultBackend } from './vault/readonly.ts';

export interface VaultSettingsView {
  address: string;
  namespace?: string;
  kvVersion: 1 | 2;
  secretPath: string;
  secretMetadataPath?: string;
  authMethod: 'TOKEN' | 'K8S' | 'AWS';
  k8s?: { role: string; tokenPath: string; mountPoint: string };
  aws?: { role: string; mountPoint: string; region: string; stsEndpoint?: string; iamServerId?: string };
}

export interface AwsSettingsView {
  region: string;
  endpoint?: string;
  secretPrefix?: string;
  recoveryWindowDays?: number;
}

export interface RemoteSettings {
  vault: VaultSettingsView | null;
  aws: AwsSettingsView | null;
  /** The decrypted Vault token (TOKEN auth). */
  vaultToken: SecretValue | null;
}

export interface RegistryOptions {
  /** AWS credentials instead of the standard chain (tests). */
  awsCredentials?: AwsCredentialsProvider;
  /** Vault HTTP timeout per call. */
  vaultTimeoutMs?: number;
}

interface Entry {
  backend: RemoteBackend;
  close(): Promise<void> | void;
}

const MAX_KEPT = 8;

export class BackendRegistry {
  readonly #opts: RegistryOptions;
  readonly #sessions = new Map<string, VaultSession>();
  readonly #entries = new Map<string, Entry>();

  constructor(opts: RegistryOptions = {}) {
    this.#opts = opts;
  }

  /** The backend of `kind` under `settings`; BackendSettingsError when the settings cannot make one. */
  get(kind: RemoteBackendKind, settings: RemoteSettings): RemoteBackend {
    if (kind === 'AWS_SECRETS_MANAGER') {
      const aws = settings.aws;
      if (!aws)
        throw new BackendSettingsError('AWS_SECRETS_MANAGER needs the aws settings (at least aws.region).');
      const key = `aws:${JSON.stringify(aws)}`;
      return this.#keep(key, () => {
        const b = new AwsSecretsManagerBackend(aws, this.#opts.awsCredentials);
        return { backend: b, close: () => b.close() };
      });
    }
    const vault = settings.vault;
    if (!vault) throw new BackendSettingsError(`${kind} needs the vault settings (at least vault.address).`);
    const session = this.#session(vault, settings.vaultToken);
    const key = `${kind}:${this.#sessionKey(vault, settings.vaultToken)}:${vault.kvVersion}:${vault.secretPath}:${vault.secretMetadataPath ?? ''}`;
    return this.#keep(key, () => ({
      backend:
        kind === 'VAULT'
          ? new VaultKvBackend(session, {
              kvVersion: vault.kvVersion,
              secretPath: vault.secretPath,
              secretMetadataPath: vault.secretMetadataPath,
            })
          : new ReadonlyVaultBackend(session, vault.kvVersion),
      close: () => {},
    }));
  }

  #keep(key: string, make: () => Entry): RemoteBackend {
    const hit = this.#entries.get(key);
    if (hit) return hit.backend;
    const e = make();
    this.#entries.set(key, e);
    if (this.#entries.size > MAX_KEPT) {
      const [oldest, old] = this.#entries.entries().next().value as [string, Entry];
      this.#entries.delete(oldest);
      void old.close();
    }
    return e.backend;
  }

  #sessionKey(v: VaultSettingsView, token: SecretValue | null): string {
    const auth =
      v.authMethod === 'TOKEN'
        ? createHash('sha256')
            .update(token?.reveal() ?? '')
            .digest('hex')
        : JSON.stringify(v.authMethod === 'K8S' ? v.k8s : v.aws);
    return createHash('sha256')
      .update(JSON.stringify([v.address, v.namespace ?? '', v.authMethod, auth]))
      .digest('hex')
      .slice(0, 32);
  }

  #session(v: VaultSettingsView, token: SecretValue | null): VaultSession {
    const key = this.#sessionKey(v, token);
    const hit = this.#sessions.get(key);
    if (hit) return hit;
    let method: VaultAuthMethod;
    if (v.authMethod === 'TOKEN') {
      if (!token) throw new BackendSettingsError('Vault TOKEN auth needs vault.token.');
      method = new TokenAuth(token.reveal());
    } else if (v.authMethod === 'K8S') {
      if (!v.k8s) throw new BackendSettingsError('Vault K8S auth needs vault.k8s.role.');
      method = new K8sAuth(v.k8s);
    } else {
      if (!v.aws) throw new BackendSettingsError('Vault AWS auth needs vault.aws.role.');
      method = new AwsIamAuth(v.aws, this.#opts.awsCredentials);
    }
    const http = new VaultHttp({
      address: v.address,
      namespace: v.namespace,
      label: `Vault at ${v.address}${v.namespace ? ` (namespace ${v.namespace})` : ''}`,
      timeoutMs: this.#opts.vaultTimeoutMs,
    });
    const session = new VaultSession(http, method);
    this.#sessions.set(key, session);
    if (this.#sessions.size > MAX_KEPT) {
      const [oldest, old] = this.#sessions.entries().next().value as [string, VaultSession];
      this.#sessions.delete(oldest);
      void old.http.close();
    }
    return session;
  }

  async close(): Promise<void> {
    for (const e of this.#entries.values()) await e.close();
    for (const s of this.#sessions.values()) await s.http.close();
    this.#entries.clear();
    this.#sessions.clear();
  }
}

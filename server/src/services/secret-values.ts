/**
 * Where secret values live, for every write and every resolve: one path through the backend a secret
 * records in `storage` (DB envelope, ENV name, Vault path, AWS ARN, read-only Vault reference). New secrets
 * go to the effective backend; existing ones stay where they are, whatever the configuration says now.
 *
 * Remote writes come first and the record second, so a backend that is down (BackendUnavailableError, 503)
 * leaves nothing behind; `undo` removes a remote value whose record could not be written. A crash between
 * the two leaves a value no record owns, which the next create of the same secret takes over (vault/kv.ts,
 * aws-secrets-manager.ts).
 */
import type { EnvBackend } from '../backends/env.ts';
import type { BackendRegistry, RemoteSettings } from '../backends/registry.ts';
import {
  BackendInputError,
  BackendSettingsError,
  BackendUnavailableError,
  type RemoteBackend,
  type RemoteBackendKind,
  type SecretLocation,
  type SecretOwner,
  type StoredRef,
} from '../backends/types.ts';
import type { ReadonlyVaultBackend } from '../backends/vault/readonly.ts';
import { SecretValue } from '../crypto/secret-value.ts';
import type { SecretRecord, StorageBackend, Store } from '../store/types.ts';
import type { SecretsManagerState } from './secrets-manager.ts';

export interface Placement {
  storageBackend: StorageBackend;
  storageReference: string | null;
  storageRemoteVersion: string | null;
  valueEnvelope: string | null;
  vaultRef: string | null;
  /** Removes what was written remotely, when the record could not be written after all. */
  undo(): Promise<void>;
}

export type ReadOutcome =
  | { kind: 'value'; value: SecretValue }
  | { kind: 'fallback'; value: SecretValue; detail: string }
  | { kind: 'missing'; detail: string | null };

const REMOTE: ReadonlySet<StorageBackend> = new Set(['VAULT', 'READONLY_VAULT', 'AWS_SECRETS_MANAGER']);

export function isRemote(backend: StorageBackend): backend is RemoteBackendKind {
  return REMOTE.has(backend);
}

function ownerOf(rec: Pick<SecretRecord, 'id' | 'scopeType' | 'scopeId' | 'name'>): SecretOwner {
  return { id: rec.id, scopeType: rec.scopeType, scopeId: rec.scopeId, name: rec.name };
}

function refOf(rec: SecretRecord): StoredRef {
  return { reference: rec.storageReference ?? rec.vaultRef ?? '', remoteVersion: rec.storageRemoteVersion };
}

export class SecretValues {
  readonly #store: Store;
  readonly #manager: SecretsManagerState;
  readonly #registry: BackendRegistry;
  readonly #env: EnvBackend;

  constructor(store: Store, manager: SecretsManagerState, registry: BackendRegistry, env: EnvBackend) {
    this.#store = store;
    this.#manager = manager;
    this.#registry = registry;
    this.#env = env;
  }

  /** The backend for `kind` under the current settings; a 503-class error when the settings cannot make one. */
  async backend(kind: RemoteBackendKind, settings?: RemoteSettings): Promise<RemoteBackend> {
    const s = settings ?? (await this.#manager.remote()).settings;
    try {
      return this.#registry.get(kind, s);
    } catch (err) {
      if (err instanceof BackendSettingsError) {
        throw new BackendUnavailableError(
          kind,
          `${err.message} The settings were changed after this secret was stored.`,
          {
            retryAfterSeconds: 30,
          },
        );
      }
      throw err;
    }
  }

  /**
   * Stores the value of a new DB, VAULT or AWS_SECRETS_MANAGER secret; `row` carries the scope's organization
   * and team, which decide the remote path (backends/layout.ts).
   */
  async place(backend: StorageBackend, row: SecretOwner | SecretLocation, value: string): Promise<Placement> {
    if (backend === 'DB') {
      return {
        storageBackend: 'DB',
        storageReference: null,
        storageRemoteVersion: null,
        valueEnvelope: this.#store.crypto.encryptSecretValue(value, row),
        vaultRef: null,
        undo: async () => {},
      };
    }
    if (backend !== 'VAULT' && backend !== 'AWS_SECRETS_MANAGER') {
      throw new Error(`place() does not write to ${backend}`);
    }
    if (!('organizationId' in row)) throw new Error(`a ${backend} value needs its scope's organization`);
    const b = await this.backend(backend);
    const ref = await b.write(row, new SecretValue(value));
    return {
      storageBackend: backend,
      storageReference: ref.reference,
      storageRemoteVersion: ref.remoteVersion,
      valueEnvelope: null,
      vaultRef: null,
      // Only if it is still this create's value: a concurrent create of the same name that won keeps its own.
      undo: () => b.discard(row, ref).catch(() => {}),
    };
  }

  /** A READONLY_VAULT reference, checked against Vault (BackendInputError on /vaultRef when it is not there). */
  async placeReference(vaultRef: string): Promise<Placement> {
    const b = (await this.backend('READONLY_VAULT')) as ReadonlyVaultBackend;
    const ref = await b.validate(vaultRef);
    return {
      storageBackend: 'READONLY_VAULT',
      storageReference: ref.reference,
      storageRemoteVersion: null,
      valueEnvelope: null,
      vaultRef,
      undo: async () => {},
    };
  }

  /** A new value for an existing secret, where it lives: the patch fields to record. */
  async rotate(
    rec: SecretRecord,
    value: string,
  ): Promise<{ valueEnvelope?: string; storageReference?: string; storageRemoteVersion?: string | null }> {
    if (rec.storageBackend === 'DB')
      return { valueEnvelope: this.#store.crypto.encryptSecretValue(value, rec) };
    if (rec.storageBackend === 'VAULT' || rec.storageBackend === 'AWS_SECRETS_MANAGER') {
      const b = await this.backend(rec.storageBackend);
      const ref = await b.write(ownerOf(rec), new SecretValue(value), refOf(rec));
      return { storageReference: ref.reference, storageRemoteVersion: ref.remoteVersion };
    }
    throw new BackendInputError(
      rec.storageBackend,
      `a ${rec.storageBackend} secret has no value to rotate`,
      '/value',
    );
  }

  /** Removes the remote value before the record goes (a backend that is down: 503, nothing removed). */
  async remove(rec: SecretRecord): Promise<void> {
    if (rec.storageBackend === 'VAULT' || rec.storageBackend === 'AWS_SECRETS_MANAGER') {
      const b = await this.backend(rec.storageBackend);
      await b.delete(refOf(rec));
    }
  }

  /**
   * The value of `rec` for a resolve. A remote failure falls back to the allowed environment when the
   * configuration says `fallback: ENV` and the name is there; otherwise it is the BackendUnavailableError.
   */
  async read(rec: SecretRecord, fallback: 'ENV' | 'NONE', settings?: RemoteSettings): Promise<ReadOutcome> {
    if (rec.storageBackend === 'ENV') {
      // The allow-list is checked here too: a row bound before (or against) the rule resolves nothing.
      const v = this.#env.read(rec.name);
      return v ? { kind: 'value', value: v } : { kind: 'missing', detail: null };
    }
    if (rec.storageBackend === 'DB') {
      if (!rec.valueEnvelope) return { kind: 'missing', detail: null };
      return { kind: 'value', value: this.#store.crypto.decryptSecretValue(rec.valueEnvelope, rec) };
    }
    try {
      const b = await this.backend(rec.storageBackend as RemoteBackendKind, settings);
      const r = await b.read(refOf(rec));
      return r.found ? { kind: 'value', value: r.value } : { kind: 'missing', detail: r.reason };
    } catch (err) {
      if (!(err instanceof BackendUnavailableError) || fallback !== 'ENV') throw err;
      const v = this.#env.read(rec.name);
      if (!v) throw err;
      return {
        kind: 'fallback',
        value: v,
        detail: `${err.backend} failed; read from the server environment`,
      };
    }
  }
}

/**
 * The READONLY_VAULT backend: a secret is a reference `path#key` to a field of a KV secret that someone else
 * manages. Coffer reads it (the current version, since its owner rotates it), and never writes or deletes in
 * Vault: `write` refuses and `delete` only forgets the reference.
 *
 * `path` is the API path of the KV secret as Vault serves it: on a KV v2 mount it includes `data/`
 * (`secret/data/payments/stripe#api_key`), like `secretPath`; on KV v1 it is the plain path. The configured
 * `kvVersion` says which answer shape to read.
 */
import { SecretValue } from '../../crypto/secret-value.ts';
import {
  BackendInputError,
  type CheckResult,
  type ReadResult,
  type RemoteBackend,
  type StoredRef,
} from '../types.ts';
import type { VaultSession } from './auth.ts';

const REF = /^([A-Za-z0-9_./-]+)#([A-Za-z0-9_.-]+)$/;

export function parseVaultRef(ref: string): { path: string; key: string } | null {
  const m = REF.exec(ref);
  if (!m?.[1] || !m[2]) return null;
  const path = m[1].replace(/^\/+|\/+$/g, '');
  if (path === '' || path.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return null;
  return { path, key: m[2] };
}

export class ReadonlyVaultBackend implements RemoteBackend {
  readonly kind = 'READONLY_VAULT' as const;
  readonly label: string;
  readonly #session: VaultSession;
  readonly #kvVersion: 1 | 2;

  constructor(session: VaultSession, kvVersion: 1 | 2) {
    this.#session = session;
    this.#kvVersion = kvVersion;
    this.label = session.http.label;
  }

  get session(): VaultSession {
    return this.#session;
  }

  async write(): Promise<StoredRef> {
    throw new BackendInputError(
      this.label,
      'READONLY_VAULT never writes to Vault: give vaultRef, not value',
      '/value',
    );
  }

  /** Checks that `vaultRef` names an existing field (BackendInputError on /vaultRef otherwise). */
  async validate(vaultRef: string): Promise<StoredRef> {
    const parsed = parseVaultRef(vaultRef);
    if (!parsed)
      throw new BackendInputError(
        this.label,
        'vaultRef must be path#key with a plain Vault path',
        '/vaultRef',
      );
    const r = await this.read({ reference: vaultRef, remoteVersion: null });
    if (!r.found) throw new BackendInputError(this.label, r.reason, '/vaultRef');
    return { reference: vaultRef, remoteVersion: r.remoteVersion };
  }

  async read(ref: StoredRef): Promise<ReadResult> {
    const parsed = parseVaultRef(ref.reference);
    if (!parsed) return { found: false, reason: `${ref.reference} is not a path#key reference` };
    const a = await this.#session.withToken((token) =>
      this.#session.http.call('GET', parsed.path, { token, accept: [404] }),
    );
    if (a.status === 404) return { found: false, reason: `${parsed.path} is not in Vault` };
    const outer = (a.json?.data ?? null) as Record<string, unknown> | null;
    const fields = (this.#kvVersion === 2 ? outer?.data : outer) as
      | Record<string, unknown>
      | null
      | undefined;
    if (!fields) return { found: false, reason: `${parsed.path} is deleted in Vault` };
    if (!Object.hasOwn(fields, parsed.key)) {
      return { found: false, reason: `${parsed.path} has no field ${parsed.key}` };
    }
    const value = fields[parsed.key];
    if (typeof value !== 'string') {
      return { found: false, reason: `field ${parsed.key} of ${parsed.path} is not a string` };
    }
    const version = (outer?.metadata as { version?: unknown } | undefined)?.version;
    return {
      found: true,
      value: new SecretValue(value),
      remoteVersion: this.#kvVersion === 2 && typeof version === 'number' ? String(version) : null,
    };
  }

  /** Forgetting a reference never touches Vault. */
  async delete(): Promise<void> {}

  async discard(): Promise<void> {}

  async check(): Promise<CheckResult> {
    await this.#session.token();
    return { secretCount: null };
  }
}

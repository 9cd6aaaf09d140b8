/**
 * The one small interface every remote backend implements (Vault / OpenBao KV, read-only Vault references,
 * AWS Secrets Manager), and the errors they raise. Values cross it only as SecretValue, which never prints;
 * errors carry what failed and where (backend, operation, HTTP status, the remote's error code), never a
 * value, a token or a response body.
 */
import type { SecretValue } from '../crypto/secret-value.ts';

export type RemoteBackendKind = 'VAULT' | 'READONLY_VAULT' | 'AWS_SECRETS_MANAGER';

/** Whose value it is: the secret's id marks the value as Coffer's (Vault's `coffer_secret_id`, AWS's tag). */
export interface SecretOwner {
  id: string;
  scopeType: 'organization' | 'team' | 'workspace';
  scopeId: string;
  name: string;
}

/**
 * Where a new value goes: the owner plus the scope's place in the tenancy hierarchy (layout.ts), its
 * organization and, for a team or a workspace, its team (the team itself for a team; null for a workspace
 * directly in its organization and for an organization).
 */
export interface SecretLocation extends SecretOwner {
  organizationId: string;
  teamId: string | null;
}

/** Where a value lives remotely: `reference` is the Vault path or AWS ARN, never the value. */
export interface StoredRef {
  reference: string;
  /** KV v2 version or AWS version id of the value Coffer wrote; null where the backend has no versions. */
  remoteVersion: string | null;
}

export type ReadResult =
  | { found: true; value: SecretValue; remoteVersion: string | null }
  /** `reason` says why, for the read audit ("version 3 was deleted in Vault"); it never holds a value. */
  | { found: false; reason: string };

export interface CheckResult {
  /** Secrets under Coffer's prefix (null when the backend cannot count them cheaply). */
  secretCount: number | null;
}

export interface RemoteBackend {
  readonly kind: RemoteBackendKind;
  /** The name used in errors and problem details ("Vault at http://...", "AWS Secrets Manager (eu-west-1)"). */
  readonly label: string;
  /**
   * Creates (`previous` undefined: at the layout path of `loc`) or rotates the value (at `previous.reference`,
   * wherever the secret was first written). A rotation is conditional on `previous` being what the backend
   * holds (KV v2 check-and-set): a value written by someone else meanwhile raises BackendConflictError and is
   * not overwritten.
   */
  write(loc: SecretLocation, value: SecretValue): Promise<StoredRef>;
  write(loc: SecretOwner, value: SecretValue, previous: StoredRef): Promise<StoredRef>;
  /** The value at `ref` (the version recorded when there is one), or why it is not there. */
  read(ref: StoredRef): Promise<ReadResult>;
  /** Removes the value and every version of it; a value already gone is not an error. */
  delete(ref: StoredRef): Promise<void>;
  /**
   * Takes back what a create wrote when its record could not be written: removes the value at `ref` only
   * if it is still the one this create wrote for `loc` (a concurrent create that won keeps its value).
   */
  discard(loc: SecretOwner, ref: StoredRef): Promise<void>;
  /**
   * Connects and authenticates; with `count` (the default) also counts Coffer's secrets where it can.
   * Readiness asks without: one request proves the backend answers, a count may take many.
   */
  check(opts?: { count?: boolean }): Promise<CheckResult>;
}

/** The backend could not be reached or refused to work (network, 5xx, sealed, login failed, denied). */
export class BackendUnavailableError extends Error {
  readonly backend: string;
  readonly retryAfterSeconds: number;
  readonly status: number | null;
  /** Logged in, but the policy does not allow the path (not a failed login, not an outage). */
  readonly denied: boolean;
  constructor(
    backend: string,
    message: string,
    opts: { status?: number | null; retryAfterSeconds?: number; denied?: boolean } = {},
  ) {
    super(`${backend}: ${message}`);
    this.name = 'BackendUnavailableError';
    this.backend = backend;
    this.status = opts.status ?? null;
    this.retryAfterSeconds = opts.retryAfterSeconds ?? 5;
    this.denied = opts.denied ?? false;
  }
}

/** A conditional write lost: the remote value changed outside Coffer (or a value Coffer did not write is there). */
export class BackendConflictError extends Error {
  readonly backend: string;
  constructor(backend: string, message: string) {
    super(`${backend}: ${message}`);
    this.name = 'BackendConflictError';
    this.backend = backend;
  }
}

/** The request is wrong for this backend (a reference that does not exist, a value that is not a string). */
export class BackendInputError extends Error {
  readonly backend: string;
  readonly pointer: string | null;
  constructor(backend: string, message: string, pointer: string | null = null) {
    super(`${backend}: ${message}`);
    this.name = 'BackendInputError';
    this.backend = backend;
    this.pointer = pointer;
  }
}

/** A setting the backend needs is missing or unusable (reported as the configuration's fallbackReason). */
export class BackendSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendSettingsError';
  }
}

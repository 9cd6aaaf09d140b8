/**
 * The VAULT backend: values in a Vault (or OpenBao) KV engine, version 1 or 2.
 *
 * A secret lives at `{secretPath}/{layoutPath}` (layout.ts) as `{ value, coffer_secret_id }`; the id marks
 * the value as Coffer's. `storage.reference` is that full API path; `remoteVersion` is the KV v2 version
 * Coffer wrote (null on v1). Reads ask for exactly that version, so a version written behind Coffer's back
 * never resolves in its place.
 *
 * KV v2: writes are check-and-set. A create uses `cas: 0` (nothing may be there); a rotation uses the version
 * Coffer recorded. When check-and-set fails, the value there decides:
 *   - written by Coffer for this same secret (a rotation whose record update was lost): superseded;
 *   - on a create, written by Coffer more than ORPHAN_AGE_MS ago (a create whose record was never written:
 *     a crash between the two, or a failed clean-up): superseded, the reconciliation of half-done creates;
 *   - anything else (another writer, a concurrent create): BackendConflictError, nothing overwritten.
 * Lists and deletes go through `secretMetadataPath`; a delete removes every version.
 * KV v1 has no versions and no check-and-set: a create refuses to replace a value that is not an orphan of
 * Coffer's (checked by a read just before, so not atomic), a rotation replaces the value.
 */
import { SecretValue } from '../../crypto/secret-value.ts';
import { joinPath, LAYOUT_MAX_DEPTH, layoutPath } from '../layout.ts';
import {
  BackendConflictError,
  BackendUnavailableError,
  type CheckResult,
  type ReadResult,
  type RemoteBackend,
  type SecretLocation,
  type SecretOwner,
  type StoredRef,
} from '../types.ts';
import type { VaultSession } from './auth.ts';

export interface VaultKvSettings {
  kvVersion: 1 | 2;
  secretPath: string;
  /** KV v2 only: where lists and deletes go (derived from secretPath when not set). */
  secretMetadataPath?: string | undefined;
  /** How old an unowned Coffer value must be before a create takes it over (default ORPHAN_AGE_MS). */
  orphanAgeMs?: number;
}

export const MARKER = 'coffer_secret_id';
export const ORPHAN_AGE_MS = 60_000;
/** At most this many LIST calls per count (one per folder), this many at a time. */
const MAX_COUNT_CALLS = 2_000;
const COUNT_CONCURRENCY = 8;

/** The KV v2 metadata path for a data path, as the settings say (or by swapping `/data/` for `/metadata/`). */
export function metadataPathOf(
  dataPath: string,
  secretPath: string,
  secretMetadataPath: string | undefined,
): string {
  const meta = secretMetadataPath ?? secretPath.replace('/data/', '/metadata/');
  if (dataPath === secretPath) return meta;
  if (dataPath.startsWith(`${secretPath}/`)) return `${meta}${dataPath.slice(secretPath.length)}`;
  // Written under an earlier secretPath: that path's own convention.
  return dataPath.replace('/data/', '/metadata/');
}

/** The default secretPath of a KV version (what the configuration fills in when secretPath is not given). */
export function defaultSecretPath(kvVersion: 1 | 2): string {
  return kvVersion === 2 ? 'secret/data/coffer' : 'secret/coffer';
}

interface Current {
  version: number | null;
  marker: string | null;
  createdAt: number | null;
}

export class VaultKvBackend implements RemoteBackend {
  readonly kind = 'VAULT' as const;
  readonly label: string;
  readonly #session: VaultSession;
  readonly #s: VaultKvSettings;

  constructor(session: VaultSession, settings: VaultKvSettings) {
    this.#session = session;
    this.#s = settings;
    this.label = session.http.label;
  }

  get session(): VaultSession {
    return this.#session;
  }

  pathOf(loc: SecretLocation): string {
    return joinPath(this.#s.secretPath, layoutPath(loc));
  }

  #metaPath(dataPath: string): string {
    return metadataPathOf(dataPath, this.#s.secretPath, this.#s.secretMetadataPath);
  }

  write(loc: SecretLocation, value: SecretValue): Promise<StoredRef>;
  write(loc: SecretOwner, value: SecretValue, previous: StoredRef): Promise<StoredRef>;
  async write(loc: SecretOwner, value: SecretValue, previous?: StoredRef): Promise<StoredRef> {
    // A create goes to the layout path; a rotation stays where the secret was first written.
    const path = previous ? previous.reference : this.pathOf(loc as SecretLocation);
    const data = { value: value.reveal(), [MARKER]: loc.id };
    // A rotation follows the secret's own engine (a v2 secret has a version), whatever kvVersion says now.
    const v2 = previous ? previous.remoteVersion !== null : this.#s.kvVersion === 2;
    if (!v2) return this.#writeV1(path, data, previous);
    let cas = previous ? Number(previous.remoteVersion ?? 0) : 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      const a = await this.#session.withToken((token) =>
        this.#session.http.call('POST', path, { token, body: { data, options: { cas } }, accept: [400] }),
      );
      if (a.status === 200) {
        const v = (a.json?.data as { version?: unknown } | undefined)?.version;
        if (typeof v !== 'number') {
          throw new BackendUnavailableError(
            this.label,
            `write ${path}: Vault's answer has no version (is ${this.#s.secretPath} a KV v2 mount?)`,
          );
        }
        return { reference: path, remoteVersion: String(v) };
      }
      if (!a.errors.some((e) => /check-and-set/i.test(e))) {
        throw new BackendUnavailableError(
          this.label,
          `write ${path}: Vault answered 400: ${a.errors.join('; ')}`,
          {
            status: 400,
          },
        );
      }
      if (attempt === 1) break;
      const cur = await this.#currentV2(path);
      if (!this.#mayReplace(loc, cur, previous !== undefined)) throw this.#conflict(path, cur, previous);
      cas = cur.version ?? 0;
    }
    throw new BackendConflictError(
      this.label,
      `${path} changed again while Coffer was writing it; try again`,
    );
  }

  #mayReplace(loc: SecretOwner, cur: Current, rotation: boolean): boolean {
    if (cur.marker === loc.id) return true;
    if (rotation) return false;
    // A create meeting a value of Coffer's that no record owns (the caller checked the name is free).
    return (
      cur.marker !== null &&
      cur.createdAt !== null &&
      Date.now() - cur.createdAt > (this.#s.orphanAgeMs ?? ORPHAN_AGE_MS)
    );
  }

  #conflict(path: string, cur: Current, previous: StoredRef | undefined): BackendConflictError {
    if (previous) {
      return new BackendConflictError(
        this.label,
        `${path} is at version ${cur.version ?? 'unknown'}, not the version ${previous.remoteVersion ?? 'unknown'} Coffer wrote: someone else changed it in Vault; Coffer did not overwrite it`,
      );
    }
    return new BackendConflictError(
      this.label,
      cur.marker === null
        ? `a value Coffer did not write is already at ${path}; Coffer did not overwrite it`
        : `a secret of the same name is being created at ${path} at the same time; try again`,
    );
  }

  async #currentV2(path: string): Promise<Current> {
    const meta = await this.#session.withToken((token) =>
      this.#session.http.call('GET', this.#metaPath(path), { token, accept: [404] }),
    );
    if (meta.status === 404) return { version: null, marker: null, createdAt: null };
    const md = (meta.json?.data ?? {}) as {
      current_version?: number;
      versions?: Record<string, { created_time?: string; deletion_time?: string; destroyed?: boolean }>;
    };
    const version = typeof md.current_version === 'number' ? md.current_version : null;
    const info = version !== null ? md.versions?.[String(version)] : undefined;
    const createdAt = info?.created_time ? Date.parse(info.created_time) : null;
    let marker: string | null = null;
    if (version !== null && !info?.destroyed && !info?.deletion_time) {
      const d = await this.#session.withToken((token) =>
        this.#session.http.call('GET', path, { token, query: { version: String(version) }, accept: [404] }),
      );
      const inner = (d.json?.data as { data?: Record<string, unknown> } | undefined)?.data;
      if (typeof inner?.[MARKER] === 'string') marker = inner[MARKER] as string;
    }
    return { version, marker, createdAt };
  }

  async #writeV1(
    path: string,
    data: Record<string, string>,
    previous: StoredRef | undefined,
  ): Promise<StoredRef> {
    if (!previous) {
      const a = await this.#session.withToken((token) =>
        this.#session.http.call('GET', path, { token, accept: [404] }),
      );
      if (a.status === 200) {
        const inner = (a.json?.data ?? {}) as Record<string, unknown>;
        const marker = typeof inner[MARKER] === 'string' ? (inner[MARKER] as string) : null;
        // KV v1 keeps no creation time: a Coffer value no record owns is an orphan (the caller checked the name).
        if (marker === null) {
          throw new BackendConflictError(
            this.label,
            `a value Coffer did not write is already at ${path}; Coffer did not overwrite it`,
          );
        }
      }
    }
    await this.#session.withToken((token) => this.#session.http.call('POST', path, { token, body: data }));
    return { reference: path, remoteVersion: null };
  }

  async read(ref: StoredRef): Promise<ReadResult> {
    // A KV v2 secret always has a recorded version; v1 secrets have none.
    const v2 = ref.remoteVersion !== null;
    const query: Record<string, string> = ref.remoteVersion !== null ? { version: ref.remoteVersion } : {};
    const a = await this.#session.withToken((token) =>
      this.#session.http.call('GET', ref.reference, { token, query, accept: [404] }),
    );
    if (a.status === 404) {
      return {
        found: false,
        reason: v2
          ? `version ${ref.remoteVersion} of ${ref.reference} is not in Vault (deleted or destroyed there)`
          : `${ref.reference} is not in Vault`,
      };
    }
    const data = (
      v2
        ? (a.json?.data as { data?: unknown } | undefined)?.data
        : (a.json?.data as Record<string, unknown> | undefined)
    ) as Record<string, unknown> | null | undefined;
    const value = data?.value;
    if (typeof value !== 'string') {
      return { found: false, reason: `${ref.reference} holds no string "value" field` };
    }
    return { found: true, value: new SecretValue(value), remoteVersion: ref.remoteVersion };
  }

  async delete(ref: StoredRef): Promise<void> {
    const path = ref.remoteVersion !== null ? this.#metaPath(ref.reference) : ref.reference;
    await this.#session.withToken((token) =>
      this.#session.http.call('DELETE', path, { token, accept: [404] }),
    );
  }

  async discard(loc: SecretOwner, ref: StoredRef): Promise<void> {
    if (ref.remoteVersion !== null) {
      const cur = await this.#currentV2(ref.reference);
      if (cur.marker !== loc.id || String(cur.version) !== ref.remoteVersion) return;
    } else {
      const a = await this.#session.withToken((token) =>
        this.#session.http.call('GET', ref.reference, { token, accept: [404] }),
      );
      if ((a.json?.data as Record<string, unknown> | undefined)?.[MARKER] !== loc.id) return;
    }
    await this.delete(ref);
  }

  /**
   * Logs in and counts the secrets under the prefix: a walk of every folder below it (organization ids are
   * not known in advance; the earlier `{scopeType}/...` roots are folders like any other), one LIST per
   * folder, COUNT_CONCURRENCY at a time, no deeper than the layout goes. Past MAX_COUNT_CALLS folders, or
   * when the policy may not list the prefix, the count is null: logged in is what the check is about.
   * Without `count`, one LIST of the prefix shows Vault answers (a cached token alone would not).
   */
  async check({ count: counting = true }: { count?: boolean } = {}): Promise<CheckResult> {
    await this.#session.token();
    const base =
      this.#s.kvVersion === 2
        ? (this.#s.secretMetadataPath ?? this.#s.secretPath.replace('/data/', '/metadata/'))
        : this.#s.secretPath;
    const list = async (path: string): Promise<string[]> => {
      const a = await this.#session.withToken((token) =>
        this.#session.http.call('GET', path, { token, query: { list: 'true' }, accept: [404] }),
      );
      const keys = (a.json?.data as { keys?: unknown } | undefined)?.keys;
      return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [];
    };
    let count = 0;
    let calls = 0;
    try {
      if (!counting) {
        await list(base);
        return { secretCount: null };
      }
      // Level by level (the layout is at most LAYOUT_MAX_DEPTH deep), COUNT_CONCURRENCY lists at a time.
      let level = [base];
      for (let depth = 1; depth <= LAYOUT_MAX_DEPTH && level.length > 0; depth++) {
        calls += level.length;
        if (calls > MAX_COUNT_CALLS) throw new Error('too many folders');
        const next: string[] = [];
        for (let i = 0; i < level.length; i += COUNT_CONCURRENCY) {
          const batch = level.slice(i, i + COUNT_CONCURRENCY);
          const listed = await Promise.all(batch.map((path) => list(path)));
          listed.forEach((keys, j) => {
            for (const key of keys) {
              if (!key.endsWith('/')) count += 1;
              else next.push(joinPath(batch[j] as string, key.slice(0, -1)));
            }
          });
        }
        level = next;
      }
      return { secretCount: count };
    } catch (err) {
      // A policy that grants one team's prefix only may not list the prefix: logged in is what counts.
      if (err instanceof BackendUnavailableError && !err.denied) throw err;
      return { secretCount: null };
    }
  }
}

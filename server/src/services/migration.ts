/**
 * `POST /v1/secrets-manager:migrate`: moves every secret whose `storage.backend` is not the effective backend
 * into it, one secret at a time, each verified before it switches:
 *
 *   1. read the value where the secret records it (the DB envelope, its Vault path and version, its ARN);
 *   2. write it to the effective backend as a create would (the layout path of its scope today);
 *   3. read it back from there and compare;
 *   4. switch the record's `storage` (and drop its DB envelope), conditional on the record's revision: a
 *      secret rotated or edited meanwhile is not switched to a stale copy (it stays and is counted as
 *      remaining; a re-run moves it);
 *   5. only when asked (`deleteSource`), delete the value at the old remote reference.
 *
 * A secret switches only after its value was verified in the new place, so the migration can stop anywhere
 * (a backend down: BackendUnavailableError, answered 503 naming it with what was moved) and a re-run
 * continues with what is left. A copy written but never recorded (stopped between 2 and 4) is Coffer's own,
 * marked with the secret's id: the re-run's create takes it over (vault/kv.ts, aws-secrets-manager.ts).
 *
 * READONLY_VAULT and ENV secrets are references to values Coffer does not own: they are skipped, and the
 * answer says so. The value never leaves this module except into the target backend.
 */
import type { RemoteSettings } from '../backends/registry.ts';
import {
  BackendConflictError,
  BackendUnavailableError,
  type RemoteBackend,
  type StoredRef,
} from '../backends/types.ts';
import { SecretValue } from '../crypto/secret-value.ts';
import type { NewAuditEvent, SecretPatch, SecretRecord, StorageBackend, Store } from '../store/types.ts';
import type { Directory } from './directory.ts';
import { isRemote, type SecretValues } from './secret-values.ts';
import type { SecretsManagerState } from './secrets-manager.ts';

export interface MigrationOptions {
  /** Count what would move; write nothing. */
  dryRun: boolean;
  /** Delete the value at the old remote reference once the secret switched (DB envelopes always go). */
  deleteSource: boolean;
}

export interface MigrationSkip {
  id: string;
  backend: StorageBackend;
  reason: string;
}

export interface MigrationResult {
  backend: StorageBackend;
  dryRun: boolean;
  moved: number;
  remaining: number;
  skipped: MigrationSkip[];
  /** Old remote values deleted (deleteSource). */
  sourcesDeleted: number;
  /** Old remote values that could not be deleted after their secret switched (they stay; delete them there). */
  sourcesKept: { id: string; backend: StorageBackend; reference: string; reason: string }[];
}

/** The audit events the migration writes: one per switched secret, one for the run. */
export interface MigrationAudit {
  secretMoved(
    rec: SecretRecord,
    organizationId: string,
    from: StorageBackend,
    to: StorageBackend,
  ): NewAuditEvent;
  run(details: Record<string, unknown>): NewAuditEvent;
}

/** Nothing can be migrated into the effective backend (it holds references, not values). */
export class MigrationTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationTargetError';
  }
}

const REFERENCES: ReadonlySet<StorageBackend> = new Set(['READONLY_VAULT', 'ENV']);
const PAGE = 200;

function refOf(rec: SecretRecord): StoredRef {
  return { reference: rec.storageReference ?? rec.vaultRef ?? '', remoteVersion: rec.storageRemoteVersion };
}

/** The message of a backend error without its `backend: ` prefix (the error is rebuilt around it). */
function messageOf(err: BackendUnavailableError): string {
  const prefix = `${err.backend}: `;
  return err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
}

export class Migration {
  readonly #store: Store;
  readonly #manager: SecretsManagerState;
  readonly #values: SecretValues;
  readonly #directory: Directory;
  /** One run at a time in this process (replicas are not coordinated: run it on one). */
  static #running: Promise<unknown> = Promise.resolve();

  constructor(store: Store, manager: SecretsManagerState, values: SecretValues, directory: Directory) {
    this.#store = store;
    this.#manager = manager;
    this.#values = values;
    this.#directory = directory;
  }

  run(opts: MigrationOptions, audit: MigrationAudit): Promise<MigrationResult> {
    const next = Migration.#running.then(
      () => this.#run(opts, audit),
      () => this.#run(opts, audit),
    );
    Migration.#running = next.catch(() => {});
    return next;
  }

  async #run(opts: MigrationOptions, audit: MigrationAudit): Promise<MigrationResult> {
    // The configuration as stored now (another replica may have changed it a moment ago).
    await this.#manager.reload();
    const { view, settings } = await this.#manager.remote();
    const target = view.effectiveBackend;
    if (REFERENCES.has(target)) {
      throw new MigrationTargetError(
        `The effective backend is ${target}, which holds references, not values: nothing can be migrated into it.`,
      );
    }
    const result: MigrationResult = {
      backend: target,
      dryRun: opts.dryRun,
      moved: 0,
      remaining: 0,
      skipped: [],
      sourcesDeleted: 0,
      sourcesKept: [],
    };
    const pending: SecretRecord[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.#store.secrets.list({ limit: PAGE, cursor });
      for (const rec of page.items) {
        if (rec.storageBackend === target) continue;
        if (REFERENCES.has(rec.storageBackend)) {
          result.skipped.push({
            id: rec.id,
            backend: rec.storageBackend,
            reason:
              rec.storageBackend === 'ENV'
                ? `an ENV secret names a variable of the server's environment (${rec.name}); there is no value to move`
                : `a READONLY_VAULT secret is a reference to ${rec.vaultRef ?? 'a Vault path'} that Coffer does not own; it stays a reference`,
          });
        } else pending.push(rec);
      }
      cursor = page.nextCursor;
    } while (cursor);
    if (opts.dryRun) {
      result.remaining = pending.length;
      await this.#store.audit.appendEvent(audit.run(this.#details(result, opts)));
      return result;
    }

    let left = pending.length;
    try {
      const into =
        target === 'VAULT' || target === 'AWS_SECRETS_MANAGER'
          ? await this.#values.backend(target, settings)
          : null;
      for (const rec of pending) {
        const outcome = await this.#moveOne(rec, target, into, settings, opts, audit, result);
        if (outcome === 'moved') {
          result.moved += 1;
          left -= 1;
        } else if (outcome !== 'left') left -= 1;
      }
    } catch (err) {
      if (!(err instanceof BackendUnavailableError)) throw err;
      await this.#store.audit
        .appendEvent(
          audit.run({
            ...this.#details({ ...result, remaining: left }, opts),
            failed: err.backend,
          }),
        )
        .catch(() => {});
      throw new BackendUnavailableError(
        err.backend,
        `${messageOf(err)}; the migration to ${target} stopped after moving ${result.moved} secret${result.moved === 1 ? '' : 's'}, ${left} remain: run it again to continue`,
        { status: err.status, retryAfterSeconds: err.retryAfterSeconds, denied: err.denied },
      );
    }
    result.remaining = left;
    await this.#store.audit.appendEvent(audit.run(this.#details(result, opts)));
    return result;
  }

  #details(r: MigrationResult, opts: MigrationOptions): Record<string, unknown> {
    return {
      backend: r.backend,
      dryRun: opts.dryRun,
      deleteSource: opts.deleteSource,
      moved: r.moved,
      remaining: r.remaining,
      skipped: r.skipped.length,
      sourcesDeleted: r.sourcesDeleted,
    };
  }

  /**
   * 'moved', 'skipped' (recorded in result.skipped), 'left' (changed meanwhile: a re-run takes it) or 'gone'
   * (deleted meanwhile, or moved by another run: nothing left to move).
   */
  async #moveOne(
    rec: SecretRecord,
    target: StorageBackend,
    into: RemoteBackend | null,
    settings: RemoteSettings,
    opts: MigrationOptions,
    audit: MigrationAudit,
    result: MigrationResult,
  ): Promise<'moved' | 'skipped' | 'left' | 'gone'> {
    const skip = (reason: string): 'skipped' => {
      result.skipped.push({ id: rec.id, backend: rec.storageBackend, reason });
      return 'skipped';
    };
    const read = await this.#values.read(rec, 'NONE', settings);
    if (read.kind !== 'value') {
      return skip(
        `its value is not where it is recorded (${read.kind === 'missing' && read.detail ? read.detail : rec.storageBackend}); nothing to move`,
      );
    }
    const value = read.value;
    const at = await this.#directory.locate(rec.scopeType, rec.scopeId);
    if (!at) return skip(`its ${rec.scopeType} ${rec.scopeId} does not exist`);

    let patch: SecretPatch;
    let written: StoredRef | null = null;
    if (into === null) {
      const envelope = this.#store.crypto.encryptSecretValue(value, rec);
      if (this.#store.crypto.decryptSecretValue(envelope, rec).reveal() !== value.reveal()) {
        throw new Error('a DB envelope did not decrypt to the value just encrypted');
      }
      patch = { valueEnvelope: envelope, storageReference: null, storageRemoteVersion: null };
    } else {
      try {
        written = await into.write(
          { ...ownerOf(rec), organizationId: at.organizationId, teamId: at.teamId },
          new SecretValue(value.reveal()),
        );
      } catch (err) {
        if (err instanceof BackendConflictError) return skip(`${err.message}`);
        throw err;
      }
      const back = await into.read(written);
      if (!back.found || back.value.reveal() !== value.reveal()) {
        await into.discard(rec, written).catch(() => {});
        throw new BackendUnavailableError(
          into.label,
          `${written.reference} did not read back as the value Coffer wrote there`,
          { retryAfterSeconds: 30 },
        );
      }
      patch = {
        storageReference: written.reference,
        storageRemoteVersion: written.remoteVersion,
        valueEnvelope: null,
      };
    }
    patch = { ...patch, storageBackend: target, vaultRef: null };

    const switched = await this.#store.transaction(async (tx) => {
      const u = await tx.secrets.update(rec.id, patch, rec.revision);
      if (!u.ok) return u.reason;
      await tx.audit.appendEvent(audit.secretMoved(u.record, at.organizationId, rec.storageBackend, target));
      return 'switched';
    });
    if (switched !== 'switched') {
      // Rotated, edited or deleted meanwhile: the copy is stale. Take it back unless another run (another
      // replica) has recorded this secret in the target since: then the value there is that run's.
      const now = await this.#store.secrets.get(rec.id);
      if (written && into && (!now || now.storageBackend !== target)) {
        await into.discard(rec, written).catch(() => {});
      }
      return !now || now.storageBackend === target ? 'gone' : 'left';
    }

    if (opts.deleteSource && isRemote(rec.storageBackend)) {
      try {
        await this.#values.remove(rec);
        result.sourcesDeleted += 1;
      } catch (err) {
        result.sourcesKept.push({
          id: rec.id,
          backend: rec.storageBackend,
          reference: refOf(rec).reference,
          reason: (err as Error).message,
        });
      }
    }
    return 'moved';
  }
}

function ownerOf(rec: SecretRecord) {
  return { id: rec.id, scopeType: rec.scopeType, scopeId: rec.scopeId, name: rec.name };
}

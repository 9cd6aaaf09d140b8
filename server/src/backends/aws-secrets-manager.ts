/**
 * The AWS_SECRETS_MANAGER backend, through @aws-sdk/client-secrets-manager: one AWS secret per Coffer secret,
 * named `{secretPrefix}{layoutPath}` (`coffer/acme/teams/platform/STRIPE_API_KEY`) and tagged with the Coffer
 * secret's id (`coffer-secret-id`). `storage.reference` is the secret's ARN; `remoteVersion` the version id
 * Coffer wrote, and reads ask for exactly that version.
 *
 * - Rotation puts a new version. Secrets Manager has no check-and-set, so Coffer first checks that
 *   AWSCURRENT is the version it recorded (a version put behind its back is a conflict, not overwritten);
 *   the check and the put are two calls, so a writer between them is not detected. Coffer's version ids
 *   name the secret they belong to (versionTokenFor), so a version Coffer wrote for this secret but could
 *   not record (a lost record update) is superseded by the next rotation instead of blocking it.
 * - Delete schedules the deletion with `recoveryWindowDays` (default 30, AWS's own default; 0 deletes at
 *   once, without recovery). A create of the same name meanwhile restores the scheduled secret and puts the
 *   new value in it, as it does with a Coffer secret no record owns (a create that crashed half-way).
 * - Credentials come from the standard AWS chain (environment, shared files, web identity, ECS, EC2).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  SecretsManagerClient,
  TagResourceCommand,
} from '@aws-sdk/client-secrets-manager';
import { SecretValue } from '../crypto/secret-value.ts';
import { layoutPath } from './layout.ts';
import {
  BackendConflictError,
  BackendUnavailableError,
  type CheckResult,
  type ReadResult,
  type RemoteBackend,
  type SecretLocation,
  type SecretOwner,
  type StoredRef,
} from './types.ts';
import type { AwsCredentialsProvider } from './vault/auth.ts';

export interface AwsSecretsManagerSettings {
  region: string;
  endpoint?: string | undefined;
  secretPrefix?: string | undefined;
  recoveryWindowDays?: number | undefined;
}

export const DEFAULT_SECRET_PREFIX = 'coffer/';
export const DEFAULT_RECOVERY_WINDOW_DAYS = 30;
export const OWNER_TAG = 'coffer-secret-id';
const ORPHAN_AGE_MS = 60_000;

/** Coffer's version ids (ClientRequestToken, 32-64 characters): `coffer-<sha256(secret id), 16 hex>-<random>`. */
export function versionTokenFor(secretId: string): string {
  return `coffer-${ownerHash(secretId)}-${randomBytes(12).toString('hex')}`;
}

function ownerHash(secretId: string): string {
  return createHash('sha256').update(secretId).digest('hex').slice(0, 16);
}

/** Whether `versionId` is one Coffer wrote for the secret `secretId`. */
export function isOwnVersion(versionId: string | undefined, secretId: string): boolean {
  return versionId?.startsWith(`coffer-${ownerHash(secretId)}-`) === true;
}
const MAX_COUNT_PAGES = 200;

interface AwsError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: { code?: string };
}

export class AwsSecretsManagerBackend implements RemoteBackend {
  readonly kind = 'AWS_SECRETS_MANAGER' as const;
  readonly label: string;
  readonly #client: SecretsManagerClient;
  readonly #prefix: string;
  readonly #recoveryDays: number;

  constructor(s: AwsSecretsManagerSettings, credentials?: AwsCredentialsProvider) {
    this.label = `AWS Secrets Manager (${s.region}${s.endpoint ? ` at ${s.endpoint}` : ''})`;
    this.#prefix = s.secretPrefix ?? DEFAULT_SECRET_PREFIX;
    const days = s.recoveryWindowDays ?? DEFAULT_RECOVERY_WINDOW_DAYS;
    // AWS accepts 7..30 days; 0 means no recovery window at all.
    this.#recoveryDays = days === 0 ? 0 : Math.min(Math.max(days, 7), 30);
    this.#client = new SecretsManagerClient({
      region: s.region,
      ...(s.endpoint ? { endpoint: s.endpoint } : {}),
      ...(credentials ? { credentials } : {}),
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
    });
  }

  nameOf(loc: SecretLocation): string {
    return `${this.#prefix}${layoutPath(loc)}`;
  }

  #fail(op: string, target: string, err: unknown): BackendUnavailableError {
    const e = err as AwsError;
    const status = e.$metadata?.httpStatusCode;
    const code = e.code ?? e.cause?.code;
    const what =
      status !== undefined
        ? `AWS answered ${status} ${e.name ?? ''}`.trim()
        : `not reachable (${code ?? e.name ?? 'error'})`;
    return new BackendUnavailableError(this.label, `${op} ${target}: ${what}`, { status: status ?? null });
  }

  async #send<T>(
    op: string,
    target: string,
    fn: () => Promise<T>,
    handled: string[] = [],
  ): Promise<T | AwsError> {
    try {
      return await fn();
    } catch (err) {
      const e = err as AwsError;
      if (e.name && handled.includes(e.name)) return e;
      throw this.#fail(op, target, err);
    }
  }

  write(loc: SecretLocation, value: SecretValue): Promise<StoredRef>;
  write(loc: SecretOwner, value: SecretValue, previous: StoredRef): Promise<StoredRef>;
  async write(loc: SecretOwner, value: SecretValue, previous?: StoredRef): Promise<StoredRef> {
    if (previous) return this.#rotate(loc, previous, value);
    const name = this.nameOf(loc as SecretLocation);
    const created = await this.#send(
      'CreateSecret',
      name,
      () =>
        this.#client.send(
          new CreateSecretCommand({
            Name: name,
            SecretString: value.reveal(),
            ClientRequestToken: versionTokenFor(loc.id),
            Tags: [{ Key: OWNER_TAG, Value: loc.id }],
          }),
        ),
      ['ResourceExistsException', 'InvalidRequestException'],
    );
    if ('ARN' in created && created.ARN && created.VersionId) {
      return { reference: created.ARN, remoteVersion: created.VersionId };
    }
    return this.#reclaim(loc, name, value);
  }

  /** A secret of this name exists: take it over if it is Coffer's and no record owns it, else refuse. */
  async #reclaim(loc: SecretOwner, name: string, value: SecretValue): Promise<StoredRef> {
    const d = await this.#send('DescribeSecret', name, () =>
      this.#client.send(new DescribeSecretCommand({ SecretId: name })),
    );
    if (!('ARN' in d) || !d.ARN) throw this.#fail('DescribeSecret', name, d);
    const owner = d.Tags?.find((t) => t.Key === OWNER_TAG)?.Value ?? null;
    const changed = (d.LastChangedDate ?? d.CreatedDate)?.getTime() ?? 0;
    const orphan =
      owner !== null &&
      (owner === loc.id || d.DeletedDate !== undefined || Date.now() - changed > ORPHAN_AGE_MS);
    if (!orphan) {
      throw new BackendConflictError(
        this.label,
        owner === null
          ? `a secret Coffer did not create is already named ${name}; Coffer did not overwrite it`
          : `a secret named ${name} is being created at the same time; try again`,
      );
    }
    if (d.DeletedDate !== undefined) {
      await this.#send('RestoreSecret', name, () =>
        this.#client.send(new RestoreSecretCommand({ SecretId: d.ARN })),
      );
    }
    if (owner !== loc.id) {
      await this.#send('TagResource', name, () =>
        this.#client.send(
          new TagResourceCommand({ SecretId: d.ARN, Tags: [{ Key: OWNER_TAG, Value: loc.id }] }),
        ),
      );
    }
    const put = await this.#send('PutSecretValue', name, () =>
      this.#client.send(
        new PutSecretValueCommand({
          SecretId: d.ARN,
          SecretString: value.reveal(),
          ClientRequestToken: versionTokenFor(loc.id),
        }),
      ),
    );
    if (!('VersionId' in put) || !put.VersionId) throw this.#fail('PutSecretValue', name, put);
    return { reference: d.ARN, remoteVersion: put.VersionId };
  }

  async #rotate(loc: SecretOwner, previous: StoredRef, value: SecretValue): Promise<StoredRef> {
    const arn = previous.reference;
    const d = await this.#send('DescribeSecret', arn, () =>
      this.#client.send(new DescribeSecretCommand({ SecretId: arn })),
    );
    if (!('ARN' in d)) throw this.#fail('DescribeSecret', arn, d);
    const current = Object.entries(d.VersionIdsToStages ?? {}).find(([, stages]) =>
      stages.includes('AWSCURRENT'),
    )?.[0];
    if (
      previous.remoteVersion !== null &&
      current !== previous.remoteVersion &&
      !isOwnVersion(current, loc.id)
    ) {
      throw new BackendConflictError(
        this.label,
        `${arn} is at version ${current ?? 'none'}, not the version ${previous.remoteVersion} Coffer wrote: someone else changed it; Coffer did not overwrite it`,
      );
    }
    const put = await this.#send('PutSecretValue', arn, () =>
      this.#client.send(
        new PutSecretValueCommand({
          SecretId: arn,
          SecretString: value.reveal(),
          ClientRequestToken: versionTokenFor(loc.id),
        }),
      ),
    );
    if (!('VersionId' in put) || !put.VersionId) throw this.#fail('PutSecretValue', arn, put);
    return { reference: arn, remoteVersion: put.VersionId };
  }

  async read(ref: StoredRef): Promise<ReadResult> {
    const r = await this.#send(
      'GetSecretValue',
      ref.reference,
      () =>
        this.#client.send(
          new GetSecretValueCommand({
            SecretId: ref.reference,
            ...(ref.remoteVersion ? { VersionId: ref.remoteVersion } : {}),
          }),
        ),
      ['ResourceNotFoundException', 'InvalidRequestException'],
    );
    if (!('SecretString' in r)) {
      const e = r as AwsError;
      return {
        found: false,
        reason:
          e.name === 'InvalidRequestException'
            ? `${ref.reference} is scheduled for deletion in AWS Secrets Manager`
            : ref.remoteVersion
              ? `version ${ref.remoteVersion} of ${ref.reference} is not in AWS Secrets Manager`
              : `${ref.reference} is not in AWS Secrets Manager`,
      };
    }
    if (typeof r.SecretString !== 'string') {
      return { found: false, reason: `${ref.reference} holds a binary secret, not a string` };
    }
    return {
      found: true,
      value: new SecretValue(r.SecretString),
      remoteVersion: r.VersionId ?? ref.remoteVersion,
    };
  }

  async delete(ref: StoredRef): Promise<void> {
    await this.#send(
      'DeleteSecret',
      ref.reference,
      () =>
        this.#client.send(
          new DeleteSecretCommand({
            SecretId: ref.reference,
            ...(this.#recoveryDays === 0
              ? { ForceDeleteWithoutRecovery: true }
              : { RecoveryWindowInDays: this.#recoveryDays }),
          }),
        ),
      ['ResourceNotFoundException'],
    );
  }

  async discard(loc: SecretOwner, ref: StoredRef): Promise<void> {
    const d = await this.#send(
      'DescribeSecret',
      ref.reference,
      () => this.#client.send(new DescribeSecretCommand({ SecretId: ref.reference })),
      ['ResourceNotFoundException'],
    );
    if (!('ARN' in d)) return;
    const owner = d.Tags?.find((t) => t.Key === OWNER_TAG)?.Value;
    const current = Object.entries(d.VersionIdsToStages ?? {}).find(([, s]) => s.includes('AWSCURRENT'))?.[0];
    if (owner !== loc.id || current !== ref.remoteVersion) return;
    // No recovery window: nothing was ever recorded for it, and a retry can create the name again at once.
    await this.#send(
      'DeleteSecret',
      ref.reference,
      () =>
        this.#client.send(
          new DeleteSecretCommand({ SecretId: ref.reference, ForceDeleteWithoutRecovery: true }),
        ),
      ['ResourceNotFoundException'],
    );
  }

  /**
   * Counts every secret whose name starts with the prefix: whatever layout wrote it, one page per 100.
   * Without `count`, one page answers whether AWS does.
   */
  async check({ count: counting = true }: { count?: boolean } = {}): Promise<CheckResult> {
    let count = 0;
    let next: string | undefined;
    for (let page = 0; page < (counting ? MAX_COUNT_PAGES : 1); page++) {
      const r = await this.#send('ListSecrets', this.#prefix || '(all)', () =>
        this.#client.send(
          new ListSecretsCommand({
            MaxResults: 100,
            ...(next ? { NextToken: next } : {}),
            ...(this.#prefix ? { Filters: [{ Key: 'name', Values: [this.#prefix] }] } : {}),
          }),
        ),
      );
      if (!('SecretList' in r)) break;
      count += (r.SecretList ?? []).filter((s) => s.Name?.startsWith(this.#prefix)).length;
      next = r.NextToken;
      if (!counting) break;
      if (!next) return { secretCount: count };
    }
    return { secretCount: null };
  }

  close(): void {
    this.#client.destroy();
  }
}

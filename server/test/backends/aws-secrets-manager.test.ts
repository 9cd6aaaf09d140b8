/**
 * The AWS_SECRETS_MANAGER backend against moto (scripts/setup.d/52-moto.sh), checked through the AWS SDK's
 * own view of the emulator as well as through the backend.
 */
import { randomUUID } from 'node:crypto';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsSecretsManagerBackend, isOwnVersion, OWNER_TAG } from '../../src/backends/aws-secrets-manager.ts';
import { BackendConflictError, BackendUnavailableError } from '../../src/backends/types.ts';
import { SecretValue } from '../../src/crypto/secret-value.ts';
import { freePort } from '../../src/launch.ts';
import { type Moto, requireTool, startMoto } from '../support/remote-tools.ts';
import { loc } from './locations.ts';

const creds = async () => ({ accessKeyId: 'AKIATESTTESTTEST', secretAccessKey: 'test-secret' });

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe.skipIf(!requireTool('moto'))('AWS_SECRETS_MANAGER backend on moto', () => {
  let moto: Moto;
  let sm: SecretsManagerClient;
  const backend = (extra: { secretPrefix?: string; recoveryWindowDays?: number } = {}) =>
    new AwsSecretsManagerBackend({ region: 'eu-west-1', endpoint: moto.endpoint, ...extra }, creds);

  beforeAll(async () => {
    moto = await startMoto();
    sm = new SecretsManagerClient({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: creds });
  }, 60_000);
  afterAll(async () => {
    sm?.destroy();
    await moto?.stop();
  });

  it('creates one AWS secret per Coffer secret along the layout, tagged with its id; the ARN is the reference', async () => {
    const b = backend();
    const l = loc('STRIPE_API_KEY');
    const ref = await b.write(l, new SecretValue('sk_live_1'));
    expect(ref.reference).toMatch(
      /^arn:aws:secretsmanager:eu-west-1:123456789012:secret:coffer\/acme\/teams\/platform\/STRIPE_API_KEY-/,
    );
    // Coffer's version ids name the secret they belong to.
    expect(ref.remoteVersion).toMatch(/^coffer-[0-9a-f]{16}-[0-9a-f]{24}$/);
    expect(isOwnVersion(ref.remoteVersion ?? '', l.id)).toBe(true);
    expect(isOwnVersion(ref.remoteVersion ?? '', randomUUID())).toBe(false);
    const d = await sm.send(new DescribeSecretCommand({ SecretId: ref.reference }));
    expect(d.Name).toBe('coffer/acme/teams/platform/STRIPE_API_KEY');
    expect(d.Tags).toContainEqual({ Key: OWNER_TAG, Value: l.id });
    const r = await b.read(ref);
    expect(r.found && r.value.reveal()).toBe('sk_live_1');
  });

  it('rotation is a new version; reads ask for the recorded one', async () => {
    const b = backend();
    const l = loc('ROTATED');
    const v1 = await b.write(l, new SecretValue('one'));
    const v2 = await b.write(l, new SecretValue('two'), v1);
    expect(v2.reference).toBe(v1.reference);
    expect(v2.remoteVersion).not.toBe(v1.remoteVersion);
    const cur = await sm.send(new GetSecretValueCommand({ SecretId: v1.reference }));
    expect(cur.SecretString).toBe('two');
    expect(cur.VersionId).toBe(v2.remoteVersion);
    const old = await b.read(v1);
    expect(old.found && old.value.reveal()).toBe('one');
  });

  it('a version put behind Coffer’s back is a conflict on rotation, and stays', async () => {
    const b = backend();
    const l = loc('CHANGED_ELSEWHERE');
    const v1 = await b.write(l, new SecretValue('coffer'));
    await sm.send(new PutSecretValueCommand({ SecretId: v1.reference, SecretString: 'human-put-value' }));
    const err = await rejection(b.write(l, new SecretValue('coffer-rotated-value'), v1));
    expect(err).toBeInstanceOf(BackendConflictError);
    // (Not /coffer-2/: Coffer's version ids, in the message, are coffer-<hex>.)
    expect(err.message).not.toMatch(/coffer-rotated-value|human-put-value/);
    expect((await sm.send(new GetSecretValueCommand({ SecretId: v1.reference }))).SecretString).toBe(
      'human-put-value',
    );
  });

  it('a rotation whose record update was lost supersedes Coffer’s own unrecorded version', async () => {
    const b = backend();
    const l = loc('LOST_UPDATE');
    const v1 = await b.write(l, new SecretValue('one'));
    await b.write(l, new SecretValue('two'), v1); // AWSCURRENT moves on, never recorded
    const v3 = await b.write(l, new SecretValue('three'), v1);
    const cur = await sm.send(new GetSecretValueCommand({ SecretId: v1.reference }));
    expect(cur).toMatchObject({ SecretString: 'three', VersionId: v3.remoteVersion });
  });

  it('discard takes back only what this create wrote, without a recovery window', async () => {
    const b = backend();
    const mine = loc('DISCARDED');
    const ref = await b.write(mine, new SecretValue('x'));
    await b.discard(loc('DISCARDED'), ref);
    expect((await b.read(ref)).found).toBe(true);
    await b.discard(mine, ref);
    await expect(sm.send(new DescribeSecretCommand({ SecretId: ref.reference }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('a create refuses a secret Coffer did not create', async () => {
    await sm.send(
      new (await import('@aws-sdk/client-secrets-manager')).CreateSecretCommand({
        Name: 'coffer/acme/workspaces/w1/THEIRS',
        SecretString: 'theirs',
      }),
    );
    const err = await rejection(backend().write(loc('THEIRS', 'workspace', 'w1'), new SecretValue('mine')));
    expect(err).toBeInstanceOf(BackendConflictError);
    expect(err.message).toMatch(/did not create/);
  });

  it('delete schedules deletion with the recovery window; a new secret of the same name restores and reuses it', async () => {
    const b = backend({ recoveryWindowDays: 7 });
    const first = loc('RECREATED');
    const ref = await b.write(first, new SecretValue('old'));
    await b.delete(ref);
    const d = await sm.send(new DescribeSecretCommand({ SecretId: ref.reference }));
    expect(d.DeletedDate).toBeInstanceOf(Date);
    expect(await b.read(ref)).toEqual({
      found: false,
      reason: expect.stringMatching(/scheduled for deletion/),
    });
    const second = loc('RECREATED');
    const again = await b.write(second, new SecretValue('new'));
    expect(again.reference).toBe(ref.reference);
    const r = await b.read(again);
    expect(r.found && r.value.reveal()).toBe('new');
    const tags = (await sm.send(new DescribeSecretCommand({ SecretId: ref.reference }))).Tags;
    expect(tags).toContainEqual({ Key: OWNER_TAG, Value: second.id });
  });

  it('recoveryWindowDays 0 deletes at once; a second delete is fine', async () => {
    const b = backend({ recoveryWindowDays: 0 });
    const ref = await b.write(loc('GONE_NOW'), new SecretValue('x'));
    await b.delete(ref);
    await b.delete(ref);
    expect((await b.read(ref)).found).toBe(false);
  });

  it('check counts the secrets under the prefix only', async () => {
    const b = backend({ secretPrefix: 'counted/' });
    expect(await b.check()).toEqual({ secretCount: 0 });
    await b.write(loc('A'), new SecretValue('1'));
    await b.write(loc('B', 'organization', 'acme'), new SecretValue('2'));
    expect(await b.check()).toEqual({ secretCount: 2 });
  });

  it('an endpoint that is not there is unavailable, quickly, naming the backend', async () => {
    const port = await freePort();
    const b = new AwsSecretsManagerBackend(
      { region: 'eu-west-1', endpoint: `http://127.0.0.1:${port}` },
      creds,
    );
    const started = Date.now();
    const err = await rejection(b.write(loc('X'), new SecretValue('never-shown')));
    expect(err).toBeInstanceOf(BackendUnavailableError);
    expect(err.message).toMatch(
      /AWS Secrets Manager \(eu-west-1 at http:\/\/127\.0\.0\.1:\d+\).*CreateSecret.*not reachable/,
    );
    expect(err.message).not.toContain('never-shown');
    expect(Date.now() - started).toBeLessThan(5_000);
    await rejection(b.check()).then((e) => expect(e).toBeInstanceOf(BackendUnavailableError));
  });
});

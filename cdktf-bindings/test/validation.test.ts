// Every validation error of every construct, on both entry points: each case must throw a CofferValidationError
// whose issues name the offending property, and must not create resources.
import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import type * as tf from '../src/cdktf/index.ts';
import { CofferValidationError } from '../src/core/validate.ts';
import { FLAVORS, type Flavor } from './flavors.ts';

type Api = typeof tf;
interface Ctx {
  api: Api;
  stack: Construct;
  secretVar: never;
  plainVar: never;
}
interface Case {
  name: string;
  run(c: Ctx): unknown;
  /** Expected issue paths (all of them, in order). */
  paths: string[];
  /** A fragment of the message of the first issue. */
  message?: string;
}

const vault = (c: Ctx, extra: Record<string, unknown>, auth?: Record<string, unknown>) =>
  c.api.SecretsManager.vault(c.stack, 'sm', {
    address: 'https://vault.internal:8200',
    auth: (auth ?? { method: 'token', token: c.secretVar }) as never,
    ...extra,
  });
const k8s = (c: Ctx, auth: Record<string, unknown>) =>
  vault(c, {}, { method: 'kubernetes', role: 'coffer', ...auth });
const awsAuth = (c: Ctx, auth: Record<string, unknown>) =>
  vault(c, {}, { method: 'aws', role: 'coffer', ...auth });
const asm = (c: Ctx, o: Record<string, unknown>) =>
  c.api.SecretsManager.awsSecretsManager(c.stack, 'sm', { region: 'eu-west-1', ...o } as never);
const scoped = (c: Ctx, o: Record<string, unknown>) =>
  new c.api.ScopedSecret(c.stack, 's', {
    scope: { type: 'team', id: 'payments' },
    name: 'DB_PASSWORD',
    value: c.secretVar,
    ...o,
  } as never);
const ws = (c: Ctx, o: Record<string, unknown>) =>
  new c.api.WorkspaceSecrets(c.stack, 'ws', {
    workspaceId: 'ws-prod',
    secrets: { OPENAI_API_KEY: c.secretVar },
    ...o,
  } as never);
const team = (c: Ctx, o: Record<string, unknown>) =>
  new c.api.Team(c.stack, 't', { teamId: 'payments', ...o } as never);
const workspace = (c: Ctx, o: Record<string, unknown>) =>
  new c.api.Workspace(c.stack, 'w', {
    workspaceId: 'payments-api',
    team: 'payments',
    overrides: { OPENAI_API_KEY: c.secretVar },
    ...o,
  } as never);

const CASES: Case[] = [
  // ScopedSecret under READONLY_VAULT: a path#key reference instead of the value
  {
    name: 'scoped: vaultRef without #key',
    run: (c) => scoped(c, { value: undefined, vaultRef: 'secret/data/payments/stripe' }),
    paths: ['vaultRef'],
    message: 'path#key',
  },
  {
    name: 'scoped: vaultRef over 512 characters',
    run: (c) => scoped(c, { value: undefined, vaultRef: `${'a/'.repeat(300)}#k` }),
    paths: ['vaultRef'],
    message: '602 characters',
  },
  {
    name: 'scoped: vaultRef and value together',
    run: (c) => scoped(c, { vaultRef: 'secret/data/payments/stripe#api_key' }),
    paths: ['vaultRef'],
    message: 'conflicts with value',
  },
  {
    name: 'scoped: neither value nor vaultRef',
    run: (c) => scoped(c, { value: undefined }),
    paths: ['value'],
    message: 'or, under READONLY_VAULT, vaultRef',
  },
  // AWS Secrets Manager's recovery window
  {
    name: 'awsSecretsManager: recoveryWindowDays over 30',
    run: (c) => asm(c, { recoveryWindowDays: 31 }),
    paths: ['recoveryWindowDays'],
    message: 'from 0 to 30',
  },
  {
    name: 'awsSecretsManager: negative recoveryWindowDays',
    run: (c) => asm(c, { recoveryWindowDays: -1 }),
    paths: ['recoveryWindowDays'],
  },
  // SecretsManager.readonlyVault: the vault() rules, named after the helper; readOnly cannot be turned off
  {
    name: 'readonlyVault: readOnly: false',
    run: (c) =>
      c.api.SecretsManager.readonlyVault(c.stack, 'sm', {
        address: 'https://vault.internal:8200',
        auth: { method: 'token', token: c.secretVar },
        readOnly: false,
      } as never),
    paths: ['readOnly'],
    message: 'use vault()',
  },
  {
    name: 'readonlyVault: address that is not a URL, KV v1 with a metadata path',
    run: (c) =>
      c.api.SecretsManager.readonlyVault(c.stack, 'sm', {
        address: 'vault.internal',
        kvVersion: 1,
        secretMetadataPath: 'secret/metadata/coffer',
        auth: { method: 'kubernetes', role: 'coffer' },
      }),
    paths: ['address', 'secretMetadataPath'],
    message: 'URL',
  },
  // SecretsManager (common options)
  {
    name: 'db: negative cacheTtlSeconds',
    run: (c) => c.api.SecretsManager.db(c.stack, 'sm', { cacheTtlSeconds: -1 }),
    paths: ['cacheTtlSeconds'],
    message: 'integer from 0',
  },
  {
    name: 'db: fractional cacheTtlSeconds',
    run: (c) => c.api.SecretsManager.db(c.stack, 'sm', { cacheTtlSeconds: 1.5 }),
    paths: ['cacheTtlSeconds'],
  },
  {
    name: 'db: cacheTtlSeconds over the spec maximum (86400)',
    run: (c) => c.api.SecretsManager.db(c.stack, 'sm', { cacheTtlSeconds: 86_401 }),
    paths: ['cacheTtlSeconds'],
    message: 'from 0 to 86400',
  },
  {
    name: 'env: unknown fallback',
    run: (c) => c.api.SecretsManager.env(c.stack, 'sm', { fallback: 'STALE' as never }),
    paths: ['fallback'],
    message: 'one of ENV, NONE',
  },
  // Vault
  { name: 'vault: no address', run: (c) => vault(c, { address: undefined }), paths: ['address'] },
  {
    name: 'vault: address without scheme',
    run: (c) => vault(c, { address: 'vault.internal:8200' }),
    paths: ['address'],
    message: 'http(s) URL',
  },
  { name: 'vault: ftp address', run: (c) => vault(c, { address: 'ftp://vault' }), paths: ['address'] },
  { name: 'vault: empty namespace', run: (c) => vault(c, { namespace: ' ' }), paths: ['namespace'] },
  {
    name: 'vault: kvVersion 3',
    run: (c) => vault(c, { kvVersion: 3 }),
    paths: ['kvVersion'],
    message: 'one of 1, 2',
  },
  {
    name: 'vault: secretPath with a leading slash',
    run: (c) => vault(c, { secretPath: '/secret/data/coffer' }),
    paths: ['secretPath'],
  },
  {
    name: 'vault: secretMetadataPath with a trailing slash',
    run: (c) => vault(c, { secretMetadataPath: 'secret/metadata/coffer/' }),
    paths: ['secretMetadataPath'],
  },
  {
    name: 'vault: secretPath with a space (the spec allows A-Z a-z 0-9 _ . - between slashes)',
    run: (c) => vault(c, { secretPath: 'secret/data/my coffer' }),
    paths: ['secretPath'],
  },
  {
    name: 'vault: secretMetadataPath on KV v1',
    run: (c) => vault(c, { kvVersion: 1, secretMetadataPath: 'secret/metadata/coffer' }),
    paths: ['secretMetadataPath'],
    message: 'only applies to kvVersion 2',
  },
  { name: 'vault: no auth', run: (c) => vault(c, { auth: undefined }, undefined), paths: ['auth'] },
  {
    name: 'vault: unknown auth method',
    run: (c) => vault(c, {}, { method: 'userpass' }),
    paths: ['auth.method'],
    message: 'token, kubernetes, aws',
  },
  {
    name: 'vault: token auth without token',
    run: (c) => vault(c, {}, { method: 'token' }),
    paths: ['auth.token'],
  },
  {
    name: 'vault: token from a non-sensitive variable',
    run: (c) => vault(c, {}, { method: 'token', token: c.plainVar }),
    paths: ['auth.token'],
    message: 'sensitive: true',
  },
  {
    name: 'vault: tokenVersion 0',
    run: (c) => vault(c, {}, { method: 'token', token: c.secretVar, tokenVersion: 0 }),
    paths: ['auth.tokenVersion'],
  },
  { name: 'kubernetes: no role', run: (c) => k8s(c, { role: '' }), paths: ['auth.role'] },
  {
    name: 'kubernetes: relative tokenPath',
    run: (c) => k8s(c, { tokenPath: 'var/run/token' }),
    paths: ['auth.tokenPath'],
    message: 'absolute',
  },
  {
    name: 'kubernetes: empty mountPoint',
    run: (c) => k8s(c, { mountPoint: '' }),
    paths: ['auth.mountPoint'],
  },
  {
    name: 'kubernetes: mountPoint with a trailing slash',
    run: (c) => k8s(c, { mountPoint: 'kubernetes/' }),
    paths: ['auth.mountPoint'],
    message: 'Vault mount path',
  },
  { name: 'aws auth: no role', run: (c) => awsAuth(c, { role: undefined }), paths: ['auth.role'] },
  {
    name: 'aws auth: bad region',
    run: (c) => awsAuth(c, { region: 'Europe' }),
    paths: ['auth.region'],
    message: 'AWS region',
  },
  {
    name: 'aws auth: stsEndpoint not a URL',
    run: (c) => awsAuth(c, { stsEndpoint: 'sts' }),
    paths: ['auth.stsEndpoint'],
  },
  {
    name: 'aws auth: empty iamServerId',
    run: (c) => awsAuth(c, { iamServerId: '' }),
    paths: ['auth.iamServerId'],
  },
  // AWS Secrets Manager
  { name: 'asm: no region', run: (c) => asm(c, { region: undefined }), paths: ['region'] },
  { name: 'asm: bad region', run: (c) => asm(c, { region: 'eu_west_1' }), paths: ['region'] },
  {
    name: 'asm: endpoint not a URL',
    run: (c) => asm(c, { endpoint: 'localhost:4566' }),
    paths: ['endpoint'],
  },
  {
    name: 'asm: bad secretPrefix',
    run: (c) => asm(c, { secretPrefix: 'coffer prod' }),
    paths: ['secretPrefix'],
  },
  // ScopedSecret
  {
    name: 'scoped: name is not an environment-variable name',
    run: (c) => scoped(c, { name: '1-db-password' }),
    paths: ['name'],
    message: 'environment-variable name',
  },
  { name: 'scoped: no scope', run: (c) => scoped(c, { scope: undefined }), paths: ['scope'] },
  {
    name: 'scoped: unknown scope type',
    run: (c) => scoped(c, { scope: { type: 'project', id: 'x' } }),
    paths: ['scope.type'],
    message: 'organization, team, workspace',
  },
  {
    name: 'scoped: bad scope id',
    run: (c) => scoped(c, { scope: { type: 'team', id: '-payments' } }),
    paths: ['scope.id'],
  },
  { name: 'scoped: unknown category', run: (c) => scoped(c, { category: 'misc' }), paths: ['category'] },
  {
    name: 'scoped: expiresAt without offset',
    run: (c) => scoped(c, { expiresAt: '2027-01-01 00:00' }),
    paths: ['expiresAt'],
    message: 'RFC 3339',
  },
  {
    name: 'scoped: invalid Date',
    run: (c) => scoped(c, { expiresAt: new Date('nope') }),
    paths: ['expiresAt'],
  },
  {
    name: 'scoped: non-sensitive variable',
    run: (c) => scoped(c, { value: c.plainVar }),
    paths: ['value'],
    message: 'sensitive: true',
  },
  { name: 'scoped: empty value', run: (c) => scoped(c, { value: '' }), paths: ['value'] },
  { name: 'scoped: number value', run: (c) => scoped(c, { value: 42 }), paths: ['value'] },
  // WorkspaceSecrets
  {
    name: 'workspace: unknown override key',
    run: (c) => ws(c, { secrets: { OPENAI_KEY: c.secretVar } }),
    paths: ['secrets.OPENAI_KEY'],
    message: 'allowed: OPENAI_API_KEY, ANTHROPIC_API_KEY',
  },
  { name: 'workspace: no keys', run: (c) => ws(c, { secrets: {} }), paths: ['secrets'] },
  {
    name: 'workspace: bad workspace id',
    run: (c) => ws(c, { workspaceId: 'ws prod' }),
    paths: ['workspaceId'],
  },
  {
    name: 'workspace: no workspace id',
    run: (c) => ws(c, { workspaceId: undefined }),
    paths: ['workspaceId'],
  },
  { name: 'workspace: expiresInDays 0', run: (c) => ws(c, { expiresInDays: 0 }), paths: ['expiresInDays'] },
  {
    name: 'workspace: entry expiresInDays 3651',
    run: (c) => ws(c, { secrets: { GROQ_API_KEY: { value: c.secretVar, expiresInDays: 3651 } } }),
    paths: ['secrets.GROQ_API_KEY.expiresInDays'],
    message: 'from 1 to 3650',
  },
  {
    name: 'workspace: non-sensitive variable',
    run: (c) => ws(c, { secrets: { BRAVE_API_KEY: c.plainVar } }),
    paths: ['secrets.BRAVE_API_KEY'],
  },
  {
    name: 'workspace: every problem at once',
    run: (c) => ws(c, { workspaceId: '', secrets: { NOPE: c.secretVar, RESEND_API_KEY: c.plainVar } }),
    paths: ['workspaceId', 'secrets.NOPE', 'secrets.RESEND_API_KEY'],
  },
  // Team
  { name: 'team: no team id', run: (c) => team(c, { teamId: undefined }), paths: ['teamId'] },
  {
    name: 'team: team id with a space',
    run: (c) => team(c, { teamId: 'pay ments' }),
    paths: ['teamId'],
    message: 'a team id',
  },
  {
    name: 'team: name with a trailing space',
    run: (c) => team(c, { name: 'Payments ' }),
    paths: ['name'],
    message: 'without leading or trailing spaces',
  },
  {
    name: 'team: name over 128 characters',
    run: (c) => team(c, { name: 'x'.repeat(129) }),
    paths: ['name'],
    message: 'got 129 characters',
  },
  { name: 'team: empty name', run: (c) => team(c, { name: '' }), paths: ['name'] },
  {
    name: 'team: bad organization id',
    run: (c) => team(c, { organizationId: '.acme' }),
    paths: ['organizationId'],
  },
  {
    name: 'team: deleteContents not a boolean',
    run: (c) => team(c, { deleteContents: 'yes' }),
    paths: ['deleteContents'],
    message: 'true or false',
  },
  // Workspace
  { name: 'workspace: no id', run: (c) => workspace(c, { workspaceId: '' }), paths: ['workspaceId'] },
  {
    name: 'workspace: id over 64 characters',
    run: (c) => workspace(c, { workspaceId: 'w'.repeat(65) }),
    paths: ['workspaceId'],
  },
  { name: 'workspace: bad team id', run: (c) => workspace(c, { team: 'pay/ments' }), paths: ['team'] },
  {
    name: 'workspace: team neither a Team nor an id',
    run: (c) => workspace(c, { team: 42 }),
    paths: ['team'],
    message: 'a Team or a team id',
  },
  {
    name: 'workspace: unknown override key',
    run: (c) => workspace(c, { overrides: { OPENAI_KEY: c.secretVar } }),
    paths: ['overrides.OPENAI_KEY'],
    message: 'allowed: OPENAI_API_KEY',
  },
  {
    name: 'workspace: override from a non-sensitive variable',
    run: (c) => workspace(c, { overrides: { RESEND_API_KEY: c.plainVar } }),
    paths: ['overrides.RESEND_API_KEY'],
    message: 'sensitive: true',
  },
  {
    name: 'workspace: override expiresInDays 3651',
    run: (c) => workspace(c, { overrides: { GROQ_API_KEY: { value: c.secretVar, expiresInDays: 3651 } } }),
    paths: ['overrides.GROQ_API_KEY.expiresInDays'],
  },
  {
    name: 'workspace: expiresInDays 0',
    run: (c) => workspace(c, { expiresInDays: 0 }),
    paths: ['expiresInDays'],
  },
  {
    name: 'workspace: overrides not an object',
    run: (c) => workspace(c, { overrides: 'OPENAI_API_KEY' }),
    paths: ['overrides'],
  },
  {
    name: 'workspace: every problem at once',
    run: (c) =>
      workspace(c, {
        workspaceId: 'ws prod',
        name: ' API',
        team: '',
        organizationId: 'a b',
        deleteContents: 1,
        overrides: { NOPE: c.secretVar, GROQ_API_KEY: '' },
      }),
    paths: [
      'workspaceId',
      'name',
      'team',
      'organizationId',
      'deleteContents',
      'overrides.NOPE',
      'overrides.GROQ_API_KEY',
    ],
  },
];

const CDKTN_CASES: Case[] = [
  {
    name: 'scoped: vaultRef with a valueVersion',
    run: (c) => scoped(c, { value: undefined, vaultRef: 'secret/data/x#k', valueVersion: 2 }),
    paths: ['valueVersion'],
    message: 'only applies to value',
  },
  {
    name: 'scoped (cdktn): valueVersion 0',
    run: (c) => scoped(c, { valueVersion: 0 }),
    paths: ['valueVersion'],
  },
  {
    name: 'workspace (cdktn): version 1.5',
    run: (c) => ws(c, { version: 1.5 }),
    paths: ['version'],
  },
  {
    name: 'workspace (cdktn): entry version -1',
    run: (c) => ws(c, { secrets: { GEMINI_API_KEY: { value: c.secretVar, version: -1 } } }),
    paths: ['secrets.GEMINI_API_KEY.version'],
  },
  {
    name: 'workspace (cdktn): overrides version 0',
    run: (c) => workspace(c, { version: 0 }),
    paths: ['version'],
  },
  {
    name: 'workspace (cdktn): override entry version 2.5',
    run: (c) => workspace(c, { overrides: { BRAVE_API_KEY: { value: c.secretVar, version: 2.5 } } }),
    paths: ['overrides.BRAVE_API_KEY.version'],
  },
];

function context(f: Flavor): Ctx {
  const stack = f.stack();
  return {
    api: f.api as Api,
    stack,
    secretVar: f.variable(stack, 'secret', true) as never,
    plainVar: f.variable(stack, 'plain', false) as never,
  };
}

describe.each(FLAVORS)('validation ($name)', (f) => {
  const cases = f.name === 'cdktn' ? [...CASES, ...CDKTN_CASES] : CASES;
  it.each(cases)('$name', (tc) => {
    const c = context(f);
    let error: unknown;
    try {
      tc.run(c);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CofferValidationError);
    const v = error as CofferValidationError;
    expect(v.issues.map((i) => i.path)).toEqual(tc.paths);
    if (tc.message) expect(v.issues[0]?.message).toContain(tc.message);
    expect(v.message).toContain(tc.paths[0]);
    // Nothing was added for the failed construct: only the two variables exist.
    expect(c.stack.node.children.map((ch) => ch.node.id)).toEqual(['secret', 'plain']);
  });

  it('never prints a secret literal in an error', () => {
    const c = context(f);
    expect(() => scoped(c, { name: 'bad name', value: 'sk-live-should-not-leak' })).toThrow(
      CofferValidationError,
    );
    try {
      scoped(c, { name: 'bad name', value: 'sk-live-should-not-leak' });
    } catch (e) {
      expect(String(e)).not.toContain('sk-live');
    }
  });

  it('skips rules for values only known at plan time (tokens)', () => {
    const c = context(f);
    const id = (f.variable(c.stack, 'workspace', false) as { stringValue: string }).stringValue;
    expect(() => ws(c, { workspaceId: id })).not.toThrow();
    expect(() => vault(c, { address: id, kvVersion: undefined })).not.toThrow();
    expect(() => team(c, { teamId: id, name: id, organizationId: id })).not.toThrow();
    expect(() => workspace(c, { workspaceId: id, team: id, organizationId: id })).not.toThrow();
  });
});

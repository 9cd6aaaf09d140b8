// What each construct synthesizes, with CDKTF's Testing helpers: Testing.synthScope / Testing.synth and the
// Jest matchers registered in setup.ts (cdktf), the Testing.toHave* functions (cdktn).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cdktf from 'cdktf';
import { TerraformVariable, Testing } from 'cdktf';
import * as cdktn from 'cdktn';
import { describe, expect, it } from 'vitest';
import * as tf from '../src/cdktf/index.ts';
import * as tn from '../src/cdktn/index.ts';
import { cdktfFlavor, cdktnFlavor, FLAVORS, ref, resourceOf } from './flavors.ts';

describe('cdktf entry point', () => {
  it('CofferProvider comes from the generated bindings', () => {
    const synth = Testing.synthScope((scope) => {
      new tf.CofferProvider(scope, 'coffer', { baseUrl: 'http://127.0.0.1:8080', maxRetries: 1 });
    });
    expect(synth).toHaveProviderWithProperties(tf.CofferProvider, {
      base_url: 'http://127.0.0.1:8080',
      max_retries: 1,
    });
    expect(JSON.parse(synth).terraform.required_providers.coffer.source).toBe(
      'registry.opentofu.org/coffer/coffer',
    );
  });

  it('SecretsManager.db()', () => {
    const synth = Testing.synthScope((scope) => {
      const sm = tf.SecretsManager.db(scope, 'sm', { cacheTtlSeconds: 0, fallback: 'NONE' });
      expect(sm).toBeInstanceOf(tf.secretsManager.SecretsManager);
    });
    expect(synth).toHaveResourceWithProperties(tf.secretsManager.SecretsManager, {
      backend: 'DB',
      cache_ttl_seconds: 0,
      fallback: 'NONE',
    });
    expect(resourceOf(synth, 'coffer_secrets_manager')).toEqual({
      backend: 'DB',
      cache_ttl_seconds: 0,
      fallback: 'NONE',
    });
  });

  it('SecretsManager.env() without options', () => {
    const synth = Testing.synthScope((scope) => {
      tf.SecretsManager.env(scope, 'sm');
    });
    expect(resourceOf(synth, 'coffer_secrets_manager')).toEqual({ backend: 'ENV' });
  });

  it('SecretsManager.vault() with token auth from a sensitive variable', () => {
    const synth = Testing.synthScope((scope) => {
      const token = new TerraformVariable(scope, 'vault_token', { type: 'string', sensitive: true });
      tf.SecretsManager.vault(scope, 'sm', {
        address: 'https://vault.internal:8200',
        namespace: 'platform',
        kvVersion: 2,
        secretPath: 'secret/data/coffer',
        auth: { method: 'token', token, tokenVersion: 3 },
        cacheTtlSeconds: 60,
      });
    });
    expect(synth).toHaveResourceWithProperties(tf.secretsManager.SecretsManager, {
      backend: 'VAULT',
      cache_ttl_seconds: 60,
      vault: {
        address: 'https://vault.internal:8200',
        namespace: 'platform',
        kv_version: 2,
        secret_path: 'secret/data/coffer',
        auth_method: 'TOKEN',
        token_wo: ref('var.vault_token'),
        token_wo_version: 3,
      },
    });
  });

  it('SecretsManager.vault() read-only with Kubernetes auth on KV v1', () => {
    const synth = Testing.synthScope((scope) => {
      tf.SecretsManager.vault(scope, 'sm', {
        address: 'http://openbao:8200',
        kvVersion: 1,
        readOnly: true,
        auth: {
          method: 'kubernetes',
          role: 'coffer',
          tokenPath: '/var/run/secrets/token',
          mountPoint: 'k8s',
        },
      });
    });
    expect(resourceOf(synth, 'coffer_secrets_manager')).toEqual({
      backend: 'READONLY_VAULT',
      vault: {
        address: 'http://openbao:8200',
        kv_version: 1,
        auth_method: 'K8S',
        k8s: { role: 'coffer', token_path: '/var/run/secrets/token', mount_point: 'k8s' },
      },
    });
  });

  it('SecretsManager.vault() with AWS IAM auth', () => {
    const synth = Testing.synthScope((scope) => {
      tf.SecretsManager.vault(scope, 'sm', {
        address: 'https://vault.internal',
        auth: {
          method: 'aws',
          role: 'coffer',
          region: 'eu-west-1',
          stsEndpoint: 'https://sts.eu-west-1.amazonaws.com',
          iamServerId: 'vault.internal',
        },
      });
    });
    expect(resourceOf(synth, 'coffer_secrets_manager').vault).toEqual({
      address: 'https://vault.internal',
      auth_method: 'AWS',
      aws: {
        role: 'coffer',
        region: 'eu-west-1',
        sts_endpoint: 'https://sts.eu-west-1.amazonaws.com',
        iam_server_id: 'vault.internal',
      },
    });
  });

  it('SecretsManager.awsSecretsManager()', () => {
    const synth = Testing.synthScope((scope) => {
      tf.SecretsManager.awsSecretsManager(scope, 'sm', {
        region: 'us-east-1',
        endpoint: 'http://localhost:4566',
        secretPrefix: 'coffer/prod/',
        fallback: 'ENV',
      });
    });
    expect(resourceOf(synth, 'coffer_secrets_manager')).toEqual({
      backend: 'AWS_SECRETS_MANAGER',
      fallback: 'ENV',
      aws: { region: 'us-east-1', endpoint: 'http://localhost:4566', secret_prefix: 'coffer/prod/' },
    });
  });

  it('ScopedSecret maps the scope and keeps the value in the sensitive `value`', () => {
    const synth = Testing.synthScope((scope) => {
      const value = new TerraformVariable(scope, 'db_password', { type: 'string', sensitive: true });
      new tf.ScopedSecret(scope, 'db', {
        scope: { type: 'team', id: 'payments' },
        name: 'DB_PASSWORD',
        category: 'infrastructure',
        description: 'primary database',
        expiresAt: new Date('2027-01-31T00:00:00Z'),
        value,
      });
    });
    expect(synth).toHaveResourceWithProperties(tf.secret.Secret, {
      name: 'DB_PASSWORD',
      scope_type: 'team',
      scope_id: 'payments',
      category: 'infrastructure',
      description: 'primary database',
      expires_at: '2027-01-31T00:00:00Z',
      value: ref('var.db_password'),
    });
    expect(resourceOf(synth, 'coffer_secret')).not.toHaveProperty('value_wo');
  });

  it('WorkspaceSecrets creates one coffer_workspace_secret per key', () => {
    let construct: tf.WorkspaceSecrets | undefined;
    const synth = Testing.synthScope((scope) => {
      const openai = new TerraformVariable(scope, 'openai', { type: 'string', sensitive: true });
      const resend = new TerraformVariable(scope, 'resend', { type: 'string', sensitive: true });
      construct = new tf.WorkspaceSecrets(scope, 'overrides', {
        workspaceId: 'ws-prod',
        expiresInDays: 90,
        secrets: { OPENAI_API_KEY: openai, RESEND_API_KEY: { value: resend, expiresInDays: 30 } },
      });
    });
    expect(synth).toHaveResourceWithProperties(tf.workspaceSecret.WorkspaceSecret, {
      workspace_id: 'ws-prod',
      key: 'OPENAI_API_KEY',
      value: ref('var.openai'),
      expires_in_days: 90,
    });
    expect(synth).toHaveResourceWithProperties(tf.workspaceSecret.WorkspaceSecret, {
      key: 'RESEND_API_KEY',
      expires_in_days: 30,
    });
    expect(Object.keys(JSON.parse(synth).resource.coffer_workspace_secret)).toHaveLength(2);
    expect(construct?.secret('OPENAI_API_KEY')).toBe(construct?.secrets.OPENAI_API_KEY);
    expect(() => construct?.secret('GROK_API_KEY')).toThrow(/has no GROK_API_KEY/);
  });

  it('passes the provider and dependsOn meta-arguments through', () => {
    const synth = Testing.synthScope((scope) => {
      const p = new tf.CofferProvider(scope, 'other', { alias: 'other', baseUrl: 'http://other' });
      const sm = tf.SecretsManager.db(scope, 'sm', { provider: p });
      const v = new TerraformVariable(scope, 'v', { type: 'string', sensitive: true });
      new tf.WorkspaceSecrets(scope, 'ws', {
        workspaceId: 'w',
        secrets: { GROQ_API_KEY: v },
        provider: p,
        dependsOn: [sm],
      });
    });
    const ws = resourceOf(synth, 'coffer_workspace_secret');
    expect(ws.provider).toBe('coffer.other');
    expect(ws.depends_on).toEqual(['coffer_secrets_manager.sm']);
    expect(resourceOf(synth, 'coffer_secrets_manager').provider).toBe('coffer.other');
  });

  it('the synthesized stack is valid Terraform JSON and references only declared variables', () => {
    const stack = cdktfFlavor.stack() as cdktf.TerraformStack;
    const v = new TerraformVariable(stack, 'k', { type: 'string', sensitive: true });
    new tf.CofferProvider(stack, 'coffer', {});
    new tf.WorkspaceSecrets(stack, 'ws', { workspaceId: 'w', secrets: { GROQ_API_KEY: v } });
    const synth = Testing.synth(stack, true);
    expect(JSON.parse(synth).variable.k).toEqual({ sensitive: true, type: 'string' });
  });

  it('the cdktf bindings have no ephemeral resources (the cdktf generator drops them)', () => {
    expect(Object.keys(tf)).not.toContain('ephemeralCofferSecretValue');
  });
});

describe('cdktn entry point', () => {
  const stack = () => new cdktn.TerraformStack(cdktn.Testing.app(), 'test');

  it('WorkspaceSecrets sends write-only values with a version', () => {
    const s = stack();
    const v = new cdktn.TerraformVariable(s, 'openai', { type: 'string', sensitive: true });
    new tn.WorkspaceSecrets(s, 'overrides', {
      workspaceId: 'ws-prod',
      version: 2,
      secrets: { OPENAI_API_KEY: v, GEMINI_API_KEY: { value: v, version: 7 } },
    });
    const synth = cdktn.Testing.synth(s);
    expect(
      cdktn.Testing.toHaveResourceWithProperties(synth, tn.workspaceSecret.WorkspaceSecret.tfResourceType, {
        workspace_id: 'ws-prod',
        key: 'OPENAI_API_KEY',
        value_wo: ref('var.openai'),
        value_wo_version: 2,
      }),
    ).toBe(true);
    expect(resourceOf(synth, 'coffer_workspace_secret', 'overrides_GEMINI')).toEqual({
      workspace_id: 'ws-prod',
      key: 'GEMINI_API_KEY',
      value_wo: ref('var.openai'),
      value_wo_version: 7,
    });
    expect(synth).not.toMatch(/"value":/);
  });

  it('ScopedSecret sends value_wo + value_wo_version, never `value`', () => {
    const s = stack();
    const v = new cdktn.TerraformVariable(s, 'pw', { type: 'string', sensitive: true });
    new tn.ScopedSecret(s, 'org', {
      scope: { type: 'organization', id: 'acme' },
      name: 'SMTP_PASSWORD',
      value: v,
    });
    new tn.ScopedSecret(s, 'rotated', {
      scope: { type: 'workspace', id: 'ws-prod' },
      name: 'API_TOKEN',
      value: v,
      valueVersion: 4,
    });
    const synth = cdktn.Testing.synth(s);
    expect(resourceOf(synth, 'coffer_secret', 'org')).toEqual({
      name: 'SMTP_PASSWORD',
      scope_type: 'organization',
      scope_id: 'acme',
      value_wo: ref('var.pw'),
      value_wo_version: 1,
    });
    expect(resourceOf(synth, 'coffer_secret', 'rotated').value_wo_version).toBe(4);
  });

  it('SecretsManager helpers synthesize the same configuration as the cdktf entry point', () => {
    const a = cdktfFlavor.stack() as cdktf.TerraformStack;
    const b = stack();
    const opts = { address: 'https://vault:8200', kvVersion: 2 as const };
    tf.SecretsManager.vault(a, 'sm', {
      ...opts,
      auth: { method: 'token', token: cdktfFlavor.variable(a, 't', true) as never },
    });
    tn.SecretsManager.vault(b, 'sm', {
      ...opts,
      auth: { method: 'token', token: cdktnFlavor.variable(b, 't', true) as never },
    });
    tf.SecretsManager.db(a, 'db');
    tn.SecretsManager.db(b, 'db');
    expect(JSON.parse(cdktn.Testing.synth(b)).resource).toEqual(JSON.parse(cdktf.Testing.synth(a)).resource);
  });

  it('full synth needs targetVersions that allow write-only attributes (WRITE_ONLY_TARGET_VERSIONS)', () => {
    const build = (context?: Record<string, unknown>) => {
      const app = new cdktn.App({
        outdir: mkdtempSync(join(tmpdir(), 'coffer-cdktn-')),
        ...(context ? { context } : {}),
      });
      const s = new cdktn.TerraformStack(app, 'wo');
      new tn.CofferProvider(s, 'coffer', {});
      const v = new cdktn.TerraformVariable(s, 'v', { type: 'string', sensitive: true });
      new tn.WorkspaceSecrets(s, 'ws', { workspaceId: 'w', secrets: { GROQ_API_KEY: v } });
      return () => {
        try {
          app.synth();
        } finally {
          rmSync(app.outdir, { recursive: true, force: true });
        }
      };
    };
    expect(build()).toThrow(/write-only attributes requires opentofu >=1.11.0/);
    expect(build({ targetVersions: tn.WRITE_ONLY_TARGET_VERSIONS })).not.toThrow();
  });

  it('exposes the ephemeral coffer_secret_value (cdktn only)', () => {
    const s = stack();
    const e = new tn.ephemeralCofferSecretValue.EphemeralCofferSecretValue(s, 'db', {
      workspaceId: 'ws-prod',
      name: 'DB_PASSWORD',
    });
    expect(e.value).toMatch(/\$\{TfToken/);
    const synth = JSON.parse(cdktn.Testing.synth(s));
    expect(synth.ephemeral.coffer_secret_value.db).toEqual({ workspace_id: 'ws-prod', name: 'DB_PASSWORD' });
  });
});

describe.each(FLAVORS)('SecretsManager.readonlyVault ($name)', (f) => {
  it('synthesizes READONLY_VAULT with the token from a sensitive variable, as vault({ readOnly: true }) does', () => {
    const stack = f.stack();
    const token = f.variable(stack, 'vault_token', true);
    f.api.SecretsManager.readonlyVault(stack, 'sm', {
      address: 'https://vault.internal:8200',
      namespace: 'team-a',
      kvVersion: 2,
      secretPath: 'kv/data/shared',
      auth: { method: 'token', token: token as never, tokenVersion: 3 },
      cacheTtlSeconds: 60,
    });
    expect(resourceOf(f.synth(stack), 'coffer_secrets_manager')).toEqual({
      backend: 'READONLY_VAULT',
      cache_ttl_seconds: 60,
      vault: {
        address: 'https://vault.internal:8200',
        auth_method: 'TOKEN',
        namespace: 'team-a',
        kv_version: 2,
        secret_path: 'kv/data/shared',
        token_wo: ref('var.vault_token'),
        token_wo_version: 3,
      },
    });
    const other = f.stack();
    const t2 = f.variable(other, 'vault_token', true);
    f.api.SecretsManager.vault(other, 'sm', {
      address: 'https://vault.internal:8200',
      namespace: 'team-a',
      kvVersion: 2,
      secretPath: 'kv/data/shared',
      readOnly: true,
      auth: { method: 'token', token: t2 as never, tokenVersion: 3 },
      cacheTtlSeconds: 60,
    });
    expect(f.synth(other)).toEqual(f.synth(stack));
    expect(f.warnings(stack)).toEqual([]);
  });

  it('warns about a literal token, naming the helper and the property, not the token', () => {
    const stack = f.stack();
    f.api.SecretsManager.readonlyVault(stack, 'sm', {
      address: 'http://127.0.0.1:8200',
      auth: { method: 'aws', role: 'coffer', region: 'eu-west-1' },
    });
    expect(resourceOf(f.synth(stack), 'coffer_secrets_manager')).toEqual({
      backend: 'READONLY_VAULT',
      vault: {
        address: 'http://127.0.0.1:8200',
        auth_method: 'AWS',
        aws: { role: 'coffer', region: 'eu-west-1' },
      },
    });
    const literal = f.stack();
    f.api.SecretsManager.readonlyVault(literal, 'sm', {
      address: 'http://127.0.0.1:8200',
      auth: { method: 'token', token: 'hvs.literal-should-not-leak' },
    });
    const warnings = f.warnings(literal);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('SecretsManager "sm": auth.token: a literal secret value');
    expect(warnings.join('\n')).not.toContain('hvs.literal');
  });
});

describe.each(FLAVORS)('READONLY_VAULT references and the AWS recovery window ($name)', (f) => {
  it('a ScopedSecret with vaultRef synthesizes vault_ref and no value attribute, without a warning', () => {
    const stack = f.stack();
    const token = f.variable(stack, 'vault_token', true);
    const sm = f.api.SecretsManager.readonlyVault(stack, 'sm', {
      address: 'https://vault.internal:8200',
      auth: { method: 'token', token: token as never },
    });
    new f.api.ScopedSecret(stack, 'stripe', {
      scope: { type: 'team', id: 'payments' },
      name: 'STRIPE_API_KEY',
      category: 'integration',
      vaultRef: 'secret/data/payments/stripe#api_key',
      dependsOn: [sm as never],
    });
    const attrs = resourceOf(f.synth(stack), 'coffer_secret');
    expect(attrs).toEqual({
      name: 'STRIPE_API_KEY',
      scope_type: 'team',
      scope_id: 'payments',
      category: 'integration',
      vault_ref: 'secret/data/payments/stripe#api_key',
      depends_on: ['coffer_secrets_manager.sm'],
    });
    expect(f.warnings(stack)).toEqual([]);
  });

  it('awsSecretsManager() passes recoveryWindowDays (0: deleted at once)', () => {
    const stack = f.stack();
    f.api.SecretsManager.awsSecretsManager(stack, 'sm', { region: 'eu-west-1', recoveryWindowDays: 0 });
    expect(resourceOf(f.synth(stack), 'coffer_secrets_manager')).toEqual({
      backend: 'AWS_SECRETS_MANAGER',
      aws: { region: 'eu-west-1', recovery_window_days: 0 },
    });
  });
});

describe.each(FLAVORS)('literal secret values ($name)', (f) => {
  it('are allowed but produce a synth warning on the construct', () => {
    const s = f.stack();
    const api = f.api as typeof tf;
    new api.WorkspaceSecrets(s, 'ws', { workspaceId: 'w', secrets: { GROQ_API_KEY: 'gsk-literal' } });
    new api.ScopedSecret(s, 'sec', { scope: { type: 'team', id: 't' }, name: 'N', value: 'literal' });
    api.SecretsManager.vault(s, 'sm', {
      address: 'http://v:8200',
      auth: { method: 'token', token: 'hvs.literal' },
    });
    const warnings = f.warnings(s);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/WorkspaceSecrets "ws": secrets.GROQ_API_KEY: a literal secret value/);
    expect(warnings.join('\n')).toMatch(/ScopedSecret "sec": value:/);
    expect(warnings.join('\n')).toMatch(/SecretsManager "sm": auth.token:/);
    expect(warnings.join('\n')).not.toContain('gsk-literal');
    expect(resourceOf(f.synth(s), 'coffer_workspace_secret')[f.valueAttr]).toBe('gsk-literal');
  });

  it('sensitive variables produce no warning', () => {
    const s = f.stack();
    const api = f.api as typeof tf;
    new api.WorkspaceSecrets(s, 'ws', {
      workspaceId: 'w',
      secrets: { GROQ_API_KEY: f.variable(s, 'v', true) as never },
    });
    expect(f.warnings(s)).toEqual([]);
  });
});

describe.each(FLAVORS)('one variable passed to many resources ($name)', (f) => {
  it('resolves in every resource and every stack that uses it (the constructs share one token per variable)', () => {
    const outdir = mkdtempSync(join(tmpdir(), `coffer-${f.name}-shared-`));
    try {
      const lib = (f.name === 'cdktf' ? cdktf : cdktn) as unknown as typeof cdktf;
      const api = f.api as typeof tf;
      const app = new lib.App({
        outdir,
        ...(f.name === 'cdktn' ? { context: { targetVersions: tn.WRITE_ONLY_TARGET_VERSIONS } } : {}),
      });
      const stacks = ['origin', 'a', 'b'].map((name) => {
        const s = new lib.TerraformStack(app, name);
        new api.CofferProvider(s, 'coffer', {});
        return s;
      });
      const [origin] = stacks as [cdktf.TerraformStack];
      const v = f.variable(origin, 'shared', true) as TerraformVariable;
      for (const s of stacks) {
        new api.WorkspaceSecrets(s, 'one', {
          workspaceId: 'w1',
          secrets: { GROQ_API_KEY: v, OPENAI_API_KEY: v },
        });
        new api.WorkspaceSecrets(s, 'two', { workspaceId: 'w2', secrets: { GROQ_API_KEY: v } });
      }
      app.synth();
      const values = (stack: string) => {
        const doc = JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as {
          resource: Record<string, Record<string, Record<string, unknown>>>;
        };
        return Object.values(doc.resource.coffer_workspace_secret ?? {}).map((r) => r[f.valueAttr]);
      };
      expect(values('origin')).toEqual([ref('var.shared'), ref('var.shared'), ref('var.shared')]);
      for (const stack of ['a', 'b']) {
        const vs = values(stack);
        expect(vs).toHaveLength(3);
        expect(new Set(vs).size).toBe(1);
        // a cross-stack reference: the origin stack's output, read through terraform_remote_state
        expect(vs[0]).toMatch(/^\$\{data\.terraform_remote_state\.[^}]*origin[^}]*\.outputs\.[^}]+\}$/);
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe.each(FLAVORS)('Team and Workspace ($name)', (f) => {
  const api = f.api as typeof tf;
  const writeOnly = f.name === 'cdktn';
  const doc = (stack: unknown) =>
    JSON.parse(f.synth(stack)) as { resource: Record<string, Record<string, Record<string, unknown>>> };

  it('re-exports the coffer_team and coffer_workspace data sources', () => {
    expect(api.dataCofferTeam.DataCofferTeam.tfResourceType).toBe('coffer_team');
    expect(api.dataCofferWorkspace.DataCofferWorkspace.tfResourceType).toBe('coffer_workspace');
  });

  it('Team is the generated coffer_team with its id, name, organization and delete_contents', () => {
    const s = f.stack();
    const team = new api.Team(s, 'payments', {
      teamId: 'payments',
      name: 'Payments',
      organizationId: 'acme',
      deleteContents: true,
    });
    expect(team).toBeInstanceOf(api.team.Team);
    new api.Team(s, 'risk', { teamId: 'risk' });
    const r = doc(s).resource.coffer_team;
    expect(r).toEqual({
      payments: { id: 'payments', name: 'Payments', organization_id: 'acme', delete_contents: true },
      risk: { id: 'risk' },
    });
    expect(team.id).toMatch(/\$\{TfToken/);
  });

  it("a Workspace in a Team references the team's id, and each override references the workspace's id", () => {
    const s = f.stack();
    const openai = f.variable(s, 'openai', true) as never;
    const anthropic = f.variable(s, 'anthropic', true) as never;
    const team = new api.Team(s, 'payments', { teamId: 'payments' });
    const ws = new api.Workspace(s, 'api', {
      workspaceId: 'payments-api',
      name: 'Payments API',
      team,
      expiresInDays: 30,
      overrides: { OPENAI_API_KEY: openai, ANTHROPIC_API_KEY: { value: anthropic, expiresInDays: 90 } },
    });
    expect(ws).toBeInstanceOf(api.workspace.Workspace);
    const r = doc(s).resource;
    expect(r.coffer_workspace).toEqual({
      api: { id: 'payments-api', name: 'Payments API', team_id: ref('coffer_team.payments.id') },
    });
    const overrides = Object.entries(r.coffer_workspace_secret ?? {});
    expect(overrides.map(([name]) => name.replace(/_[0-9A-F]{8}$/, ''))).toEqual([
      'api_ANTHROPIC_API_KEY',
      'api_OPENAI_API_KEY',
    ]);
    const version = writeOnly ? { value_wo_version: 1 } : {};
    expect(overrides.map(([, o]) => o)).toEqual([
      {
        workspace_id: ref('coffer_workspace.api.id'),
        key: 'ANTHROPIC_API_KEY',
        [f.valueAttr]: ref('var.anthropic'),
        expires_in_days: 90,
        ...version,
      },
      {
        workspace_id: ref('coffer_workspace.api.id'),
        key: 'OPENAI_API_KEY',
        [f.valueAttr]: ref('var.openai'),
        expires_in_days: 30,
        ...version,
      },
    ]);
    expect(Object.keys(ws.overrides).sort()).toEqual(['ANTHROPIC_API_KEY', 'OPENAI_API_KEY']);
    expect(ws.override('OPENAI_API_KEY')).toBe(ws.overrides.OPENAI_API_KEY);
    expect(ws.override('OPENAI_API_KEY')).toBeInstanceOf(api.workspaceSecret.WorkspaceSecret);
    expect(() => ws.override('GROK_API_KEY')).toThrow(/Workspace "api" has no GROK_API_KEY/);
    expect(f.warnings(s)).toEqual([]);
  });

  it('a Workspace directly in the organization has no team_id; without overrides it is one resource', () => {
    const s = f.stack();
    const ws = new api.Workspace(s, 'sandbox', {
      workspaceId: 'sandbox',
      organizationId: 'acme',
      deleteContents: true,
    });
    const r = doc(s).resource;
    expect(r).toEqual({
      coffer_workspace: { sandbox: { id: 'sandbox', organization_id: 'acme', delete_contents: true } },
    });
    expect(ws.overrides).toEqual({});
  });

  it('a Workspace takes a team id as a string too', () => {
    const s = f.stack();
    new api.Workspace(s, 'ws', { workspaceId: 'ws-1', team: 'payments' });
    expect(doc(s).resource.coffer_workspace?.ws).toEqual({ id: 'ws-1', team_id: 'payments' });
  });

  it('scoped secrets on a Team or a Workspace reference its id (Terraform creates the scope first)', () => {
    const s = f.stack();
    const v = f.variable(s, 'v', true) as never;
    const team = new api.Team(s, 'risk', { teamId: 'risk' });
    const ws = new api.Workspace(s, 'scoring', { workspaceId: 'risk-scoring', team });
    new api.ScopedSecret(s, 'team_token', { scope: { type: 'team', id: team.id }, name: 'FEED', value: v });
    new api.ScopedSecret(s, 'ws_db', { scope: { type: 'workspace', id: ws.id }, name: 'DB', value: v });
    const secrets = doc(s).resource.coffer_secret ?? {};
    expect([secrets.team_token?.scope_id, secrets.ws_db?.scope_id]).toEqual([
      ref('coffer_team.risk.id'),
      ref('coffer_workspace.scoring.id'),
    ]);
  });

  it('passes provider and dependsOn to the workspace and its overrides', () => {
    const s = f.stack();
    const p = new api.CofferProvider(s, 'other', { alias: 'other' });
    const sm = api.SecretsManager.db(s, 'sm');
    new api.Workspace(s, 'ws', {
      workspaceId: 'ws-1',
      overrides: { GROQ_API_KEY: f.variable(s, 'v', true) as never },
      provider: p,
      dependsOn: [sm],
    });
    const r = doc(s).resource;
    const ws = r.coffer_workspace?.ws ?? {};
    const override = Object.values(r.coffer_workspace_secret ?? {})[0] ?? {};
    for (const res of [ws, override]) {
      expect(res.provider).toBe('coffer.other');
      expect(res.depends_on).toEqual(['coffer_secrets_manager.sm']);
    }
  });

  it('a literal override value is allowed with a warning that names the override, not the value', () => {
    const s = f.stack();
    new api.Workspace(s, 'ws', { workspaceId: 'ws-1', overrides: { GROQ_API_KEY: 'gsk-literal' } });
    const warnings = f.warnings(s);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Workspace "ws": overrides.GROQ_API_KEY: a literal secret value/);
    expect(warnings[0]).not.toContain('gsk-literal');
  });

  if (writeOnly) {
    it('cdktn: a construct-wide version and an entry version for the write-only overrides', () => {
      const s = f.stack();
      const v = f.variable(s, 'v', true) as never;
      const ws = new tn.Workspace(s, 'ws', {
        workspaceId: 'ws-1',
        version: 3,
        overrides: { GROQ_API_KEY: v, BRAVE_API_KEY: { value: v, version: 5 } },
      });
      const r = doc(s).resource.coffer_workspace_secret ?? {};
      const byKey = Object.fromEntries(Object.values(r).map((o) => [o.key, o.value_wo_version]));
      expect(byKey).toEqual({ GROQ_API_KEY: 3, BRAVE_API_KEY: 5 });
      expect(JSON.stringify(r)).not.toMatch(/"value":/);
      expect(ws.override('BRAVE_API_KEY')).toBeInstanceOf(tn.workspaceSecret.WorkspaceSecret);
    });

    it('cdktn: a full synth of teams, workspaces and write-only overrides passes the targetVersions check', () => {
      const outdir = mkdtempSync(join(tmpdir(), 'coffer-cdktn-ws-'));
      try {
        const app = new cdktn.App({ outdir, context: { targetVersions: tn.WRITE_ONLY_TARGET_VERSIONS } });
        const s = new cdktn.TerraformStack(app, 'tenancy');
        new tn.CofferProvider(s, 'coffer', {});
        const team = new tn.Team(s, 'payments', { teamId: 'payments' });
        const v = new cdktn.TerraformVariable(s, 'v', { type: 'string', sensitive: true });
        new tn.Workspace(s, 'api', { workspaceId: 'payments-api', team, overrides: { OPENAI_API_KEY: v } });
        app.synth();
        const out = JSON.parse(readFileSync(join(outdir, 'stacks', 'tenancy', 'cdk.tf.json'), 'utf8'));
        expect(Object.keys(out.resource).sort()).toEqual([
          'coffer_team',
          'coffer_workspace',
          'coffer_workspace_secret',
        ]);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    });
  } else {
    it('cdktf: the Jest matchers see the team and the workspace', () => {
      const synth = Testing.synthScope((scope) => {
        const team = new tf.Team(scope, 'payments', { teamId: 'payments', name: 'Payments' });
        new tf.Workspace(scope, 'api', { workspaceId: 'payments-api', team });
      });
      expect(synth).toHaveResourceWithProperties(tf.team.Team, { id: 'payments', name: 'Payments' });
      expect(synth).toHaveResourceWithProperties(tf.workspace.Workspace, {
        id: 'payments-api',
        team_id: ref('coffer_team.payments.id'),
      });
    });
  }
});

// The example stack, twice: with cdktf (values in sensitive variables, kept in state as sensitive) and with
// cdktn (write-only values, never in state). Same shape: the secrets manager, one organization, one team and
// one workspace secret, and two workspace overrides. The provider reads COFFER_BASE_URL / COFFER_API_KEY from
// the environment, so no credential is in the configuration; secret values come from TF_VAR_* variables.
import * as tf from '@coffer/cdktf/cdktf';
import * as tn from '@coffer/cdktf/cdktn';
import * as cdktf from 'cdktf';
import * as cdktn from 'cdktn';

export interface ExampleOptions {
  /** Prefix of the organization and team secret names (keeps the variants apart on one server). */
  readonly namePrefix: string;
  readonly organizationId: string;
  readonly teamId: string;
  readonly workspaceId: string;
}

export const CDKTF_OPTIONS: ExampleOptions = {
  namePrefix: 'CDKTF_',
  organizationId: 'acme',
  teamId: 'payments-cdktf',
  workspaceId: 'ws-cdktf',
};
export const CDKTN_OPTIONS: ExampleOptions = {
  namePrefix: 'CDKTN_',
  organizationId: 'acme',
  teamId: 'payments-cdktn',
  workspaceId: 'ws-cdktn',
};

/** The variables every variant declares (TF_VAR_<name>). */
export const SECRET_VARIABLES = [
  'smtp_password',
  'db_password',
  'api_token',
  'openai_api_key',
  'anthropic_api_key',
];

/** The cdktf variant: sensitive variables into the sensitive `value` attributes. */
export function cdktfStack(
  app: cdktf.App,
  id: string,
  o: ExampleOptions = CDKTF_OPTIONS,
): cdktf.TerraformStack {
  const stack = new cdktf.TerraformStack(app, id);
  // No backend block: OpenTofu's default local state (terraform.tfstate next to cdk.tf.json), and no
  // `tofu init` needed with a dev_overrides provider (init would look the provider up in the registry).
  // cdktf always adds a backend (by default a local one in the synth process's working directory).
  stack.addOverride('terraform.backend', undefined);
  new tf.CofferProvider(stack, 'coffer', {});
  const v = (name: string) =>
    new cdktf.TerraformVariable(stack, name, {
      type: 'string',
      sensitive: true,
      description: `value of ${name}`,
    });

  const manager = tf.SecretsManager.db(stack, 'secrets_manager', { cacheTtlSeconds: 300, fallback: 'NONE' });
  const org = new tf.ScopedSecret(stack, 'org_smtp', {
    scope: { type: 'organization', id: o.organizationId },
    name: `${o.namePrefix}SMTP_PASSWORD`,
    category: 'integration',
    description: 'outgoing mail',
    value: v('smtp_password'),
    dependsOn: [manager],
  });
  const team = new tf.ScopedSecret(stack, 'team_db', {
    scope: { type: 'team', id: o.teamId },
    name: `${o.namePrefix}DB_PASSWORD`,
    category: 'infrastructure',
    value: v('db_password'),
    dependsOn: [manager],
  });
  new tf.ScopedSecret(stack, 'workspace_token', {
    scope: { type: 'workspace', id: o.workspaceId },
    name: `${o.namePrefix}API_TOKEN`,
    category: 'agent',
    expiresAt: '2030-01-01T00:00:00Z',
    value: v('api_token'),
    dependsOn: [manager],
  });
  const overrides = new tf.WorkspaceSecrets(stack, 'overrides', {
    workspaceId: o.workspaceId,
    secrets: {
      OPENAI_API_KEY: v('openai_api_key'),
      ANTHROPIC_API_KEY: { value: v('anthropic_api_key'), expiresInDays: 90 },
    },
    dependsOn: [manager],
  });
  new cdktf.TerraformOutput(stack, 'org_secret_id', { value: org.id });
  new cdktf.TerraformOutput(stack, 'team_secret_version', { value: team.version });
  new cdktf.TerraformOutput(stack, 'openai_override_version', {
    value: overrides.secret('OPENAI_API_KEY').version,
  });
  return stack;
}

/** The cdktn variant: the same resources with write-only values (value_wo + value_wo_version). */
export function cdktnStack(
  app: cdktn.App,
  id: string,
  o: ExampleOptions = CDKTN_OPTIONS,
): cdktn.TerraformStack {
  const stack = new cdktn.TerraformStack(app, id);
  stack.addOverride('terraform.backend', undefined);
  stack.node.setContext('targetVersions', tn.WRITE_ONLY_TARGET_VERSIONS);
  new tn.CofferProvider(stack, 'coffer', {});
  const v = (name: string) =>
    new cdktn.TerraformVariable(stack, name, {
      type: 'string',
      sensitive: true,
      description: `value of ${name}`,
    });
  // Bump to push new values: write-only values are not compared with anything.
  const version = new cdktn.TerraformVariable(stack, 'secret_version', { type: 'number', default: 1 });

  const manager = tn.SecretsManager.db(stack, 'secrets_manager', { cacheTtlSeconds: 300, fallback: 'NONE' });
  const org = new tn.ScopedSecret(stack, 'org_smtp', {
    scope: { type: 'organization', id: o.organizationId },
    name: `${o.namePrefix}SMTP_PASSWORD`,
    category: 'integration',
    description: 'outgoing mail',
    value: v('smtp_password'),
    valueVersion: version.numberValue,
    dependsOn: [manager],
  });
  const team = new tn.ScopedSecret(stack, 'team_db', {
    scope: { type: 'team', id: o.teamId },
    name: `${o.namePrefix}DB_PASSWORD`,
    category: 'infrastructure',
    value: v('db_password'),
    valueVersion: version.numberValue,
    dependsOn: [manager],
  });
  new tn.ScopedSecret(stack, 'workspace_token', {
    scope: { type: 'workspace', id: o.workspaceId },
    name: `${o.namePrefix}API_TOKEN`,
    category: 'agent',
    expiresAt: '2030-01-01T00:00:00Z',
    value: v('api_token'),
    valueVersion: version.numberValue,
    dependsOn: [manager],
  });
  const overrides = new tn.WorkspaceSecrets(stack, 'overrides', {
    workspaceId: o.workspaceId,
    version: version.numberValue,
    secrets: {
      OPENAI_API_KEY: v('openai_api_key'),
      ANTHROPIC_API_KEY: { value: v('anthropic_api_key'), expiresInDays: 90 },
    },
    dependsOn: [manager],
  });
  new cdktn.TerraformOutput(stack, 'org_secret_id', { value: org.id });
  new cdktn.TerraformOutput(stack, 'team_secret_version', { value: team.version });
  new cdktn.TerraformOutput(stack, 'openai_override_version', {
    value: overrides.secret('OPENAI_API_KEY').version,
  });
  return stack;
}

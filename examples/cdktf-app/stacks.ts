// The example stack, twice: with cdktf (values in sensitive variables, kept in state as sensitive) and with
// cdktn (write-only values, never in state). Same shape (layout.ts): the secrets manager; teams payments and
// risk; workspaces payments-api (team payments), risk-scoring (team risk) and sandbox (directly in the
// organization); secrets on the organization, team and workspace layers; two overrides on payments-api.
// Teams, workspaces and scoped secrets refer to each other's `id`, so Terraform creates a scope before what it
// holds and destroys it after. The provider reads COFFER_BASE_URL / COFFER_API_KEY from the environment, so no
// credential is in the configuration; secret values come from TF_VAR_* variables.
import * as tf from '@coffer/cdktf/cdktf';
import * as tn from '@coffer/cdktf/cdktn';
import * as cdktf from 'cdktf';
import * as cdktn from 'cdktn';
import { DEFAULT_ORGANIZATION_ID, type Layout, layout, SECRET_VARIABLES } from './layout.ts';

export { SECRET_VARIABLES };

export const CDKTF_LAYOUT: Layout = layout('cdktf');
export const CDKTN_LAYOUT: Layout = layout('cdktn');

const ORGANIZATION_VARIABLE = {
  type: 'string',
  default: DEFAULT_ORGANIZATION_ID,
  description: "The API key's organization (the server's COFFER_ORGANIZATION_ID)",
};

/** The cdktf variant: sensitive variables into the sensitive `value` attributes. */
export function cdktfStack(app: cdktf.App, id: string, l: Layout = CDKTF_LAYOUT): cdktf.TerraformStack {
  const stack = new cdktf.TerraformStack(app, id);
  // No backend block: OpenTofu's default local state (terraform.tfstate next to cdk.tf.json), and no
  // `tofu init` needed with a dev_overrides provider (init would look the provider up in the registry).
  // cdktf always adds a backend (by default a local one in the synth process's working directory).
  stack.addOverride('terraform.backend', undefined);
  new tf.CofferProvider(stack, 'coffer', {});
  const v = (name: (typeof SECRET_VARIABLES)[number]) =>
    new cdktf.TerraformVariable(stack, name, {
      type: 'string',
      sensitive: true,
      description: `value of ${name}`,
    });
  const org = new cdktf.TerraformVariable(stack, 'organization_id', ORGANIZATION_VARIABLE).stringValue;

  const manager = tf.SecretsManager.db(stack, 'secrets_manager', { cacheTtlSeconds: 300, fallback: 'NONE' });
  const after = { dependsOn: [manager] };

  // Two teams and three workspaces.
  const payments = new tf.Team(stack, 'payments', {
    teamId: l.teams.payments,
    name: 'Payments',
    organizationId: org,
  });
  const risk = new tf.Team(stack, 'risk', { teamId: l.teams.risk, name: 'Risk', organizationId: org });
  const paymentsApi = new tf.Workspace(stack, 'payments_api', {
    workspaceId: l.workspaces.paymentsApi,
    name: 'Payments API',
    team: payments,
    // Overrides win over every scoped secret of the same name.
    overrides: {
      OPENAI_API_KEY: v('openai_api_key'),
      ANTHROPIC_API_KEY: { value: v('anthropic_api_key'), expiresInDays: 90 },
    },
    ...after,
  });
  const riskScoring = new tf.Workspace(stack, 'risk_scoring', {
    workspaceId: l.workspaces.riskScoring,
    team: risk,
  });
  const sandbox = new tf.Workspace(stack, 'sandbox', {
    workspaceId: l.workspaces.sandbox,
    organizationId: org, // no team: it resolves its own secrets and the organization's
  });

  const secret = (id: string, props: Omit<tf.ScopedSecretProps, 'dependsOn'>): tf.ScopedSecret =>
    new tf.ScopedSecret(stack, id, { ...props, ...after });
  // Organization layer: every workspace of the organization sees these.
  const orgSmtp = secret('org_smtp', {
    scope: { type: 'organization', id: org },
    name: l.names.smtp,
    category: 'integration',
    description: 'outgoing mail',
    value: v('smtp_password'),
  });
  secret('org_db', {
    scope: { type: 'organization', id: org },
    name: l.names.db,
    category: 'infrastructure',
    description: 'the shared database, unless a team or workspace has its own',
    value: v('org_db_password'),
  });
  // Team layer: only the team's workspaces see these; they win over the organization's.
  const paymentsDb = secret('payments_db', {
    scope: { type: 'team', id: payments.id },
    name: l.names.db,
    category: 'infrastructure',
    value: v('payments_db_password'),
  });
  secret('payments_openai', {
    scope: { type: 'team', id: payments.id },
    name: 'OPENAI_API_KEY',
    category: 'provider',
    value: v('payments_openai_api_key'),
  });
  secret('risk_feed', {
    scope: { type: 'team', id: risk.id },
    name: l.names.riskFeed,
    category: 'integration',
    value: v('risk_feed_token'),
  });
  // Workspace layer: wins over the team's and the organization's.
  secret('payments_api_token', {
    scope: { type: 'workspace', id: paymentsApi.id },
    name: l.names.apiToken,
    category: 'agent',
    expiresAt: '2030-01-01T00:00:00Z',
    value: v('api_token'),
  });
  secret('risk_scoring_db', {
    scope: { type: 'workspace', id: riskScoring.id },
    name: l.names.db,
    category: 'infrastructure',
    value: v('risk_db_password'),
  });

  new cdktf.TerraformOutput(stack, 'org_secret_id', { value: orgSmtp.id });
  new cdktf.TerraformOutput(stack, 'team_secret_version', { value: paymentsDb.version });
  new cdktf.TerraformOutput(stack, 'openai_override_version', {
    value: paymentsApi.override('OPENAI_API_KEY').version,
  });
  new cdktf.TerraformOutput(stack, 'workspaces', {
    value: Object.fromEntries(
      [paymentsApi, riskScoring, sandbox].map((w) => [
        w.node.id,
        { id: w.id, team_id: w.teamId, organization_id: w.organizationId },
      ]),
    ),
  });
  return stack;
}

/** The cdktn variant: the same resources with write-only values (value_wo + value_wo_version). */
export function cdktnStack(app: cdktn.App, id: string, l: Layout = CDKTN_LAYOUT): cdktn.TerraformStack {
  const stack = new cdktn.TerraformStack(app, id);
  stack.addOverride('terraform.backend', undefined);
  stack.node.setContext('targetVersions', tn.WRITE_ONLY_TARGET_VERSIONS);
  new tn.CofferProvider(stack, 'coffer', {});
  const v = (name: (typeof SECRET_VARIABLES)[number]) =>
    new cdktn.TerraformVariable(stack, name, {
      type: 'string',
      sensitive: true,
      description: `value of ${name}`,
    });
  const org = new cdktn.TerraformVariable(stack, 'organization_id', ORGANIZATION_VARIABLE).stringValue;
  // Bump to push new values: write-only values are not compared with anything.
  const version = new cdktn.TerraformVariable(stack, 'secret_version', { type: 'number', default: 1 })
    .numberValue;

  const manager = tn.SecretsManager.db(stack, 'secrets_manager', { cacheTtlSeconds: 300, fallback: 'NONE' });
  const after = { dependsOn: [manager] };

  const payments = new tn.Team(stack, 'payments', {
    teamId: l.teams.payments,
    name: 'Payments',
    organizationId: org,
  });
  const risk = new tn.Team(stack, 'risk', { teamId: l.teams.risk, name: 'Risk', organizationId: org });
  const paymentsApi = new tn.Workspace(stack, 'payments_api', {
    workspaceId: l.workspaces.paymentsApi,
    name: 'Payments API',
    team: payments,
    version,
    overrides: {
      OPENAI_API_KEY: v('openai_api_key'),
      ANTHROPIC_API_KEY: { value: v('anthropic_api_key'), expiresInDays: 90 },
    },
    ...after,
  });
  const riskScoring = new tn.Workspace(stack, 'risk_scoring', {
    workspaceId: l.workspaces.riskScoring,
    team: risk,
  });
  const sandbox = new tn.Workspace(stack, 'sandbox', {
    workspaceId: l.workspaces.sandbox,
    organizationId: org,
  });

  const secret = (
    id: string,
    props: Omit<tn.ScopedSecretProps, 'valueVersion' | 'dependsOn'>,
  ): tn.ScopedSecret => new tn.ScopedSecret(stack, id, { ...props, valueVersion: version, ...after });
  const orgSmtp = secret('org_smtp', {
    scope: { type: 'organization', id: org },
    name: l.names.smtp,
    category: 'integration',
    description: 'outgoing mail',
    value: v('smtp_password'),
  });
  secret('org_db', {
    scope: { type: 'organization', id: org },
    name: l.names.db,
    category: 'infrastructure',
    description: 'the shared database, unless a team or workspace has its own',
    value: v('org_db_password'),
  });
  const paymentsDb = secret('payments_db', {
    scope: { type: 'team', id: payments.id },
    name: l.names.db,
    category: 'infrastructure',
    value: v('payments_db_password'),
  });
  secret('payments_openai', {
    scope: { type: 'team', id: payments.id },
    name: 'OPENAI_API_KEY',
    category: 'provider',
    value: v('payments_openai_api_key'),
  });
  secret('risk_feed', {
    scope: { type: 'team', id: risk.id },
    name: l.names.riskFeed,
    category: 'integration',
    value: v('risk_feed_token'),
  });
  secret('payments_api_token', {
    scope: { type: 'workspace', id: paymentsApi.id },
    name: l.names.apiToken,
    category: 'agent',
    expiresAt: '2030-01-01T00:00:00Z',
    value: v('api_token'),
  });
  secret('risk_scoring_db', {
    scope: { type: 'workspace', id: riskScoring.id },
    name: l.names.db,
    category: 'infrastructure',
    value: v('risk_db_password'),
  });

  new cdktn.TerraformOutput(stack, 'org_secret_id', { value: orgSmtp.id });
  new cdktn.TerraformOutput(stack, 'team_secret_version', { value: paymentsDb.version });
  new cdktn.TerraformOutput(stack, 'openai_override_version', {
    value: paymentsApi.override('OPENAI_API_KEY').version,
  });
  new cdktn.TerraformOutput(stack, 'workspaces', {
    value: Object.fromEntries(
      [paymentsApi, riskScoring, sandbox].map((w) => [
        w.node.id,
        { id: w.id, team_id: w.teamId, organization_id: w.organizationId },
      ]),
    ),
  });
  return stack;
}

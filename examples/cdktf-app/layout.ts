// What the examples build, in one place: two teams (payments, risk), three workspaces (one in each team and a
// sandbox directly in the organization), secrets on the organization, team and workspace layers, and workspace
// overrides; and what each workspace must resolve to (narrowest wins: override > workspace > the workspace's
// team > organization). The cdktf and cdktn stacks (stacks.ts) and examples/hcl build the same thing; each
// variant has its own ids and name prefix, so all three can be applied to one server.

// `vault` is examples/hcl applied once more with the VAULT backend (run-all's vault step).
export type Variant = 'cdktf' | 'cdktn' | 'hcl' | 'vault';

export interface Layout {
  /** Prefix of every secret name except the override keys (organization names are shared by all variants). */
  readonly prefix: string;
  readonly teams: { readonly payments: string; readonly risk: string };
  readonly workspaces: {
    readonly paymentsApi: string;
    readonly riskScoring: string;
    readonly sandbox: string;
  };
  /** The scoped secrets' names. */
  readonly names: {
    readonly smtp: string;
    readonly db: string;
    readonly apiToken: string;
    readonly riskFeed: string;
  };
}

const PREFIX: Record<Variant, string> = { cdktf: 'CDKTF_', cdktn: 'CDKTN_', hcl: 'HCL_', vault: 'VAULT_' };

export function layout(variant: Variant): Layout {
  const prefix = PREFIX[variant];
  const s = `-${variant}`;
  return {
    prefix,
    teams: { payments: `payments${s}`, risk: `risk${s}` },
    workspaces: { paymentsApi: `payments-api${s}`, riskScoring: `risk-scoring${s}`, sandbox: `sandbox${s}` },
    names: {
      smtp: `${prefix}SMTP_PASSWORD`,
      db: `${prefix}DB_PASSWORD`,
      apiToken: `${prefix}API_TOKEN`,
      riskFeed: `${prefix}RISK_FEED_TOKEN`,
    },
  };
}

/** The organization the examples write to: the API key's (the server's COFFER_ORGANIZATION_ID, default `default`). */
export const DEFAULT_ORGANIZATION_ID = 'default';

/** The sensitive variables every variant declares (TF_VAR_<name>), one per value. */
export const SECRET_VARIABLES = [
  'smtp_password', // organization: SMTP_PASSWORD
  'org_db_password', // organization: DB_PASSWORD (the default for every workspace)
  'payments_db_password', // team payments: DB_PASSWORD (wins over the organization's in payments-api)
  'payments_openai_api_key', // team payments: OPENAI_API_KEY (payments-api's override wins over it)
  'risk_feed_token', // team risk: RISK_FEED_TOKEN (only risk's workspaces see it)
  'api_token', // workspace payments-api: API_TOKEN
  'risk_db_password', // workspace risk-scoring: DB_PASSWORD (wins over the organization's)
  'openai_api_key', // override on payments-api: OPENAI_API_KEY
  'anthropic_api_key', // override on payments-api: ANTHROPIC_API_KEY
] as const;
export type SecretVariable = (typeof SECRET_VARIABLES)[number];

/** What one name resolves to in a workspace: the layer (the API's `source`), its scope id and the variable. */
export interface Expected {
  readonly source: 'override' | 'workspace' | 'team' | 'organization';
  /** The scope the value came from (the workspace's id for an override). */
  readonly scopeId: string;
  readonly variable: SecretVariable;
}

/** The names each workspace asks for, and what each resolves to (`null`: missing, e.g. another team's). */
export function expectedResolution(
  l: Layout,
  organizationId: string = DEFAULT_ORGANIZATION_ID,
): Record<string, Record<string, Expected | null>> {
  const org = (variable: SecretVariable): Expected => ({
    source: 'organization',
    scopeId: organizationId,
    variable,
  });
  const { paymentsApi, riskScoring, sandbox } = l.workspaces;
  const n = l.names;
  return {
    [paymentsApi]: {
      [n.smtp]: org('smtp_password'),
      [n.db]: { source: 'team', scopeId: l.teams.payments, variable: 'payments_db_password' },
      [n.apiToken]: { source: 'workspace', scopeId: paymentsApi, variable: 'api_token' },
      [n.riskFeed]: null,
      OPENAI_API_KEY: { source: 'override', scopeId: paymentsApi, variable: 'openai_api_key' },
      ANTHROPIC_API_KEY: { source: 'override', scopeId: paymentsApi, variable: 'anthropic_api_key' },
    },
    [riskScoring]: {
      [n.smtp]: org('smtp_password'),
      [n.db]: { source: 'workspace', scopeId: riskScoring, variable: 'risk_db_password' },
      [n.apiToken]: null,
      [n.riskFeed]: { source: 'team', scopeId: l.teams.risk, variable: 'risk_feed_token' },
      OPENAI_API_KEY: null,
      ANTHROPIC_API_KEY: null,
    },
    [sandbox]: {
      [n.smtp]: org('smtp_password'),
      [n.db]: org('org_db_password'),
      [n.apiToken]: null,
      [n.riskFeed]: null,
      OPENAI_API_KEY: null,
      ANTHROPIC_API_KEY: null,
    },
  };
}

/** One scoped secret of the layout (overrides aside): its scope, the team it sits under, and its variable. */
export interface ScopedSecretOfLayout {
  readonly scopeType: 'organization' | 'team' | 'workspace';
  readonly scopeId: string;
  /** The team of a team secret, or of a workspace secret's workspace (null: the organization's, or none). */
  readonly teamId: string | null;
  readonly name: string;
  readonly variable: SecretVariable;
}

/** Every scoped secret the stacks create (7; the two overrides are workspace_secrets, kept in Coffer's store). */
export function scopedSecrets(
  l: Layout,
  organizationId: string = DEFAULT_ORGANIZATION_ID,
): ScopedSecretOfLayout[] {
  const n = l.names;
  const { payments, risk } = l.teams;
  return [
    {
      scopeType: 'organization',
      scopeId: organizationId,
      teamId: null,
      name: n.smtp,
      variable: 'smtp_password',
    },
    {
      scopeType: 'organization',
      scopeId: organizationId,
      teamId: null,
      name: n.db,
      variable: 'org_db_password',
    },
    { scopeType: 'team', scopeId: payments, teamId: payments, name: n.db, variable: 'payments_db_password' },
    {
      scopeType: 'team',
      scopeId: payments,
      teamId: payments,
      name: 'OPENAI_API_KEY',
      variable: 'payments_openai_api_key',
    },
    { scopeType: 'team', scopeId: risk, teamId: risk, name: n.riskFeed, variable: 'risk_feed_token' },
    {
      scopeType: 'workspace',
      scopeId: l.workspaces.paymentsApi,
      teamId: payments,
      name: n.apiToken,
      variable: 'api_token',
    },
    {
      scopeType: 'workspace',
      scopeId: l.workspaces.riskScoring,
      teamId: risk,
      name: n.db,
      variable: 'risk_db_password',
    },
  ];
}

/**
 * Where a scoped secret lives below a remote backend's prefix (Vault's `secretPath`, AWS's `secretPrefix`), as
 * server/README.md "Remote backends" documents the layout: `{org}/{name}`, `{org}/teams/{team}/{name}`,
 * `{org}/teams/{team}/workspaces/{ws}/{name}`, or `{org}/workspaces/{ws}/{name}` for a workspace in no team.
 */
export function layoutPath(
  s: ScopedSecretOfLayout,
  organizationId: string = DEFAULT_ORGANIZATION_ID,
): string {
  switch (s.scopeType) {
    case 'organization':
      return `${organizationId}/${s.name}`;
    case 'team':
      return `${organizationId}/teams/${s.scopeId}/${s.name}`;
    case 'workspace':
      return s.teamId === null
        ? `${organizationId}/workspaces/${s.scopeId}/${s.name}`
        : `${organizationId}/teams/${s.teamId}/workspaces/${s.scopeId}/${s.name}`;
  }
}

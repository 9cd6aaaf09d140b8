// examples/cdktf-app synthesizes both variants without the cdktf CLI; what each stack contains.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedResolution, layout } from '../cdktf-app/layout.ts';
import { STACKS, synthAll } from '../cdktf-app/main.ts';
import { CDKTF_LAYOUT, CDKTN_LAYOUT, SECRET_VARIABLES } from '../cdktf-app/stacks.ts';

type Doc = {
  terraform: Record<string, unknown>;
  variable: Record<string, { sensitive?: boolean; type?: string; default?: unknown }>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
  output: Record<string, unknown>;
};

let out: string;
let docs: { cdktf: Doc; cdktn: Doc };

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'coffer-cdktf-app-'));
  const dirs = synthAll(out);
  docs = {
    cdktf: JSON.parse(readFileSync(join(dirs.cdktf, 'cdk.tf.json'), 'utf8')),
    cdktn: JSON.parse(readFileSync(join(dirs.cdktn, 'cdk.tf.json'), 'utf8')),
  };
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The provider's version: the generated bindings pin it in every stack (the CDKTF CLIs require one). */
const PROVIDER_VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../provider/package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** A Terraform interpolation as synthesized: ref('var.x') is "${var.x}". */
const ref = (expression: string) => `\${${expression}}`;

function strip(r: Record<string, unknown>): Record<string, unknown> {
  const { '//': _, ...rest } = r;
  return rest;
}

describe.each(['cdktf', 'cdktn'] as const)('%s variant', (flavor) => {
  const l = flavor === 'cdktf' ? CDKTF_LAYOUT : CDKTN_LAYOUT;
  const valueAttr = flavor === 'cdktf' ? 'value' : 'value_wo';
  const org = ref('var.organization_id');

  it('declares every secret as a sensitive string variable and has no backend block (no tofu init needed)', () => {
    const d = docs[flavor];
    for (const v of SECRET_VARIABLES)
      expect(d.variable[v]).toMatchObject({ sensitive: true, type: 'string' });
    expect(d.variable.organization_id).toMatchObject({ type: 'string', default: 'default' });
    expect(d.variable.organization_id).not.toHaveProperty('sensitive');
    expect(d.terraform).toEqual({
      required_providers: {
        coffer: { source: 'registry.opentofu.org/coffer/coffer', version: PROVIDER_VERSION },
      },
    });
    expect(Object.keys(d)).not.toContain('provider_meta');
  });

  it('two teams in the organization, a workspace in each and one directly in the organization', () => {
    const r = docs[flavor].resource;
    expect(Object.fromEntries(Object.entries(r.coffer_team ?? {}).map(([k, v]) => [k, strip(v)]))).toEqual({
      payments: { id: l.teams.payments, name: 'Payments', organization_id: org },
      risk: { id: l.teams.risk, name: 'Risk', organization_id: org },
    });
    const ws = Object.fromEntries(Object.entries(r.coffer_workspace ?? {}).map(([k, v]) => [k, strip(v)]));
    expect(ws.payments_api).toMatchObject({
      id: l.workspaces.paymentsApi,
      name: 'Payments API',
      team_id: ref('coffer_team.payments.id'),
    });
    expect(ws.risk_scoring).toEqual({ id: l.workspaces.riskScoring, team_id: ref('coffer_team.risk.id') });
    expect(ws.sandbox).toEqual({ id: l.workspaces.sandbox, organization_id: org });
  });

  it('configures the secrets manager and secrets on the organization, team and workspace layers', () => {
    const r = docs[flavor].resource;
    expect(strip(r.coffer_secrets_manager?.secrets_manager ?? {})).toEqual({
      backend: 'DB',
      cache_ttl_seconds: 300,
      fallback: 'NONE',
    });
    const secrets = Object.values(r.coffer_secret ?? {}).map(strip);
    const n = l.names;
    expect(secrets.map((s) => [s.scope_type, s.scope_id, s.name, s[valueAttr]]).sort()).toEqual(
      [
        ['organization', org, n.smtp, ref('var.smtp_password')],
        ['organization', org, n.db, ref('var.org_db_password')],
        ['team', ref('coffer_team.payments.id'), n.db, ref('var.payments_db_password')],
        ['team', ref('coffer_team.payments.id'), 'OPENAI_API_KEY', ref('var.payments_openai_api_key')],
        ['team', ref('coffer_team.risk.id'), n.riskFeed, ref('var.risk_feed_token')],
        ['workspace', ref('coffer_workspace.payments_api.id'), n.apiToken, ref('var.api_token')],
        ['workspace', ref('coffer_workspace.risk_scoring.id'), n.db, ref('var.risk_db_password')],
      ].sort(),
    );
    for (const s of secrets) expect(s.depends_on).toEqual(['coffer_secrets_manager.secrets_manager']);
    // Every variable is used exactly once (values are told apart when resolved).
    const used = JSON.stringify(r).match(/\$\{var\.[a-z_]+\}/g) ?? [];
    for (const v of SECRET_VARIABLES) expect(used.filter((u) => u === ref(`var.${v}`))).toHaveLength(1);
  });

  it('sets two overrides on payments-api from variables, referencing the workspace', () => {
    const ws = Object.values(docs[flavor].resource.coffer_workspace_secret ?? {}).map(strip);
    expect(ws.map((w) => [w.workspace_id, w.key, w[valueAttr], w.expires_in_days])).toEqual([
      [ref('coffer_workspace.payments_api.id'), 'ANTHROPIC_API_KEY', ref('var.anthropic_api_key'), 90],
      [ref('coffer_workspace.payments_api.id'), 'OPENAI_API_KEY', ref('var.openai_api_key'), undefined],
    ]);
  });

  it('exposes ids, versions and the workspaces with their teams as outputs', () => {
    const out = docs[flavor].output;
    expect(Object.keys(out).sort()).toEqual([
      'openai_override_version',
      'org_secret_id',
      'team_secret_version',
      'workspaces',
    ]);
    expect((out.workspaces as { value: Record<string, unknown> }).value.sandbox).toEqual({
      id: ref('coffer_workspace.sandbox.id'),
      team_id: ref('coffer_workspace.sandbox.team_id'),
      organization_id: ref('coffer_workspace.sandbox.organization_id'),
    });
  });
});

describe('layout: what each workspace resolves', () => {
  it("narrowest wins: override > workspace > team > organization; another team's secrets never", () => {
    const l = layout('cdktf');
    const e = expectedResolution(l);
    const source = (ws: string) =>
      Object.fromEntries(
        Object.entries(e[ws] ?? {}).map(([k, v]) => [k, v ? `${v.source}:${v.scopeId}` : null]),
      );
    expect(source('payments-api-cdktf')).toEqual({
      CDKTF_SMTP_PASSWORD: 'organization:default',
      CDKTF_DB_PASSWORD: 'team:payments-cdktf',
      CDKTF_API_TOKEN: 'workspace:payments-api-cdktf',
      CDKTF_RISK_FEED_TOKEN: null,
      OPENAI_API_KEY: 'override:payments-api-cdktf',
      ANTHROPIC_API_KEY: 'override:payments-api-cdktf',
    });
    expect(source('risk-scoring-cdktf')).toMatchObject({
      CDKTF_DB_PASSWORD: 'workspace:risk-scoring-cdktf',
      CDKTF_RISK_FEED_TOKEN: 'team:risk-cdktf',
      OPENAI_API_KEY: null,
    });
    expect(source('sandbox-cdktf')).toMatchObject({
      CDKTF_DB_PASSWORD: 'organization:default',
      CDKTF_RISK_FEED_TOKEN: null,
    });
    // The three variants never share a team, a workspace or a name prefix.
    const ids = (['cdktf', 'cdktn', 'hcl'] as const).flatMap((v) => {
      const x = layout(v);
      return [...Object.values(x.teams), ...Object.values(x.workspaces), x.prefix];
    });
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the variants differ where they should', () => {
  it('cdktf keeps values in the sensitive `value`; cdktn sends write-only value_wo with a version', () => {
    const tf = JSON.stringify(docs.cdktf.resource);
    const tn = JSON.stringify(docs.cdktn.resource);
    expect(tf).not.toContain('value_wo');
    expect(tn).not.toMatch(/"value":/);
    for (const type of ['coffer_secret', 'coffer_workspace_secret']) {
      for (const s of Object.values(docs.cdktn.resource[type] ?? {}))
        expect(s.value_wo_version).toBe(ref('var.secret_version'));
    }
    expect(docs.cdktn.variable.secret_version).toMatchObject({ type: 'number', default: 1 });
  });

  it('stack names', () => {
    expect(STACKS).toEqual({ cdktf: 'coffer-cdktf', cdktn: 'coffer-cdktn' });
  });
});

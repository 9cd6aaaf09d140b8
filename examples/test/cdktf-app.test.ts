// examples/cdktf-app synthesizes both variants without the cdktf CLI; what each stack contains.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACKS, synthAll } from '../cdktf-app/main.ts';
import { CDKTF_OPTIONS, CDKTN_OPTIONS, SECRET_VARIABLES } from '../cdktf-app/stacks.ts';

type Doc = {
  terraform: Record<string, unknown>;
  variable: Record<string, { sensitive?: boolean; type?: string }>;
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
  const o = flavor === 'cdktf' ? CDKTF_OPTIONS : CDKTN_OPTIONS;
  const valueAttr = flavor === 'cdktf' ? 'value' : 'value_wo';

  it('declares every secret as a sensitive string variable and has no backend block (no tofu init needed)', () => {
    const d = docs[flavor];
    for (const v of SECRET_VARIABLES)
      expect(d.variable[v]).toMatchObject({ sensitive: true, type: 'string' });
    expect(d.terraform).toEqual({
      required_providers: {
        coffer: { source: 'registry.opentofu.org/coffer/coffer', version: PROVIDER_VERSION },
      },
    });
    expect(Object.keys(d)).not.toContain('provider_meta');
  });

  it('configures the secrets manager and organization, team and workspace secrets', () => {
    const r = docs[flavor].resource;
    expect(strip(r.coffer_secrets_manager?.secrets_manager ?? {})).toEqual({
      backend: 'DB',
      cache_ttl_seconds: 300,
      fallback: 'NONE',
    });
    const secrets = Object.values(r.coffer_secret ?? {}).map(strip);
    expect(secrets.map((s) => [s.scope_type, s.scope_id, s.name])).toEqual([
      ['organization', o.organizationId, `${o.namePrefix}SMTP_PASSWORD`],
      ['team', o.teamId, `${o.namePrefix}DB_PASSWORD`],
      ['workspace', o.workspaceId, `${o.namePrefix}API_TOKEN`],
    ]);
    for (const s of secrets) {
      expect(s[valueAttr]).toMatch(/^\$\{var\.[a-z_]+\}$/);
      expect(s.depends_on).toEqual(['coffer_secrets_manager.secrets_manager']);
    }
  });

  it('sets two workspace overrides from variables', () => {
    const ws = Object.values(docs[flavor].resource.coffer_workspace_secret ?? {}).map(strip);
    expect(ws.map((w) => [w.workspace_id, w.key, w[valueAttr], w.expires_in_days])).toEqual([
      [o.workspaceId, 'ANTHROPIC_API_KEY', ref('var.anthropic_api_key'), 90],
      [o.workspaceId, 'OPENAI_API_KEY', ref('var.openai_api_key'), undefined],
    ]);
  });

  it('exposes ids and versions as outputs', () => {
    expect(Object.keys(docs[flavor].output).sort()).toEqual([
      'openai_override_version',
      'org_secret_id',
      'team_secret_version',
    ]);
  });
});

describe('the variants differ where they should', () => {
  it('cdktf keeps values in the sensitive `value`; cdktn sends write-only value_wo with a version', () => {
    const tf = JSON.stringify(docs.cdktf.resource);
    const tn = JSON.stringify(docs.cdktn.resource);
    expect(tf).not.toContain('value_wo');
    expect(tn).not.toMatch(/"value":/);
    for (const s of Object.values(docs.cdktn.resource.coffer_secret ?? {})) {
      expect(s.value_wo_version).toBe(ref('var.secret_version'));
    }
    expect(docs.cdktn.variable.secret_version).toMatchObject({ type: 'number', default: 1 });
  });

  it('stack names', () => {
    expect(STACKS).toEqual({ cdktf: 'coffer-cdktf', cdktn: 'coffer-cdktn' });
  });
});

// examples/hcl: formatted as `tofu fmt` wants, valid against the provider's schema, and the same resources as
// the cdktn variant of examples/cdktf-app.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTofu, runTofu, writeCliConfig } from 'terraform-provider-coffer/dev';
import { describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { layout, SECRET_VARIABLES } from '../cdktf-app/layout.ts';
import { missing } from './requirements.ts';

const HCL = join(import.meta.dirname, '..', 'hcl');
const read = (f: string) => readFileSync(join(HCL, f), 'utf8');

describe('examples/hcl', () => {
  it('declares the same sensitive variables as the CDKTF stacks', () => {
    const vars = read('variables.tf');
    for (const v of SECRET_VARIABLES) {
      expect(vars).toMatch(
        new RegExp(`variable "${v}" \\{\\n\\s+type\\s+= string\\n\\s+sensitive = true\\n\\}`),
      );
    }
  });

  it('has the ids and name prefix of the hcl layout as its defaults (apart from the CDKTF stacks)', () => {
    const vars = read('variables.tf');
    const l = layout('hcl');
    const defaults = (name: string) => {
      const block = vars.split(`variable "${name}" {`)[1]?.split(/^}/m)[0]?.split('default = {')[1] ?? '';
      return Object.fromEntries([...block.matchAll(/^\s+(\w+)\s+= "([^"]*)"$/gm)].map((m) => [m[1], m[2]]));
    };
    expect(defaults('teams')).toEqual({ payments: l.teams.payments, risk: l.teams.risk });
    expect(defaults('workspaces')).toEqual({
      payments_api: l.workspaces.paymentsApi,
      risk_scoring: l.workspaces.riskScoring,
      sandbox: l.workspaces.sandbox,
    });
    expect(vars).toMatch(new RegExp(`variable "name_prefix" \\{[^}]*default\\s+= "${l.prefix}"`));
    expect(vars).toMatch(/variable "organization_id" \{[^}]*default\s+= "default"/);
  });

  it('two teams, three workspaces (one without a team), secrets on each layer that refer to their scope', () => {
    const main = read('main.tf');
    expect(main.match(/^resource "coffer_team" "(\w+)"/gm)).toEqual([
      'resource "coffer_team" "payments"',
      'resource "coffer_team" "risk"',
    ]);
    expect(main.match(/^resource "coffer_workspace" "(\w+)"/gm)).toHaveLength(3);
    expect(main.match(/team_id\s+= coffer_team\.(payments|risk)\.id/g)).toHaveLength(2);
    const scopes = [...main.matchAll(/scope_type\s+= "(\w+)"\n\s+scope_id\s+= ([\w.]+)/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(scopes).toEqual([
      'organization var.organization_id',
      'organization var.organization_id',
      'team coffer_team.payments.id',
      'team coffer_team.payments.id',
      'team coffer_team.risk.id',
      'workspace coffer_workspace.payments_api.id',
      'workspace coffer_workspace.risk_scoring.id',
    ]);
    expect(main).toMatch(/workspace_id\s+= coffer_workspace\.payments_api\.id/);
  });

  it('uses write-only values only, never `value =`', () => {
    const main = read('main.tf');
    expect(main.match(/value_wo\s+=/g)).toHaveLength(8);
    expect(main.match(/value_wo_version\s+=/g)).toHaveLength(8);
    // outputs use `value =`; resources never do
    const resources = main.split(/^output /m)[0] as string;
    expect(resources).not.toMatch(/^\s+value\s+=/m);
    expect(
      [
        'coffer_secrets_manager',
        'coffer_team',
        'coffer_workspace',
        'coffer_secret',
        'coffer_workspace_secret',
      ].map((t) => main.includes(`resource "${t}"`)),
    ).toEqual([true, true, true, true, true]);
  });

  const skipFmt = skipUnlessAvailable('tofu fmt of examples/hcl', missing({ tofu: true }));
  it.skipIf(skipFmt)('is formatted (tofu fmt -check)', async () => {
    const r = await runTofu(findTofu() as string, ['fmt', '-check', '-diff', '-no-color'], {
      cwd: HCL,
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  const skipValidate = skipUnlessAvailable(
    'tofu validate of examples/hcl',
    missing({ tofu: true, provider: true }),
  );
  it.skipIf(skipValidate)(
    'is valid against the provider schema (tofu validate with dev_overrides)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'coffer-hcl-'));
      try {
        cpSync(HCL, dir, { recursive: true });
        const r = await runTofu(findTofu() as string, ['validate', '-json', '-no-color'], {
          cwd: dir,
          env: { ...process.env, TF_CLI_CONFIG_FILE: writeCliConfig(dir) },
          timeoutMs: 60_000,
        });
        const result = JSON.parse(r.stdout) as {
          valid: boolean;
          error_count: number;
          diagnostics: unknown[];
        };
        expect(result.diagnostics.filter((d) => (d as { severity: string }).severity === 'error')).toEqual(
          [],
        );
        expect(result.valid).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

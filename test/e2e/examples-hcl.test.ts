// examples/hcl, copied as a user would copy it, applies against the provider and coffer serve: its two teams,
// three workspaces (one directly in the organization), secrets on every layer and overrides; every workspace
// then resolves each name from the layer examples/cdktf-app/layout.ts says, with the applied value (or not at
// all, for another team's); it plans no changes afterwards, keeps its write-only values out of the state, and
// destroys cleanly, its teams and workspaces included.
import { randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectedResolution, layout, SECRET_VARIABLES } from '../../examples/cdktf-app/layout.ts';
import { describeEachCli } from './lib/cli.ts';
import { ROOT } from './lib/env.ts';
import { Workdir } from './lib/tofu.ts';

const EXAMPLE = join(ROOT, 'examples', 'hcl');

describeEachCli('examples/hcl', (cli) => {
  let server: RunningServer;
  let sdk: Coffer;
  let wd: Workdir;
  const values = Object.fromEntries(
    SECRET_VARIABLES.map((v) => [v, `${v}-${randomBytes(10).toString('hex')}`]),
  ) as Record<(typeof SECRET_VARIABLES)[number], string>;

  beforeAll(async () => {
    server = await startServer();
    sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    wd = new Workdir(cli, {
      COFFER_BASE_URL: server.baseUrl,
      COFFER_API_KEY: server.apiKey,
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`TF_VAR_${k}`, v])),
    });
    for (const f of readdirSync(EXAMPLE).filter((f) => f.endsWith('.tf'))) {
      copyFileSync(join(EXAMPLE, f), join(wd.dir, f));
    }
  });

  afterAll(async () => {
    await sdk?.close();
    await server?.stop();
    wd?.remove();
  });

  it('applies, then plans no changes', async () => {
    const a = await wd.must(['apply', '-auto-approve']);
    // The secrets manager, 2 teams, 3 workspaces, 7 secrets, 2 overrides.
    expect(a.stdout).toContain('Apply complete! Resources: 15 added, 0 changed, 0 destroyed.');
    await wd.must(['plan', '-detailed-exitcode'], [0]);
    const state = wd.read('terraform.tfstate');
    for (const v of Object.values(values)) expect(state.includes(v)).toBe(false);
  });

  it('resolves every name in every workspace from the expected layer, with the applied value', async () => {
    const expected = expectedResolution(layout('hcl'));
    for (const [workspaceId, names] of Object.entries(expected)) {
      const r = await sdk.secrets.resolve({ workspaceId, names: Object.keys(names) });
      const got = Object.fromEntries(
        r.items.map((i) => [i.name, { source: i.source, scopeId: i.scope.id, value: i.value.reveal() }]),
      );
      const want = Object.fromEntries(
        Object.entries(names)
          .filter(([, e]) => e !== null)
          .map(([name, e]) => [
            name,
            { source: e?.source, scopeId: e?.scopeId, value: values[e?.variable as keyof typeof values] },
          ]),
      );
      expect(got, workspaceId).toEqual(want);
    }
  });

  it('destroys everything it created', async () => {
    await wd.must(['destroy', '-auto-approve']);
    const left: string[] = [];
    for await (const s of sdk.secrets.list()) left.push(s.name);
    expect(left).toEqual([]);
    const scopes: string[] = [];
    for await (const t of sdk.teams.list()) scopes.push(t.id);
    for await (const w of sdk.workspaces.list()) scopes.push(w.id);
    expect(scopes).toEqual([]);
  });
});

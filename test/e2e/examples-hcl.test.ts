// examples/hcl, copied as a user would copy it, applies against the provider and coffer serve, plans no
// changes afterwards, keeps its write-only values out of the state, and destroys cleanly.
import { randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachCli } from './lib/cli.ts';
import { ROOT } from './lib/env.ts';
import { Workdir } from './lib/tofu.ts';

const EXAMPLE = join(ROOT, 'examples', 'hcl');

describeEachCli('examples/hcl', (cli) => {
  let server: RunningServer;
  let sdk: Coffer;
  let wd: Workdir;
  const values = Object.fromEntries(
    ['smtp_password', 'db_password', 'api_token', 'openai_api_key', 'anthropic_api_key'].map((v) => [
      v,
      `${v}-${randomBytes(10).toString('hex')}`,
    ]),
  );

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
    expect(a.stdout).toContain('Apply complete! Resources: 6 added, 0 changed, 0 destroyed.');
    await wd.must(['plan', '-detailed-exitcode'], [0]);
    const state = wd.read('terraform.tfstate');
    for (const v of Object.values(values)) expect(state.includes(v)).toBe(false);
    const r = await sdk.secrets.resolve({
      workspaceId: 'ws-hcl',
      teamId: 'payments-hcl',
      names: ['HCL_DB_PASSWORD'],
    });
    expect(r.items[0]?.value.reveal()).toBe(values.db_password);
  });

  it('destroys everything it created', async () => {
    await wd.must(['destroy', '-auto-approve']);
    const left: string[] = [];
    for await (const s of sdk.secrets.list()) left.push(s.name);
    expect(left).toEqual([]);
  });
});

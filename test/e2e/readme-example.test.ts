// provider/README.md's example, copied from the README as a user would, on a fresh server: it applies in one
// go on both CLIs (the ephemeral read waits for the secret through after_version; Terraform opens ephemeral
// resources while planning), plans no changes afterwards, and a rotation of the source secret reaches the
// copy that the ephemeral value feeds.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachCli } from './lib/cli.ts';
import { ROOT } from './lib/env.ts';
import { Workdir } from './lib/tofu.ts';

/** The first ```hcl block under "## Example" in provider/README.md. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'provider', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Example\n'));
  const start = section.indexOf('```hcl\n');
  const end = section.indexOf('\n```', start + 7);
  if (start < 0 || end < 0) throw new Error('provider/README.md has no hcl block under ## Example');
  return section.slice(start + 7, end);
}

describeEachCli('the README example on a fresh server', (cli) => {
  let server: RunningServer;
  let sdk: Coffer;
  let wd: Workdir;
  const hidden = [`db-${randomBytes(12).toString('hex')}`, `sk-${randomBytes(12).toString('hex')}`];
  const env = () => ({ TF_VAR_db_password: hidden[0] as string, TF_VAR_openai_key: hidden[1] as string });
  const resolve = async (name: string) => {
    const r = await sdk.secrets.resolve({ workspaceId: 'ws-checkout', names: [name] });
    return r.items.find((i) => i.name === name)?.value.reveal();
  };

  beforeAll(async () => {
    server = await startServer();
    sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    wd = new Workdir(cli, { COFFER_BASE_URL: server.baseUrl, COFFER_API_KEY: server.apiKey });
    // The example carries its own terraform block: write it as it is.
    writeFileSync(join(wd.dir, 'main.tf'), readmeExample());
  });
  afterAll(async () => {
    await sdk?.close();
    await server?.stop();
    wd?.remove();
  });

  it('applies in one go: the ephemeral value is read after the secret it reads is created', async () => {
    const a = await wd.must(['apply', '-auto-approve'], [0], env());
    expect(a.stdout).toContain('Apply complete!');
    expect(await resolve('DB_PASSWORD')).toBe(hidden[0]);
    expect(await resolve('DB_PASSWORD_COPY')).toBe(hidden[0]);
    for (const h of hidden) {
      expect(a.all.includes(h)).toBe(false);
      expect(wd.read('terraform.tfstate').includes(h)).toBe(false);
    }
  });

  it('plans no changes the second time (the read happens during the plan and finds the secret)', async () => {
    const p = await wd.must(['plan', '-detailed-exitcode'], [0], env());
    expect(p.stdout).toContain('No changes.');
  });

  it('reads the new value when the source secret is re-sent in the same run', async () => {
    hidden[0] = `db-${randomBytes(12).toString('hex')}`;
    const tf = wd.read('main.tf');
    const bumped = tf
      .replace(/(resource "coffer_secret" "db" \{[\s\S]*?value_wo_version = )1/, '$12')
      .replace(/(resource "coffer_secret" "db_copy" \{[\s\S]*?value_wo_version = )1/, '$12');
    expect(bumped).not.toBe(tf);
    writeFileSync(join(wd.dir, 'main.tf'), bumped);
    await wd.must(['apply', '-auto-approve'], [0], env());
    expect(await resolve('DB_PASSWORD')).toBe(hidden[0]);
    expect(await resolve('DB_PASSWORD_COPY')).toBe(hidden[0]);
  });
});

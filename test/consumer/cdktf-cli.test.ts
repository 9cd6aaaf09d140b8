// The real CDKTF command-line tools end to end, as CDKTF users run them: an app laid out like `cdktf init`'s
// (cdktn init's) TypeScript template that depends on the packed @coffer/cdktf, compiled with the template's own
// tsconfig, then `synth`, `deploy --auto-approve` against `coffer serve` (the provider installed by OpenTofu
// from a filesystem mirror of the release build), read back with the SDK, and `destroy`; for cdktf-cli 0.21
// (on Node 22: its node-pty has no build for Node 24) and cdktn-cli 0.24 (on Node 24).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { findTofu } from 'terraform-provider-coffer/dev';
import { hostPlatform, platformName, release } from 'terraform-provider-coffer/release';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';
import { packedMirror, writeMirrorConfig } from '../e2e/lib/mirror.ts';
import {
  CONSUMER_DEPS,
  exec,
  FIXTURES,
  findNode22,
  makeProject,
  pack,
  type Result,
  type Tarballs,
} from './lib.ts';

const TOOLS = process.env.COFFER_TOOLS_DIR ?? join(homedir(), '.cache', 'coffer-tools');
const REGISTRY = 'registry.opentofu.org';

const FLAVORS = [
  {
    flavor: 'cdktf',
    cli: join(TOOLS, 'cdktf-cli-0.21.0', 'node_modules', 'cdktf-cli'),
    bin: 'bundle/bin/cdktf',
    template: 'bundle/templates/typescript',
    node: findNode22(),
    nodeName: 'Node 22',
    writeOnly: false,
  },
  {
    flavor: 'cdktn',
    cli: join(TOOLS, 'cdktn-cli-0.24.0', 'node_modules', 'cdktn-cli'),
    bin: 'bin/cdktn',
    template: 'bundle/templates/typescript',
    node: process.execPath,
    nodeName: 'Node 24',
    writeOnly: true,
  },
] as const;

function missing(): string[] {
  const out: string[] = [];
  for (const f of FLAVORS) {
    if (!existsSync(join(f.cli, f.bin))) out.push(`${f.flavor}-cli (scripts/setup.d/70-cdktf-clis.sh)`);
  }
  if (!FLAVORS[0].node) out.push('Node 22 (scripts/setup.d/50-node22.sh)');
  if (!findTofu()) out.push('OpenTofu (scripts/setup.d/10-opentofu.sh)');
  if (!hostPlatform()) out.push(`a provider release build for ${process.platform}/${process.arch}`);
  return out;
}

const skip = skipUnlessAvailable('CDKTF CLI end-to-end test', missing());

let work: string;
let tarballs: Tarballs;
let cliConfig: string;
let server: RunningServer;
let sdk: Coffer;

beforeAll(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'coffer-cdktf-cli-'));
  const host = hostPlatform() as NonNullable<ReturnType<typeof hostPlatform>>;
  // The provider as released (npm run release:provider), in a packed filesystem mirror: OpenTofu installs it
  // from there and from nowhere else.
  const [packs, rel, srv] = await Promise.all([
    pack(join(work, 'packs')),
    release(join(work, 'dist'), [host]),
    startServer(),
  ]);
  tarballs = packs;
  server = srv;
  sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
  packedMirror(join(work, 'mirror'), REGISTRY, rel, platformName(host));
  const fsMirror = `filesystem_mirror {\n    path    = ${JSON.stringify(join(work, 'mirror'))}\n    include = INCLUDE\n  }`;
  cliConfig = writeMirrorConfig(join(work, 'cli.tfrc'), REGISTRY, fsMirror);
}, 600_000);

afterAll(async () => {
  await sdk?.close();
  await server?.stop();
  if (work && !process.env.COFFER_KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skip).each(FLAVORS)('$flavor-cli end to end', (f) => {
  let app: string;
  let home: string;
  const values = {
    db_password: `db-${f.flavor}-${crypto.randomUUID()}`,
    openai_api_key: `sk-${f.flavor}-${crypto.randomUUID()}`,
  };

  /** Runs the CLI in the app the way a user does, with nothing from this checkout on PATH but Node. */
  const cli = (args: string[], node: string = f.node as string): Promise<Result> =>
    exec(node, [join(f.cli, f.bin), ...args], {
      cwd: app,
      timeoutMs: 300_000,
      env: {
        PATH: `${dirname(node)}:${dirname(findTofu() as string)}:/usr/bin:/bin`,
        HOME: home,
        CI: '1',
        CHECKPOINT_DISABLE: '1',
        DISABLE_VERSION_CHECK: 'true',
        // The CLIs drive `terraform` unless told otherwise; OpenTofu 1.12 here.
        TERRAFORM_BINARY_NAME: findTofu() as string,
        TF_CLI_CONFIG_FILE: cliConfig,
        COFFER_BASE_URL: server.baseUrl,
        COFFER_API_KEY: server.apiKey,
        ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`TF_VAR_${k}`, v])),
      },
    });

  beforeAll(async () => {
    app = join(work, `${f.flavor}-app`);
    home = join(work, `${f.flavor}-home`);
    mkdirSync(home, { recursive: true });
    const { typescript, '@types/node': types, constructs } = CONSUMER_DEPS;
    const r = await makeProject(app, `${f.flavor}-cli`, {
      name: `coffer-${f.flavor}-app`,
      version: '1.0.0',
      main: 'main.js',
      private: true,
      scripts: { build: 'tsc', synth: `${f.flavor} synth` },
      dependencies: {
        '@coffer/cdktf': `file:${tarballs.cdktf}`,
        '@coffer/sdk': `file:${tarballs.sdk}`,
        [f.flavor]: CONSUMER_DEPS[f.flavor],
        constructs,
      },
      devDependencies: { typescript, '@types/node': types },
    });
    if (r.code !== 0) throw new Error(`npm install failed:\n${r.stdout}\n${r.stderr}`);
    // The init template's own tsconfig.json (CommonJS, node10 resolution): the app compiles with it as is.
    cpSync(join(f.cli, f.template, 'tsconfig.json'), join(app, 'tsconfig.json'));
    const tsc = await exec(process.execPath, ['node_modules/typescript/bin/tsc'], { cwd: app });
    if (tsc.code !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  }, 300_000);

  if (f.flavor === 'cdktn') {
    it("cdktn init's default targetVersions refuse write-only values (the fix: edit cdktf.json)", async () => {
      const template = readFileSync(join(f.cli, f.template, 'cdktf.json'), 'utf8')
        .replace('{{futureFlags}}', '')
        .replace(/"\{\{[^}]+\}\}"/g, '"x"');
      const { targetVersions } = JSON.parse(template) as { targetVersions: Record<string, string> };
      expect(targetVersions).toEqual({ terraform: '>=1.5.7', opentofu: '>=1.6.0' });
      const fixed = readFileSync(join(app, 'cdktf.json'), 'utf8');
      writeFileSync(join(app, 'cdktf.json'), JSON.stringify({ ...JSON.parse(fixed), targetVersions }));
      try {
        const r = await cli(['synth']);
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toMatch(
          /write-only attributes requires opentofu >=1\.11\.0, but the project targets opentofu >=1\.6\.0/,
        );
      } finally {
        writeFileSync(join(app, 'cdktf.json'), fixed);
      }
    });
  } else {
    it('cdktf-cli 0.21 cannot deploy on Node 24 (its node-pty has no build past Node 22), so it runs on 22', async () => {
      const r = await cli(
        ['deploy', '--auto-approve', '--skip-provider-lock', '--no-color', 'coffer'],
        process.execPath,
      );
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).toMatch(/node-pty-prebuilt-multiarch/);
    });
  }

  it(`synth (on ${f.nodeName}) writes a stack that pins the provider version`, async () => {
    const r = await cli(['synth', '--no-color']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const tf = JSON.parse(readFileSync(join(app, 'cdktf.out/stacks/coffer/cdk.tf.json'), 'utf8'));
    expect(tf.terraform.required_providers.coffer).toEqual({
      source: `${REGISTRY}/coffer/coffer`,
      version: JSON.parse(readFileSync(join(FIXTURES, '../../../provider/package.json'), 'utf8')).version,
    });
    expect(Object.keys(tf.resource.coffer_secret.db)).toContain(f.writeOnly ? 'value_wo' : 'value');
    // Values come from TF_VAR_* at apply time: neither the synth output nor the stack holds one.
    const stack = readFileSync(join(app, 'cdktf.out/stacks/coffer/cdk.tf.json'), 'utf8');
    for (const v of Object.values(values)) expect(r.stdout + r.stderr + stack).not.toContain(v);
  });

  it('deploy --auto-approve creates the team, the workspace, the secret and the override; no value in the output', async () => {
    // --skip-provider-lock: `providers lock` ignores provider_installation and asks the registry itself; with
    // a mirror, `init` records the lock (the CLIs' own flag for this).
    const r = await cli(['deploy', '--auto-approve', '--skip-provider-lock', '--no-color', 'coffer']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Apply complete! Resources: 4 added, 0 changed, 0 destroyed\./);
    for (const v of [...Object.values(values), server.apiKey]) expect(r.stdout + r.stderr).not.toContain(v);
    expect(readFileSync(join(app, 'cdktf.out/stacks/coffer/.terraform.lock.hcl'), 'utf8')).toContain(
      `provider "${REGISTRY}/coffer/coffer"`,
    );
  });

  it('the SDK reads back what was deployed, values included (resolve)', async () => {
    const team = [];
    for await (const s of sdk.secrets.list({ scopeType: 'team', scopeId: `cli-${f.flavor}` })) team.push(s);
    expect(team.map((s) => [s.name, s.category, s.version])).toEqual([
      ['CLI_DB_PASSWORD', 'infrastructure', 1],
    ]);
    const workspace = await sdk.workspaces.get(`ws-cli-${f.flavor}`);
    expect([workspace.teamId, (await sdk.teams.get(`cli-${f.flavor}`)).name]).toEqual([
      `cli-${f.flavor}`,
      `CLI ${f.flavor}`,
    ]);
    // The chain is the workspace's own (its team from the workspace record): no teamId.
    const resolved = await sdk.secrets.resolve({
      workspaceId: `ws-cli-${f.flavor}`,
      names: ['CLI_DB_PASSWORD', 'OPENAI_API_KEY'],
    });
    expect(Object.fromEntries(resolved.items.map((i) => [i.name, i.value.reveal()]))).toEqual({
      CLI_DB_PASSWORD: values.db_password,
      OPENAI_API_KEY: values.openai_api_key,
    });
  });

  it(
    f.writeOnly
      ? 'write-only values are not in the state file'
      : 'sensitive values are in the state file (cdktn keeps them out)',
    () => {
      const state = readFileSync(join(app, 'terraform.coffer.tfstate'), 'utf8');
      expect(JSON.parse(state).resources).toHaveLength(4);
      for (const v of Object.values(values)) {
        if (f.writeOnly) expect(state).not.toContain(v);
        else expect(state).toContain(v);
      }
    },
  );

  it('destroy --auto-approve removes everything', async () => {
    const r = await cli(['destroy', '--auto-approve', '--skip-provider-lock', '--no-color', 'coffer']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Destroy complete! Resources: 4 destroyed\./);
    for (const v of [...Object.values(values), server.apiKey]) expect(r.stdout + r.stderr).not.toContain(v);
    const left = [];
    for await (const s of sdk.secrets.list()) if (s.scope.id === `cli-${f.flavor}`) left.push(s.name);
    expect(left).toEqual([]);
    // The team and the workspace went last (the secret and the override referenced them).
    await expect(sdk.workspaces.get(`ws-cli-${f.flavor}`)).rejects.toMatchObject({ status: 404 });
    await expect(sdk.teams.get(`cli-${f.flavor}`)).rejects.toMatchObject({ status: 404 });
  });
});

// Installing the released provider as a user outside this checkout would: a fresh directory under the system
// temp dir, a CLI configuration with no dev_overrides, and coffer/coffer coming only from a mirror built
// from `npm run release:provider`'s output: a filesystem_mirror (packed zip and unpacked directory) and a
// network_mirror over HTTPS on loopback. For each: init, `providers lock` (the h1: hash of the package, and
// the zh: one from SHA256SUMS where the CLI records it), apply, a no-op plan. PATH holds no Node: the binary
// needs nothing outside itself.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Coffer } from '@coffer/sdk';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { hostPlatform, platformName, type Release, release } from 'terraform-provider-coffer/release';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Cli, describeEachCli } from './lib/cli.ts';
import {
  h1Hash,
  type NetworkMirror,
  packedMirror,
  startNetworkMirror,
  unpackedMirror,
  writeMirrorConfig,
  zipSha256,
} from './lib/mirror.ts';
import { createScopes } from './lib/scopes.ts';
import { Workdir } from './lib/tofu.ts';

const host = hostPlatform();
if (!host) throw new Error(`the release has no build for ${process.platform}/${process.arch}`);
const platform = platformName(host);

const config = (name: string) => `
terraform {
  required_providers {
    coffer = {
      source  = "coffer/coffer"
      version = "VERSION"
    }
  }
}

variable "value" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "coffer_secret" "x" {
  scope_type       = "team"
  scope_id         = "mirror"
  name             = "${name}"
  value_wo         = var.value
  value_wo_version = 1
}
`;

/** The lock file's hashes for coffer/coffer. */
function lockedHashes(wd: Workdir, cli: Cli): string[] {
  const lock = wd.read('.terraform.lock.hcl');
  const block = lock.slice(lock.indexOf(`provider "${cli.registry}/coffer/coffer"`));
  const hashes = block.slice(block.indexOf('hashes = ['), block.indexOf(']'));
  return [...hashes.matchAll(/"((?:h1|zh):[^"]+)"/g)].map((m) => m[1] as string);
}

/** One release build for the whole file (both CLIs install the same package), removed after the file. */
let built: Promise<Release> | undefined;
let dist: string | undefined;
function releaseOnce(): Promise<Release> {
  if (!built) {
    dist = mkdtempSync(join(tmpdir(), 'coffer-mirror-dist-'));
    built = release(dist, [host as NonNullable<typeof host>]);
  }
  return built;
}
afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describeEachCli('installing the released binary from a mirror', (cli) => {
  let server: RunningServer;
  let sdk: Coffer;
  let rel: Release;
  let root: string;
  let mirror: NetworkMirror;
  const value = `mirror-${randomBytes(12).toString('hex')}`;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), `coffer-mirror-${cli.command}-`));
    rel = await releaseOnce();
    packedMirror(join(root, 'packed'), cli.registry, rel, platform);
    unpackedMirror(join(root, 'unpacked'), cli.registry, rel, platform);
    mirror = await startNetworkMirror(rel, root);
    server = await startServer();
    sdk = new Coffer({ baseUrl: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
    await createScopes(sdk, { teams: ['mirror'], workspaces: { 'ws-mirror': 'mirror' } });
  }, 240_000);

  afterAll(async () => {
    await sdk?.close();
    await server?.stop();
    await mirror?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const layouts = [
    { layout: 'filesystem_mirror, packed', dir: 'packed', lockFlag: (r: string) => `-fs-mirror=${r}/packed` },
    {
      layout: 'filesystem_mirror, unpacked',
      dir: 'unpacked',
      lockFlag: (r: string) => `-fs-mirror=${r}/unpacked`,
    },
    { layout: 'network_mirror over HTTPS', dir: '', lockFlag: () => `-net-mirror=${mirror.url}` },
  ];

  for (const { layout, dir, lockFlag } of layouts) {
    it(`${layout}: init, providers lock, apply, no-op plan`, async () => {
      const name = `MIRROR_${dir.toUpperCase() || 'NETWORK'}`;
      const home = join(root, `home-${dir || 'network'}`);
      mkdirSync(home, { recursive: true });
      const installation = dir
        ? `filesystem_mirror {\n    path    = ${JSON.stringify(join(root, dir))}\n    include = INCLUDE\n  }`
        : `network_mirror {\n    url     = ${JSON.stringify(mirror.url)}\n    include = INCLUDE\n  }`;
      const cliConfig = writeMirrorConfig(join(home, 'cli.tfrc'), cli.registry, installation);
      const emptyPath = join(home, 'bin'); // no Node (and nothing else) on PATH
      mkdirSync(emptyPath, { recursive: true });
      const wd = new Workdir(
        cli,
        {
          PATH: emptyPath,
          HOME: home,
          COFFER_BASE_URL: server.baseUrl,
          COFFER_API_KEY: server.apiKey,
          TF_VAR_value: value,
          SSL_CERT_FILE: mirror.caFile,
        },
        { cliConfig, prefix: `coffer-mirror-${cli.command}-work-` },
      );
      try {
        // Not Workdir.write: it prepends an unversioned requirement, and this configuration brings its own.
        writeFileSync(join(wd.dir, 'main.tf'), config(name).replace('VERSION', rel.version));

        const init = await wd.must(['init']);
        expect(init.all).toContain(`Installed coffer/coffer v${rel.version}`);
        expect(init.all).not.toContain('development overrides');
        expect(lockedHashes(wd, cli)).toContain(h1Hash(rel, platform));

        const lock = await wd.must(['providers', 'lock', lockFlag(root), `-platform=${platform}`]);
        expect(lock.all).toContain(`coffer/coffer ${rel.version} for ${platform}`);
        const hashes = lockedHashes(wd, cli);
        // h1: is computed by the CLI from the package: the same for every layout, and the package's own.
        expect(hashes.filter((h) => h.startsWith('h1:'))).toEqual([h1Hash(rel, platform)]);
        // zh: (the zip's sha256, as SHA256SUMS lists it) comes only from a source's own list of hashes: a
        // registry's signed SHA256SUMS, or the hashes of a network mirror's <version>.json, which OpenTofu
        // records and Terraform only checks the package against.
        const zh = hashes.filter((h) => h.startsWith('zh:'));
        if (dir === '' && cli.name === 'opentofu') expect(zh).toEqual([`zh:${zipSha256(rel, platform)}`]);
        else expect(zh).toEqual([]);

        const apply = await wd.must(['apply', '-auto-approve']);
        expect(apply.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
        const r = await sdk.secrets.resolve({ workspaceId: 'ws-mirror', names: [name] });
        expect(r.items[0]?.value.reveal()).toBe(value);
        const plan = await wd.must(['plan', '-detailed-exitcode'], [0]);
        expect(plan.stdout).toContain('No changes.');
        expect(wd.read('terraform.tfstate').includes(value)).toBe(false);
        for (const out of [init, lock, apply, plan]) expect(out.all.includes(value)).toBe(false);
      } finally {
        wd.remove();
      }
    });
  }

  it('served the network mirror protocol: index.json, <version>.json, the zip', () => {
    const base = `/${cli.registry}/coffer/coffer`;
    expect(mirror.requests).toContain(`${base}/index.json`);
    expect(mirror.requests).toContain(`${base}/${rel.version}.json`);
    expect(mirror.requests).toContain(`${base}/terraform-provider-coffer_${rel.version}_${platform}.zip`);
  });
});

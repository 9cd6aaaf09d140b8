// `npm run release:provider` for this machine's platform: the registry layout (zip, manifest, SHA256SUMS),
// and a binary that needs nothing outside itself: run from an empty directory with no Node on PATH, it
// prints its version and schema, and serves the plugin protocol.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryName } from '../../release/archive.ts';
import { hostPlatform, platformName } from '../../release/node-binaries.ts';
import { type Release, release } from '../../release/release.ts';
import { readZip } from '../../src/dev/zip.ts';
import { schemaJson } from '../../src/provider.ts';
import { VERSION } from '../../src/version.ts';
import { call, connect, startPlugin, svc } from '../wire/support/plugin.ts';

const host = hostPlatform();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!host)('the release for this platform', () => {
  let out: string;
  let bare: string;
  let rel: Release;
  let exe: string;
  /** No Node anywhere on PATH, a HOME and a working directory outside the checkout. */
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'coffer-release-test-'));
    bare = mkdtempSync(join(tmpdir(), 'coffer-release-run-'));
    rel = await release(out, [host as NonNullable<typeof host>]);
    const zip = readZip(readFileSync(rel.zips[platformName(host as NonNullable<typeof host>)] as string));
    exe = join(bare, binaryName(VERSION));
    writeFileSync(exe, (zip[0] as { data: Buffer }).data, { mode: 0o755 });
    env = { PATH: join(bare, 'no-such-dir'), HOME: bare, TMPDIR: tmpdir() };
  }, 180_000);

  afterAll(() => {
    for (const d of [out, bare]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('writes the zip, the manifest and SHA256SUMS named after the version in provider/package.json', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    const name = `terraform-provider-coffer_${VERSION}`;
    expect(readdirSync(out).sort()).toEqual(
      [
        `${name}_${platformName(host as NonNullable<typeof host>)}.zip`,
        `${name}_SHA256SUMS`,
        `${name}_manifest.json`,
      ].sort(),
    );
    expect(JSON.parse(readFileSync(rel.manifest, 'utf8'))).toEqual({
      version: 1,
      metadata: { protocol_versions: ['6.0'] },
    });
  });

  it('holds exactly the binary terraform-provider-coffer_v<version>, executable', () => {
    const entries = readZip(readFileSync(Object.values(rel.zips)[0] as string));
    expect(entries.map((e) => e.name)).toEqual([`terraform-provider-coffer_v${VERSION}`]);
    expect((entries[0] as { mode: number }).mode & 0o777).toBe(0o755);
  });

  it('lists the sha256 of every zip and of the manifest in SHA256SUMS', () => {
    const lines = readFileSync(rel.sums, 'utf8').trim().split('\n');
    const files = [...Object.values(rel.zips), rel.manifest];
    expect(lines).toHaveLength(files.length);
    for (const f of files) {
      const base = f.slice(f.lastIndexOf('/') + 1);
      expect(lines).toContain(`${sha256(readFileSync(f))}  ${base}`);
    }
  });

  it('runs with no Node on PATH, outside the checkout: version and schema', () => {
    const version = execFileSync(exe, ['version'], { cwd: bare, env, encoding: 'utf8' });
    expect(version).toBe(`terraform-provider-coffer ${VERSION}\n`);
    const schema = execFileSync(exe, ['schema'], { cwd: bare, env, encoding: 'utf8' });
    expect(schema.trim()).toBe(schemaJson());
  });

  it('explains that it is a plugin when run by hand, without an experimental-feature warning', () => {
    let stderr = '';
    let status = 0;
    try {
      execFileSync(exe, [], { cwd: bare, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status;
      stderr = err.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain('terraform-provider-coffer is a plugin for OpenTofu and Terraform');
    expect(stderr).not.toContain('ExperimentalWarning');
  });

  it('serves the plugin protocol: handshake, GetProviderSchema, Shutdown', async () => {
    const p = await startPlugin(exe, [], env);
    expect(p.handshake.core).toBe('1');
    expect(p.handshake.protocol).toBe('6');
    const client = connect(p.handshake.address, svc().provider);
    const schema = await call<{ resource_schemas: Record<string, unknown> }>(client, 'GetProviderSchema');
    expect(Object.keys(schema.resource_schemas)).toContain('coffer_secret');
    client.close();
    const controller = connect(p.handshake.address, svc().controller);
    await call(controller, 'Shutdown');
    controller.close();
    expect(await p.exited).toBe(0);
    expect(p.stderr()).not.toContain('ExperimentalWarning');
  });
});

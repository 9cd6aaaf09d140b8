// The registry's release layout (what `terraform-provider-*` releases publish and mirrors serve):
//   terraform-provider-coffer_<version>_<os>_<arch>.zip   holding terraform-provider-coffer_v<version>
//   terraform-provider-coffer_<version>_manifest.json     {"version":1,"metadata":{"protocol_versions":["6.0"]}}
//   terraform-provider-coffer_<version>_SHA256SUMS        "<sha256>  <file>" per zip and the manifest
// The zip records the binary as a Unix file with mode 0755 (so an unpacked mirror keeps it executable) and a
// fixed time, so the same binary always gives the same archive. (The binary itself differs from build to
// build: V8's code cache is not byte-stable. A lock file's zh: hash names one published build.)
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export const PROVIDER_TYPE = 'coffer';
export const PROTOCOL_VERSIONS = ['6.0'];
/** Every archive entry carries this time (zip stores local time to 2 s; 1980-01-01 is its epoch). */
const ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

export const binaryName = (version: string) => `terraform-provider-${PROVIDER_TYPE}_v${version}`;
export const zipName = (version: string, os: string, arch: string) =>
  `terraform-provider-${PROVIDER_TYPE}_${version}_${os}_${arch}.zip`;
export const manifestName = (version: string) =>
  `terraform-provider-${PROVIDER_TYPE}_${version}_manifest.json`;
export const sumsName = (version: string) => `terraform-provider-${PROVIDER_TYPE}_${version}_SHA256SUMS`;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Writes `zipPath` holding `binary` as `entryName` (mode 0755). */
export async function writeZip(binary: string, entryName: string, zipPath: string): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addFile(binary, entryName, { mtime: ENTRY_TIME, mode: 0o100755, compress: true });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}

export function writeManifest(dir: string, version: string): string {
  const path = join(dir, manifestName(version));
  writeFileSync(
    path,
    `${JSON.stringify({ version: 1, metadata: { protocol_versions: PROTOCOL_VERSIONS } }, null, 2)}\n`,
  );
  return path;
}

/** SHA256SUMS over `files` (sorted by name, as the registry's own releases list them). */
export async function writeSums(dir: string, version: string, files: string[]): Promise<string> {
  const lines: string[] = [];
  for (const f of [...files].sort((a, b) => basename(a).localeCompare(basename(b)))) {
    lines.push(`${await sha256File(f)}  ${basename(f)}`);
  }
  const path = join(dir, sumsName(version));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

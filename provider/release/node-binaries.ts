// The Node binary each target platform's executable is built from. The host's is the project's own Node 24
// (the `node` devDependency, node_modules/node); other platforms use the same Node version's binary from the
// npm registry (the node-<os>-<arch> packages that `node` itself installs from), fetched with `npm pack`
// into the tools cache. Nothing is downloaded from anywhere else.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Platform {
  os: 'linux';
  arch: 'amd64' | 'arm64';
}

/** Targets the release builds: the registry's os_arch names mapped to Node's. */
export const PLATFORMS: readonly Platform[] = [
  { os: 'linux', arch: 'amd64' },
  { os: 'linux', arch: 'arm64' },
];

const NODE_ARCH = { amd64: 'x64', arm64: 'arm64' } as const;
const GO_ARCH: Record<string, Platform['arch']> = { x64: 'amd64', arm64: 'arm64' };

export const platformName = (p: Platform) => `${p.os}_${p.arch}`;

export function parsePlatform(name: string): Platform {
  const found = PLATFORMS.find((p) => platformName(p) === name);
  if (!found) {
    throw new Error(
      `unknown platform ${JSON.stringify(name)}; known: ${PLATFORMS.map(platformName).join(', ')}`,
    );
  }
  return found;
}

/** The platform this build runs on, or undefined when the release cannot target it. */
export function hostPlatform(): Platform | undefined {
  const arch = GO_ARCH[process.arch];
  return process.platform === 'linux' && arch ? { os: 'linux', arch } : undefined;
}

export const isHost = (p: Platform) => {
  const h = hostPlatform();
  return !!h && h.os === p.os && h.arch === p.arch;
};

const REPO = resolve(import.meta.dirname, '..', '..');

/** The project's Node 24 binary (node_modules/node), which also runs this build. */
export function projectNode(): string {
  const bin = join(REPO, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm ci (it installs the pinned Node 24)`);
  return bin;
}

/** The Node binary for `p`, at the version running this build. */
export function nodeBinary(p: Platform): string {
  if (isHost(p)) return projectNode();
  const version = process.versions.node;
  const pkg = `node-${p.os}-${NODE_ARCH[p.arch]}`;
  const cache = join(
    process.env.COFFER_TOOLS_DIR ?? join(homedir(), '.cache', 'coffer-tools'),
    `${pkg}-${version}`,
  );
  const bin = join(cache, 'bin', 'node');
  if (existsSync(bin)) return bin;
  const work = mkdtempSync(join(tmpdir(), 'coffer-node-pack-'));
  try {
    const file = execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent', '--pack-destination', work], {
      encoding: 'utf8',
    }).trim();
    execFileSync('tar', ['-xzf', join(work, file), '-C', work]);
    mkdirSync(join(cache, '..'), { recursive: true });
    rmSync(cache, { recursive: true, force: true });
    renameSync(join(work, 'package'), cache);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!existsSync(bin)) throw new Error(`${pkg}@${version} from the npm registry has no bin/node`);
  return bin;
}

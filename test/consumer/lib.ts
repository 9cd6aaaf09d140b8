// The consumer test's tools: pack the workspace packages as npm publishes them, lay out a project outside the
// repository that installs the tarballs, type-check it with the consumer's tsc, run it on Node 22 and 24.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { skipUnlessAvailable } from '../../scripts/lib/ci.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(import.meta.dirname, 'fixtures');

const run = promisify(execFile);

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; never throws on a non-zero exit (the caller asserts on `code` and the output). */
export async function exec(
  cmd: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Result> {
  try {
    const { stdout, stderr } = await run(cmd, args, {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      timeout: options.timeoutMs ?? 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof e.code === 'number' ? e.code : 1,
      stdout: e.stdout ?? '',
      stderr: `${e.stderr ?? ''}${typeof e.code === 'number' ? '' : `\n${e.message}`}`,
    };
  }
}

/** npm, on the PATH npm scripts and vitest see (the repo's Node 24 is first there). */
export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Versions the consumer projects install: those the monorepo's lockfile holds (npm ci put them in the cache). */
export const CONSUMER_DEPS = {
  typescript: '5.9.3',
  '@types/node': '^24.10.0',
  cdktf: '0.21.0',
  cdktn: '0.24.0',
  constructs: '10.7.0',
} as const;

export interface Tarballs {
  sdk: string;
  cdktf: string;
}

/** `npm pack` of @coffer/sdk and @coffer/cdktf (what `npm publish` would upload) into `dir`. */
export async function pack(dir: string): Promise<Tarballs> {
  mkdirSync(dir, { recursive: true });
  const r = await exec(
    NPM,
    ['pack', '-w', '@coffer/sdk', '-w', '@coffer/cdktf', '--pack-destination', dir, '--json', '--silent'],
    { cwd: ROOT },
  );
  if (r.code !== 0) throw new Error(`npm pack failed:\n${r.stderr}`);
  const files = readdirSync(dir);
  const find = (prefix: string) => {
    const f = files.find((n) => n.startsWith(prefix) && n.endsWith('.tgz'));
    if (!f) throw new Error(`npm pack wrote no ${prefix}*.tgz in ${dir}: ${files.join(', ')}`);
    return join(dir, f);
  };
  return { sdk: find('coffer-sdk-'), cdktf: find('coffer-cdktf-') };
}

/** Writes a consumer project (package.json + the fixture files) and installs it. */
export async function makeProject(
  dir: string,
  fixture: string,
  manifest: Record<string, unknown>,
): Promise<Result> {
  mkdirSync(dir, { recursive: true });
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // --prefer-offline: the pinned versions are in npm's cache after the monorepo's npm ci.
  return exec(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env: { npm_config_update_notifier: 'false' },
  });
}

/** Strict consumer compiler options, on top of which each case sets module and moduleResolution. */
export const STRICT = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  noUnusedLocals: true,
  // Our declaration files are checked too: a consumer may not skip them.
  skipLibCheck: false,
  target: 'ES2022',
  lib: ['ES2023'],
  types: ['node'],
};

/** Writes tsconfig.<name>.json in `dir` and runs the project's own tsc on it. */
export async function typecheck(
  dir: string,
  name: string,
  compilerOptions: Record<string, unknown>,
  include: string[],
): Promise<Result> {
  const file = `tsconfig.${name}.json`;
  writeFileSync(join(dir, file), `${JSON.stringify({ compilerOptions, include }, null, 2)}\n`);
  return exec(
    process.execPath,
    [join(dir, 'node_modules/typescript/bin/tsc'), '-p', file, '--pretty', 'false'],
    {
      cwd: dir,
    },
  );
}

const NODE22_VERSION = process.env.COFFER_NODE22_VERSION ?? '22.23.3';

/** Node 22 from the tools cache (scripts/setup.d/50-node22.sh), or undefined. */
export function findNode22(): string | undefined {
  const tools = process.env.COFFER_TOOLS_DIR ?? join(homedir(), '.cache', 'coffer-tools');
  const bin = join(tools, `node-v${NODE22_VERSION}`, 'node_modules', 'node', 'bin', 'node');
  return existsSync(bin) ? bin : undefined;
}

/** The Node binaries to run the consumer on: Node 22 (when installed; required in CI) and this Node 24. */
export function nodes(): { name: string; bin: string }[] {
  const out = [{ name: `node ${process.version}`, bin: process.execPath }];
  const n22 = findNode22();
  if (n22) out.unshift({ name: `node v${NODE22_VERSION}`, bin: n22 });
  else
    skipUnlessAvailable('the consumer test on Node 22 (it runs on Node 24 only)', [
      `Node ${NODE22_VERSION} (scripts/setup.d/50-node22.sh)`,
    ]);
  return out;
}

/** The last line of stdout parsed as JSON (the fixtures print one summary line). */
export function summary(r: Result): Record<string, unknown> {
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`no JSON summary (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

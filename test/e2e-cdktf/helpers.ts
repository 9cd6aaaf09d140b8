// The pieces the CDKTF end-to-end suite drives: `coffer serve` on a free port, the real OpenTofu with the
// local provider through dev_overrides, and the example app's synth script run as a user would run it.
// (Nothing here imports from examples/: the suite runs it as a program.)
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PROVIDER_DIR = join(ROOT, 'provider', 'bin');
export const SERVER_CLI = join(ROOT, 'server', 'src', 'cli.ts');
export const EXAMPLE_MAIN = join(ROOT, 'examples', 'cdktf-app', 'main.ts');
export const IN_CI = !!process.env.CI && process.env.CI !== 'false';

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findTofu(): string | undefined {
  return [
    process.env.TOFU_BIN,
    join(homedir(), '.cache', 'coffer-tools', 'opentofu-v1.12.6', 'tofu'),
    ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'tofu')),
  ].find((c): c is string => !!c && executable(c));
}

/** What is missing to run the suite. */
export function missingPieces(): string[] {
  const out: string[] = [];
  if (!findTofu()) out.push('OpenTofu (scripts/setup.d/10-opentofu.sh builds it; or set TOFU_BIN)');
  if (!executable(join(PROVIDER_DIR, 'terraform-provider-coffer')))
    out.push('provider/bin/terraform-provider-coffer');
  if (!existsSync(SERVER_CLI)) out.push('server/src/cli.ts');
  return out;
}

/** In CI a missing piece fails the suite; elsewhere it is skipped with a loud message. */
export function shouldSkip(): boolean {
  const gone = missingPieces();
  if (gone.length === 0) return false;
  const message = `CDKTF end-to-end suite: missing ${gone.join(', ')}`;
  if (IN_CI) throw new Error(`${message} (required in CI)`);
  console.warn(`\n!!! SKIPPING ${message}. In CI this fails.\n`);
  return true;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface Server {
  baseUrl: string;
  apiKey: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'coffer-e2e-cdktf-'));
  const apiKey = `cof_e2e_${randomBytes(16).toString('hex')}`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [SERVER_CLI, 'serve', '--port', String(port), '--data-dir', dataDir],
    {
      env: { ...process.env, COFFER_BOOTSTRAP_API_KEY: apiKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`coffer serve exited with ${child.exitCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${baseUrl}/v1/healthz`, { signal: AbortSignal.timeout(1000) })).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`coffer serve did not become healthy within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, apiKey, stop };
}

/** Synthesizes examples/cdktf-app with its own script; answers each stack's directory. */
export async function synthExample(outdir: string): Promise<{ cdktf: string; cdktn: string }> {
  await promisify(execFile)(process.execPath, [EXAMPLE_MAIN, '--outdir', outdir], { cwd: ROOT });
  return {
    cdktf: join(outdir, 'cdktf', 'stacks', 'coffer-cdktf'),
    cdktn: join(outdir, 'cdktn', 'stacks', 'coffer-cdktn'),
  };
}

export function writeDevOverrides(dir: string): string {
  const file = join(dir, 'dev.tfrc');
  writeFileSync(
    file,
    `provider_installation {\n  dev_overrides {\n    "coffer/coffer" = ${JSON.stringify(PROVIDER_DIR)}\n  }\n  direct {}\n}\n`,
  );
  return file;
}

export interface TofuRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs tofu; throws with its output unless the exit code is in `ok` (default [0]). */
export function tofu(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  ok: number[] = [0],
): Promise<TofuRun> {
  const bin = findTofu() as string;
  return new Promise((done, fail) => {
    const child = spawn(bin, args, {
      cwd,
      env: { ...env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const r = { code: code ?? -1, stdout, stderr };
      if (ok.includes(r.code)) done(r);
      else fail(new Error(`tofu ${args.join(' ')} exited ${r.code}:\n${stdout}\n${stderr}`));
    });
  });
}

// Running OpenTofu against this provider build: find the binary, write a CLI configuration whose
// dev_overrides point coffer/coffer at provider/bin (no `tofu init`), run commands with captured output.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const TOFU_VERSION = '1.12.6';
/** HashiCorp Terraform as scripts/setup.d/40-terraform.sh builds it (the newest the Go module proxy serves). */
export const TERRAFORM_VERSION = '1.13.3';

/** The provider executable's directory (what dev_overrides points at). */
export const PROVIDER_BIN_DIR = resolve(import.meta.dirname, '../../bin');
export const PROVIDER_BIN = join(PROVIDER_BIN_DIR, 'terraform-provider-coffer');

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where scripts/setup.d caches the CLIs it builds. */
export function toolsDir(): string {
  return process.env.COFFER_TOOLS_DIR || join(homedir(), '.cache', 'coffer-tools');
}

function find(envVar: string, cached: string, command: string): string | undefined {
  const candidates = [
    process.env[envVar],
    join(toolsDir(), cached),
    ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, command)),
  ];
  return candidates.find((c): c is string => !!c && executable(c));
}

/** TOFU_BIN, the project's build in ~/.cache/coffer-tools, or `tofu` on PATH; undefined when none exists. */
export function findTofu(): string | undefined {
  return find('TOFU_BIN', join(`opentofu-v${TOFU_VERSION}`, 'tofu'), 'tofu');
}

/** TERRAFORM_BIN, the project's build in ~/.cache/coffer-tools, or `terraform` on PATH. */
export function findTerraform(): string | undefined {
  return find('TERRAFORM_BIN', join(`terraform-v${TERRAFORM_VERSION}`, 'terraform'), 'terraform');
}

/** The provider executable exists (the provider workspace has been built). */
export function providerAvailable(): boolean {
  return executable(PROVIDER_BIN);
}

/** Writes a CLI configuration with dev_overrides for coffer/coffer into `dir`; answers its path. */
export function writeCliConfig(dir: string, providerDir = PROVIDER_BIN_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'coffer-dev.tfrc');
  writeFileSync(
    file,
    `provider_installation {\n  dev_overrides {\n    "coffer/coffer" = ${JSON.stringify(providerDir)}\n  }\n  direct {}\n}\n`,
  );
  return file;
}

export interface TofuResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TofuOptions {
  cwd: string;
  /** The whole environment (add process.env yourself); TF_IN_AUTOMATION, TF_INPUT=0, CHECKPOINT_DISABLE default on. */
  env: NodeJS.ProcessEnv;
  /** Killed after this long (default 5 minutes). */
  timeoutMs?: number;
  /** When given, an exit code outside it throws with the output; otherwise check `code`. */
  ok?: number[];
}

/** Runs `bin args` (OpenTofu, or the provider executable itself) in `cwd` with captured output. */
export async function runTofu(bin: string, args: string[], opts: TofuOptions): Promise<TofuResult> {
  const r = await capture(bin, args, opts);
  if (opts.ok && !opts.ok.includes(r.code)) {
    throw new Error(`tofu ${args.join(' ')} (in ${opts.cwd}) exited ${r.code}:\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

function capture(bin: string, args: string[], opts: TofuOptions): Promise<TofuResult> {
  return new Promise((done, fail) => {
    const child = spawn(bin, args, {
      cwd: opts.cwd,
      env: { TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1', ...opts.env },
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
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      fail(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? -1, stdout, stderr });
    });
  });
}

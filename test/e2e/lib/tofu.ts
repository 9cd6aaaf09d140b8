// A working directory driven by the real OpenTofu with the local provider through dev_overrides.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROVIDER_BIN_DIR } from './env.ts';

export interface TofuResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout + stderr */
  all: string;
}

export function runProcess(
  bin: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<TofuResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(bin, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code: code ?? -1, stdout, stderr, all: `${stdout}\n${stderr}` });
    });
  });
}

/** Writes a CLI configuration with dev_overrides for coffer/coffer; answers its path. */
export function writeCliConfig(dir: string, providerDir = PROVIDER_BIN_DIR): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'coffer-dev.tfrc');
  writeFileSync(
    file,
    `provider_installation {\n  dev_overrides {\n    "coffer/coffer" = ${JSON.stringify(providerDir)}\n  }\n  direct {}\n}\n`,
  );
  return file;
}

export const PROVIDER_BLOCK = `terraform {
  required_providers {
    coffer = { source = "coffer/coffer" }
  }
}
`;

const COLOR_FLAG = new Set([
  'plan',
  'apply',
  'destroy',
  'import',
  'show',
  'refresh',
  'validate',
  'init',
  'output',
]);

export class Workdir {
  readonly dir: string;
  readonly tofuBin: string;
  env: NodeJS.ProcessEnv;

  constructor(tofuBin: string, env: Record<string, string>, prefix = 'coffer-e2e-tf-') {
    this.tofuBin = tofuBin;
    this.dir = mkdtempSync(join(tmpdir(), prefix));
    const cliConfig = writeCliConfig(join(this.dir, '.cli'));
    this.env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      ...env,
    };
  }

  /** Replaces main.tf (the provider requirement block is prepended). */
  write(hcl: string, file = 'main.tf'): void {
    writeFileSync(join(this.dir, file), `${PROVIDER_BLOCK}\n${hcl}`);
  }

  tofu(args: string[], env: Record<string, string> = {}): Promise<TofuResult> {
    const [sub, ...rest] = args;
    const withColorOff = sub && COLOR_FLAG.has(sub) ? [sub, '-no-color', ...rest] : args;
    return runProcess(this.tofuBin, withColorOff, {
      cwd: this.dir,
      env: { ...this.env, ...env },
    });
  }

  /** Runs tofu and throws with its output unless the exit code is one of `ok`. */
  async must(args: string[], ok: number[] = [0], env: Record<string, string> = {}): Promise<TofuResult> {
    const r = await this.tofu(args, env);
    if (!ok.includes(r.code)) throw new Error(`tofu ${args.join(' ')} exited ${r.code}:\n${r.all}`);
    return r;
  }

  read(file: string): string {
    return readFileSync(join(this.dir, file), 'utf8');
  }

  readBytes(file: string): Buffer {
    return readFileSync(join(this.dir, file));
  }

  state(): {
    resources: { type: string; name: string; instances: { attributes: Record<string, unknown> }[] }[];
  } {
    return JSON.parse(this.read('terraform.tfstate'));
  }

  /** Attributes of the single instance of `type.name` in the state file. */
  attrs(type: string, name: string, index = 0): Record<string, unknown> {
    const r = this.state().resources.find((x) => x.type === type && x.name === name);
    const inst = r?.instances[index];
    if (!inst) throw new Error(`${type}.${name} is not in the state`);
    return inst.attributes;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

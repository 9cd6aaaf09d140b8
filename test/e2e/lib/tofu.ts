// A working directory driven by the real OpenTofu or Terraform with the local provider through dev_overrides
// (or, for the mirror suite, any CLI configuration it writes).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TofuResult as Run, runTofu, writeCliConfig } from 'terraform-provider-coffer/dev';
import type { Cli } from './cli.ts';

export interface TofuResult extends Run {
  /** stdout + stderr */
  all: string;
}

const PROVIDER_BLOCK = `terraform {
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
  readonly cli: Cli;
  env: NodeJS.ProcessEnv;

  /** `cliConfig`: the CLI configuration file to use (default: dev_overrides pointing at provider/bin). */
  constructor(cli: Cli, env: Record<string, string>, opts: { prefix?: string; cliConfig?: string } = {}) {
    this.cli = cli;
    this.dir = mkdtempSync(join(tmpdir(), opts.prefix ?? `coffer-e2e-${cli.command}-`));
    const cliConfig = opts.cliConfig ?? writeCliConfig(join(this.dir, '.cli'));
    this.env = { PATH: process.env.PATH, HOME: process.env.HOME, TF_CLI_CONFIG_FILE: cliConfig, ...env };
  }

  /** Replaces main.tf (the provider requirement block is prepended). */
  write(hcl: string, file = 'main.tf'): void {
    writeFileSync(join(this.dir, file), `${PROVIDER_BLOCK}\n${hcl}`);
  }

  async tofu(args: string[], env: Record<string, string> = {}): Promise<TofuResult> {
    const [sub, ...rest] = args;
    const withColorOff = sub && COLOR_FLAG.has(sub) ? [sub, '-no-color', ...rest] : args;
    const r = await runTofu(this.cli.bin, withColorOff, { cwd: this.dir, env: { ...this.env, ...env } });
    return { ...r, all: `${r.stdout}\n${r.stderr}` };
  }

  /** Runs tofu and throws with its output unless the exit code is one of `ok`. */
  async must(args: string[], ok: number[] = [0], env: Record<string, string> = {}): Promise<TofuResult> {
    const r = await this.tofu(args, env);
    if (!ok.includes(r.code))
      throw new Error(`${this.cli.command} ${args.join(' ')} exited ${r.code}:\n${r.all}`);
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

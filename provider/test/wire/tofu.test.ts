// A real OpenTofu drives the wire layer: go-plugin's client starts the fake provider through dev_overrides
// (AutoMTLS on by default, then plaintext with TF_DISABLE_PLUGIN_TLS), reads the schema, applies, re-plans,
// destroys; and attaches to the real provider in --debug mode through TF_REATTACH_PROVIDERS.
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTofu, runTofu, writeCliConfig } from '../../src/dev/tofu.ts';
import { FAKE_PROVIDER, LAUNCHER, NODE } from './support/plugin.ts';

const tofuBin = findTofu();
if (!tofuBin) {
  console.warn(
    '\n*** provider/test/wire/tofu.test.ts SKIPPED: no OpenTofu binary (build it with scripts/setup.d/10-opentofu.sh) ***\n',
  );
}

function tofu(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const base = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
  return runTofu(tofuBin as string, args, { cwd, env: { ...base, ...env }, timeoutMs: 90_000 });
}

const FAKE_CONFIG = `terraform {
  required_providers {
    coffer = { source = "coffer/coffer" }
  }
}

resource "coffer_thing" "x" {}
`;

describe.skipIf(!tofuBin)('OpenTofu drives the wire layer (fake provider through dev_overrides)', () => {
  let project: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    const work = mkdtempSync(join(tmpdir(), 'coffer-wire-tofu-'));
    const pluginDir = join(work, 'plugins');
    project = join(work, 'project');
    mkdirSync(pluginDir);
    mkdirSync(project);
    const script = join(pluginDir, 'terraform-provider-coffer');
    writeFileSync(script, `#!/bin/sh\nexec ${JSON.stringify(NODE)} ${JSON.stringify(FAKE_PROVIDER)} "$@"\n`);
    chmodSync(script, 0o755);
    writeFileSync(join(project, 'main.tf'), FAKE_CONFIG);
    env = { TF_CLI_CONFIG_FILE: writeCliConfig(work, pluginDir) };
  });

  it('reads the schema over AutoMTLS, and the plugin exits cleanly on Shutdown', async () => {
    const r = await tofu(['providers', 'schema', '-json'], project, { ...env, TF_LOG: 'trace' });
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      provider_schemas: Record<
        string,
        { resource_schemas: Record<string, { block: { attributes: object } }> }
      >;
    };
    const schema = doc.provider_schemas['registry.opentofu.org/coffer/coffer'];
    expect(Object.keys(schema?.resource_schemas.coffer_thing?.block.attributes ?? {})).toEqual(['id']);
    expect(r.stderr).toContain('configuring client automatic mTLS');
    expect(r.stderr).toMatch(/provider\.terraform-provider-coffer: plugin server listening: .*tls=true/);
    expect(r.stderr).toContain('plugin process exited');
    expect(r.stderr).not.toContain('plugin failed to exit gracefully');
    expect(r.stderr).not.toContain('stdio service not available');
  });

  it('works in plaintext too (TF_DISABLE_PLUGIN_TLS)', async () => {
    const r = await tofu(['providers', 'schema', '-json'], project, {
      ...env,
      TF_DISABLE_PLUGIN_TLS: '1',
      TF_LOG: 'debug',
    });
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    expect(r.stderr).toMatch(/plugin server listening: .*tls=false/);
    expect(JSON.parse(r.stdout)).toHaveProperty('provider_schemas');
  });

  it('applies, re-plans with no changes (UpgradeResourceState + ReadResource), destroys', async () => {
    const apply = await tofu(['apply', '-auto-approve', '-no-color'], project, env);
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(apply.stdout).toContain('1 added');
    const state = JSON.parse(readFileSync(join(project, 'terraform.tfstate'), 'utf8')) as {
      resources: { type: string }[];
    };
    expect(state.resources.map((r) => r.type)).toEqual(['coffer_thing']);
    const plan = await tofu(['plan', '-detailed-exitcode', '-no-color'], project, env);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    const destroy = await tofu(['destroy', '-auto-approve', '-no-color'], project, env);
    expect(destroy.code, destroy.stdout + destroy.stderr).toBe(0);
    expect(destroy.stdout).toContain('1 destroyed');
  });
});

describe.skipIf(!tofuBin)('debug mode: OpenTofu attaches through TF_REATTACH_PROVIDERS', () => {
  let provider: ChildProcessByStdio<null, Readable, Readable>;
  afterAll(() => {
    provider?.kill('SIGINT');
  });

  it('the real provider started with --debug serves tofu without dev_overrides, and keeps running', async () => {
    provider = spawn(LAUNCHER, ['--debug'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH },
    });
    let out = '';
    const reattach = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no TF_REATTACH_PROVIDERS line: ${out}`)), 15_000);
      provider.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /TF_REATTACH_PROVIDERS='([^']+)'/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const parsed = JSON.parse(reattach) as Record<
      string,
      { Protocol: string; ProtocolVersion: number; Test: boolean }
    >;
    expect(parsed['registry.opentofu.org/coffer/coffer']).toMatchObject({
      Protocol: 'grpc',
      ProtocolVersion: 6,
      Test: true,
    });
    const project = mkdtempSync(join(tmpdir(), 'coffer-wire-reattach-'));
    writeFileSync(
      join(project, 'main.tf'),
      'terraform {\n  required_providers {\n    coffer = { source = "coffer/coffer" }\n  }\n}\n',
    );
    for (let i = 0; i < 2; i++) {
      const r = await tofu(['providers', 'schema', '-json'], project, { TF_REATTACH_PROVIDERS: reattach });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.stringify(JSON.parse(r.stdout))).toContain('"base_url"');
    }
    expect(provider.exitCode).toBeNull();
    const exited = new Promise((resolve) => provider.once('exit', resolve));
    provider.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

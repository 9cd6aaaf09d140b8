// `npm i -g` from the packed tarball, outside the repository: the bin starts, talks to a server, and
// `coffer serve` from the installed package serves.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { freePort } from '@coffer/server/launch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_DIR, collect, waitFor } from './support.ts';

const pkg = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

describe('the bundle', () => {
  it('imports only node: modules and packages declared in dependencies', () => {
    const meta = JSON.parse(readFileSync(join(CLI_DIR, 'dist', 'meta.json'), 'utf8')) as {
      outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
    };
    const external = new Set<string>();
    for (const o of Object.values(meta.outputs))
      for (const i of o.imports) if (i.external) external.add(i.path);
    const packages = [...external]
      .filter((p) => !p.startsWith('node:'))
      .map((p) => (p.startsWith('@') ? p.split('/').slice(0, 2).join('/') : (p.split('/')[0] as string)));
    expect(packages.length).toBeGreaterThan(3);
    for (const p of packages)
      expect(Object.keys(pkg.dependencies), `${p} is imported by dist/ but not a dependency`).toContain(p);
    expect(Object.keys(pkg.dependencies).filter((d) => d.startsWith('@coffer/'))).toEqual([]);
  });
});

describe('npm i -g from the packed tarball', () => {
  let dir: string;
  let bin: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coffer-global-'));
    // Under `npm test` the parent npm's npm_* variables (local prefix, workspace, ...) would steer these npm calls.
    const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    // dist/ was built by the global setup: prepack would rebuild it under the other test files' feet.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir, '--silent'], {
      cwd: CLI_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: npmEnv,
    });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack wrote no tarball');
    const prefix = join(dir, 'prefix');
    execFileSync(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel',
        'error',
        join(dir, tarball),
      ],
      {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: npmEnv,
      },
    );
    bin = join(prefix, 'bin', 'coffer');
    env = { PATH: [dirname(process.execPath), process.env.PATH].join(delimiter), HOME: dir };
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('coffer --version', () => {
    expect(execFileSync(bin, ['--version'], { env, cwd: dir }).toString()).toBe(`${pkg.version}\n`);
  });

  it('coffer serve from the installed package serves, and the installed CLI talks to it', async () => {
    const port = await freePort();
    const key = 'cof_test_installed_0123456789abcdef';
    const server = spawn(bin, ['serve', '--port', String(port), '--data-dir', join(dir, 'data')], {
      env: { ...env, COFFER_BOOTSTRAP_API_KEY: key, COFFER_LOG_LEVEL: 'warn' },
      cwd: dir,
    });
    const done = collect(server);
    let out = '';
    const keep = (c: Buffer) => {
      out += c.toString();
    };
    server.stdout.on('data', keep);
    server.stderr.on('data', keep);
    try {
      await waitFor(
        () => out,
        (s) => s.includes('listening on') || server.exitCode !== null,
        20_000,
      );
      expect(out).toContain('coffer serve: listening on');
      const r = execFileSync(bin, ['secrets', 'list', '--json'], {
        env: { ...env, COFFER_BASE_URL: `http://127.0.0.1:${port}`, COFFER_API_KEY: key },
        cwd: dir,
      });
      expect(JSON.parse(r.toString())).toEqual([]);
      // The API reference: the server finds its renderer (a dependency resolved at run time) in the install.
      const docs = await fetch(`http://127.0.0.1:${port}/docs`);
      expect(docs.status).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }
    expect((await done).code).toBe(0);
  });
});

// @coffer/sdk and @coffer/cdktf as a consumer gets them: `npm pack` each package, install the tarballs into
// projects outside the repository, type-check the consumer's files with strict options under node16,
// nodenext and bundler resolution (and the CommonJS tsconfig of `cdktf init`), then run them on Node 22 and
// Node 24, as ES modules and through require().
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@coffer/server/launch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONSUMER_DEPS,
  exec,
  makeProject,
  NPM,
  nodes,
  pack,
  ROOT,
  STRICT,
  summary,
  type Tarballs,
  typecheck,
} from './lib.ts';

const NODES = nodes();
/** How a synthesized stack refers to a variable. */
const varRef = (name: string) => `\${var.${name}}`;
let work: string;
let tarballs: Tarballs;
let esm: string;
let cjs: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'coffer-consumer-'));
  tarballs = await pack(join(work, 'packs'));
  esm = join(work, 'esm');
  cjs = join(work, 'cdktf-init');
  const { typescript, '@types/node': types, cdktf, cdktn, constructs } = CONSUMER_DEPS;
  const deps = { '@coffer/sdk': `file:${tarballs.sdk}`, '@coffer/cdktf': `file:${tarballs.cdktf}` };
  const [a, b] = await Promise.all([
    // An ES-module project on CDK Terrain: cdktf is not installed.
    makeProject(esm, 'esm', {
      name: 'consumer-esm',
      private: true,
      type: 'module',
      dependencies: { ...deps, cdktn, constructs },
      devDependencies: { typescript, '@types/node': types },
    }),
    // A cdktf 0.21 project as `cdktf init --template=typescript` writes it (CommonJS): cdktn is not installed.
    makeProject(cjs, 'cdktf-init', {
      name: 'consumer-cdktf-init',
      version: '1.0.0',
      main: 'main.js',
      private: true,
      dependencies: { ...deps, cdktf, constructs },
      devDependencies: { typescript, '@types/node': types },
    }),
  ]);
  for (const r of [a, b]) if (r.code !== 0) throw new Error(`npm install failed:\n${r.stdout}\n${r.stderr}`);
}, 600_000);

afterAll(() => {
  if (work && !process.env.COFFER_KEEP_CONSUMER) rmSync(work, { recursive: true, force: true });
});

function tarList(tgz: string): Promise<string[]> {
  return exec('tar', ['-tzf', tgz], { cwd: ROOT }).then((r) => r.stdout.trim().split('\n'));
}

describe('the tarballs', () => {
  it('carry the built JavaScript, declarations and the Apache-2.0 LICENSE; not the tests', async () => {
    const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    for (const [name, tgz] of Object.entries(tarballs)) {
      const files = await tarList(tgz);
      expect(files, name).toContain('package/LICENSE');
      expect(files, name).toContain('package/package.json');
      expect(
        files.some((f) => f.startsWith('package/test/')),
        name,
      ).toBe(false);
      const entries =
        name === 'sdk' ? ['dist/index', 'dist/rules'] : ['dist/cdktf/index', 'dist/cdktn/index'];
      for (const e of entries) {
        expect(files, name).toContain(`package/${e}.js`);
        expect(files, name).toContain(`package/${e}.d.ts`);
      }
      const installed = join(
        name === 'sdk' ? esm : cjs,
        'node_modules',
        name === 'sdk' ? '@coffer/sdk' : '@coffer/cdktf',
      );
      expect(readFileSync(join(installed, 'LICENSE'), 'utf8'), name).toBe(license);
    }
  });

  it('declare the license, repository, homepage, truthful engines and types that point at declarations', () => {
    for (const dir of [join(esm, 'node_modules/@coffer/sdk'), join(esm, 'node_modules/@coffer/cdktf')]) {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      expect(pkg.private, pkg.name).toBeUndefined();
      expect(pkg.license, pkg.name).toBe('Apache-2.0');
      expect(pkg.repository?.url, pkg.name).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
      expect(pkg.homepage, pkg.name).toMatch(/^https:\/\//);
      expect(pkg.engines?.node, pkg.name).toBe('>=22.19');
      for (const [sub, target] of Object.entries(pkg.exports as Record<string, unknown>)) {
        if (typeof target === 'string') continue;
        const t = target as Record<string, string>;
        expect(t.types, `${pkg.name} ${sub}`).toMatch(/^\.\/dist\/.+\.d\.ts$/);
        expect(existsSync(join(dir, t.types as string)), `${pkg.name} ${sub}`).toBe(true);
      }
    }
  });

  it('@coffer/cdktf has cdktf and cdktn as optional peers and one constructs', async () => {
    expect(existsSync(join(esm, 'node_modules/cdktn'))).toBe(true);
    expect(existsSync(join(esm, 'node_modules/cdktf'))).toBe(false);
    expect(existsSync(join(cjs, 'node_modules/cdktf'))).toBe(true);
    expect(existsSync(join(cjs, 'node_modules/cdktn'))).toBe(false);
    for (const dir of [esm, cjs]) {
      const r = await exec(NPM, ['ls', 'constructs', '--all', '--parseable'], { cwd: dir });
      const copies = new Set(r.stdout.trim().split('\n').filter(Boolean));
      expect([...copies], dir).toEqual([join(dir, 'node_modules/constructs')]);
    }
  });
});

describe('a strict consumer type-checks clean', () => {
  const ESM_FILES = ['*.mts'];
  it.each([
    ['node16', { module: 'node16', moduleResolution: 'node16' }, ESM_FILES],
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }, ['*.mts', '*.cts']],
    ['bundler', { module: 'preserve', moduleResolution: 'bundler' }, ESM_FILES],
  ])('ES-module project, %s', async (name, resolution, include) => {
    const r = await typecheck(esm, name, { ...STRICT, ...resolution, noEmit: true }, include);
    expect(r.stdout + r.stderr, name).toBe('');
    expect(r.code).toBe(0);
  });

  it('cdktf init project, strict nodenext (require of the ES-module package)', async () => {
    const r = await typecheck(
      cjs,
      'nodenext',
      { ...STRICT, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true },
      ['main.ts'],
    );
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it("cdktf init project, the template's own CommonJS tsconfig (node10 resolution), compiled with tsc", async () => {
    const r = await exec(process.execPath, ['node_modules/typescript/bin/tsc', '--pretty', 'false'], {
      cwd: cjs,
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(existsSync(join(cjs, 'main.js'))).toBe(true);
  });
});

describe.each(NODES)('runs on $name', ({ bin }) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
    // The ES-module project, compiled as the consumer would (nodenext; .mts -> .mjs, .cts -> .cjs).
    const r = await typecheck(
      esm,
      'emit',
      { ...STRICT, module: 'nodenext', moduleResolution: 'nodenext', outDir: 'out' },
      ['*.mts', '*.cts'],
    );
    if (r.code !== 0) throw new Error(`tsc: ${r.stdout}${r.stderr}`);
  }, 120_000);
  afterAll(() => server?.stop());

  const env = () => ({ COFFER_BASE_URL: server.baseUrl, COFFER_API_KEY: server.apiKey });

  it.each([
    ['sdk.mjs', 'esm'],
    ['sdk.cjs', 'cjs'],
  ])('the SDK as %s (%s): create, resolve, delete against coffer serve', async (file, module) => {
    const value = `consumer-${crypto.randomUUID()}`;
    const tag = crypto.randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase();
    const r = await exec(bin, [join('out', file)], {
      cwd: esm,
      env: { ...env(), CONSUMER_VALUE: value, CONSUMER_TAG: tag },
    });
    expect(r.code, r.stderr).toBe(0);
    const s = summary(r);
    expect(s).toEqual({
      module,
      node: expect.stringMatching(bin === process.execPath ? /^v24\./ : /^v22\./),
      version: 1,
      resolved: true,
      printed: false,
      gone: true,
      scopeTypes: ['organization', 'team', 'workspace'],
      hasKey: true,
    });
    expect(r.stdout + r.stderr).not.toContain(value);
    expect(r.stdout + r.stderr).not.toContain(server.apiKey);
  });

  it('a CDK Terrain app (ES module) synthesizes with write-only values', async () => {
    const outdir = join(esm, `cdktn.out-${crypto.randomUUID()}`);
    const r = await exec(bin, ['out/cdktn.mjs'], { cwd: esm, env: { CONSUMER_OUTDIR: outdir } });
    expect(r.code, r.stderr).toBe(0);
    expect(summary(r)).toMatchObject({ flavor: 'cdktn', refused: 'secrets.NOT_A_KEY' });
    const tf = JSON.parse(readFileSync(join(outdir, 'stacks/consumer/cdk.tf.json'), 'utf8'));
    expect(tf.terraform.required_providers.coffer.source).toBe('registry.opentofu.org/coffer/coffer');
    expect(Object.values(tf.resource.coffer_secret)[0]).toMatchObject({
      name: 'DB_PASSWORD',
      value_wo: varRef('db_password'),
    });
    expect(Object.keys(tf.resource.coffer_workspace_secret)).toHaveLength(1);
  });

  it('a cdktf init app (CommonJS, require of the ES-module package) synthesizes', async () => {
    const outdir = join(cjs, `cdktf.out-${crypto.randomUUID()}`);
    const r = await exec(bin, ['main.js'], { cwd: cjs, env: { CONSUMER_OUTDIR: outdir } });
    expect(r.code, r.stderr).toBe(0);
    expect(summary(r)).toMatchObject({ flavor: 'cdktf', refused: 'name', module: 'function' });
    expect(readdirSync(join(outdir, 'stacks'))).toEqual(['consumer']);
    const tf = JSON.parse(readFileSync(join(outdir, 'stacks/consumer/cdk.tf.json'), 'utf8'));
    expect(Object.values(tf.resource.coffer_secret)[0]).toMatchObject({ value: varRef('db_password') });
  });
});

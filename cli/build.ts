// Bundles `coffer` into dist/ with esbuild: the CLI, @coffer/sdk and @coffer/server from their TypeScript
// sources (Node does not strip types under node_modules, so a global install cannot run them as .ts), split
// into chunks that load only when a command needs them. Third-party packages stay imports, installed from
// the registry as this package's dependencies (test/package.test.ts checks that each one is declared).
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';

const here = import.meta.dirname;
const root = join(here, '..');
const dist = join(here, 'dist');
// Built beside dist/ and swapped in at the end, so that a `coffer` running meanwhile never sees half a bundle.
const out = join(here, `.dist-${process.pid}`);
const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as { version: string };

/** The server finds two files relative to its own sources; in the bundle they sit beside the chunks. */
const REWRITES: { file: string; from: string; to: string }[] = [
  {
    file: 'server/src/http/spec.ts',
    from: "join(import.meta.dirname, '..', '..', '..', 'openapi', 'coffer.yaml')",
    to: "join(import.meta.dirname, 'openapi', 'coffer.yaml')",
  },
  {
    file: 'server/src/store/sqlite.ts',
    from: "new URL('./sqlite-checkpointer.ts', import.meta.url)",
    to: "new URL('./sqlite-checkpointer.js', import.meta.url)",
  },
];

const rewrite: Plugin = {
  name: 'coffer-server-paths',
  setup(b) {
    for (const r of REWRITES) {
      const abs = join(root, r.file);
      b.onLoad({ filter: new RegExp(`${abs.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }, () => {
        const text = readFileSync(abs, 'utf8');
        if (!text.includes(r.from)) {
          throw new Error(`${r.file} no longer contains ${r.from}: update cli/build.ts REWRITES`);
        }
        return { contents: text.replace(r.from, r.to), loader: 'ts' };
      });
    }
  },
};

/** Workspace packages (@coffer/*) are bundled from source; every other package stays an import. */
const SOURCES: Record<string, string> = {
  '@coffer/sdk': join(root, 'sdk/src/index.ts'),
  '@coffer/sdk/rules': join(root, 'sdk/src/rules.ts'),
  '@coffer/server/cli': join(root, 'server/src/cli.ts'),
};
const externals: Plugin = {
  name: 'coffer-externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const source = SOURCES[args.path];
      if (source) return { path: source };
      if (args.path.startsWith('@coffer/')) return undefined; // resolved through the workspace link, bundled
      return { path: args.path, external: true };
    });
  },
};

rmSync(out, { recursive: true, force: true });
process.on('exit', () => rmSync(out, { recursive: true, force: true })); // a failed build leaves nothing behind
const result = await build({
  absWorkingDir: here,
  entryPoints: {
    main: join(here, 'src/main.ts'),
    'sqlite-checkpointer': join(root, 'server/src/store/sqlite-checkpointer.ts'),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  define: { __COFFER_CLI_VERSION__: JSON.stringify(pkg.version) },
  chunkNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
  plugins: [externals, rewrite],
});
mkdirSync(join(out, 'openapi'), { recursive: true });
cpSync(join(root, 'openapi/coffer.yaml'), join(out, 'openapi/coffer.yaml'));
writeFileSync(join(out, 'meta.json'), JSON.stringify(result.metafile));
const old = join(here, `.dist-old-${process.pid}`);
if (existsSync(dist)) renameSync(dist, old);
renameSync(out, dist);
rmSync(old, { recursive: true, force: true });

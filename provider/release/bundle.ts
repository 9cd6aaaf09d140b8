// Bundles the provider (src/main.ts and everything it imports: the wire layer, the framework, @coffer/sdk,
// grpc-js, protobufjs, undici) into one CommonJS script, the form a Node 24 single executable runs.
import { isBuiltin } from 'node:module';
import { build } from 'esbuild';

export async function bundle(entry: string, outfile: string): Promise<void> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    minify: true,
    // Names stay readable in stack traces; the code cache makes parsing cheap anyway.
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  const inputs = Object.keys(result.metafile?.inputs ?? {});
  // Only Node's own modules may stay outside: a single executable's require() loads nothing else.
  const external = Object.values(result.metafile?.outputs ?? {}).flatMap((o) =>
    o.imports.filter((i) => i.external && !i.path.startsWith('node:') && !isBuiltin(i.path)),
  );
  if (external.length > 0) {
    throw new Error(`the bundle refers to modules outside it: ${external.map((i) => i.path).join(', ')}`);
  }
  if (inputs.length === 0) throw new Error('esbuild bundled nothing');
}

// terraform-provider-coffer's entry point (run by bin/terraform-provider-coffer on Node 24, or bundled into
// the single executable that `npm run release:provider` builds).
//   (no arguments)  serve the provider to OpenTofu / Terraform (needs the go-plugin environment)
//   schema          print the provider schema JSON (the document `tofu providers schema -json` prints)
//   version         print the provider version
//   --debug         serve in debug mode and print TF_REATTACH_PROVIDERS
// Everything is imported dynamically so the V8 compile cache is on before the big modules load (in the
// single executable the bundler inlines these imports and the code cache is built in).
import { enableCompileCache } from 'node:module';
import { isSea } from 'node:sea';

async function main(arg: string | undefined): Promise<number> {
  if (arg === 'schema') {
    const { schemaJson } = await import('./provider.ts');
    process.stdout.write(`${schemaJson()}\n`);
    return 0;
  }
  if (arg === 'version' || arg === '--version') {
    const { VERSION } = await import('./version.ts');
    process.stdout.write(`terraform-provider-coffer ${VERSION}\n`);
    return 0;
  }
  if (arg === undefined || arg === '--debug') {
    const debug = arg === '--debug';
    const { guardStdout } = await import('./wire/stdout.ts');
    guardStdout();
    const { checkPluginEnvironment } = await import('./wire/plugin-env.ts');
    const env = checkPluginEnvironment(process.env);
    if (!debug && !env.ok) {
      process.stderr.write(env.message);
      return 1;
    }
    const [{ serve }, { createProvider }] = await Promise.all([
      import('./wire/serve.ts'),
      import('./provider.ts'),
    ]);
    await serve(createProvider(), { debug });
    return 0;
  }
  const { NOT_A_COMMAND } = await import('./wire/plugin-env.ts');
  process.stderr.write(
    `terraform-provider-coffer: unknown argument ${JSON.stringify(arg)}\n\n${NOT_A_COMMAND}`,
  );
  return 2;
}

// A single executable has its code cache built in; a compile cache there would only add disk writes.
if (!isSea()) enableCompileCache();
main(process.argv[2]).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`terraform-provider-coffer: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);

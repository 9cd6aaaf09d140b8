// terraform-provider-coffer's entry point (run by bin/terraform-provider-coffer on Node 24).
//   (no arguments)  serve the provider to OpenTofu / Terraform (needs the go-plugin environment)
//   schema          print the provider schema JSON (the document `tofu providers schema -json` prints)
//   --debug         serve in debug mode and print TF_REATTACH_PROVIDERS
// Everything is imported dynamically so the V8 compile cache is on before the big modules load.
import { enableCompileCache } from 'node:module';

enableCompileCache();
const arg = process.argv[2];

if (arg === 'schema') {
  const { schemaJson } = await import('./provider.ts');
  process.stdout.write(`${schemaJson()}\n`);
} else if (arg === undefined || arg === '--debug') {
  const debug = arg === '--debug';
  const { guardStdout } = await import('./wire/stdout.ts');
  guardStdout();
  const { checkPluginEnvironment } = await import('./wire/plugin-env.ts');
  const env = checkPluginEnvironment(process.env);
  if (!debug && !env.ok) {
    process.stderr.write(env.message);
    process.exit(1);
  }
  const [{ serve }, { createProvider }] = await Promise.all([
    import('./wire/serve.ts'),
    import('./provider.ts'),
  ]);
  await serve(createProvider(), { debug });
  process.exit(0);
} else {
  const { NOT_A_COMMAND } = await import('./wire/plugin-env.ts');
  process.stderr.write(
    `terraform-provider-coffer: unknown argument ${JSON.stringify(arg)}\n\n${NOT_A_COMMAND}`,
  );
  process.exit(2);
}

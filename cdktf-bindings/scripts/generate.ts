// Generates the CDKTF (cdktf 0.21) and CDK Terrain (cdktn 0.24) bindings from the provider's own schema.
//
//   npm run generate -w @coffer/cdktf
//
// 1. Runs `../provider/bin/terraform-provider-coffer schema` (the same document `tofu providers schema -json`
//    prints). For development before the provider has its resources, COFFER_PROVIDER_SCHEMA_FILE=<json> reads
//    a draft document instead (never commit what that produces).
// 2. Adds the provider's version (`terraform-provider-coffer version`) as `provider_versions`, as `cdktf get`
//    does from the lock file: the generated provider class then carries it, and every synthesized stack pins
//    `required_providers.coffer.version` (cdktf-cli and cdktn-cli refuse a stack without it). Sorts every object
//    key, so the output does not depend on the order the provider lists things in, and writes the sorted
//    document to generated/schema.json (the recorded input; CI sees provider drift).
// 3. Runs each generator in its own process (both load a Go WebAssembly module that cannot be instantiated
//    twice in one process) into generated/<flavor>/providers/coffer/ (TypeScript, as `cdktf get` writes it).
// 4. Compiles each flavor to CommonJS + .d.ts in generated/<flavor>/lib/ (committed, so the package works
//    without a build step and Node's type stripping, which cannot run the generator's extensionless imports,
//    never sees the generated TypeScript).
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const FLAVORS = ['cdktf', 'cdktn'] as const;
export type Flavor = (typeof FLAVORS)[number];
export const PROVIDER_FQN = 'registry.opentofu.org/coffer/coffer';

const pkgDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const generatedDir = join(pkgDir, 'generated');
const providerBin = resolve(pkgDir, '../provider/bin/terraform-provider-coffer');

/** Recursively sorts object keys (arrays keep their order). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

function skip(why: string): void {
  console.warn(
    `!! generate (@coffer/cdktf): SKIPPED: ${why}; the committed bindings under cdktf-bindings/generated/ are kept.`,
  );
}

/** The version of a semver-shaped `terraform-provider-coffer version` line, or of provider/package.json. */
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

export function providerVersionOf(output: string): string {
  const version = output.trim().split(/\s+/).at(-1) ?? '';
  if (!SEMVER.test(version)) {
    throw new Error(`generate: cannot read a version from ${JSON.stringify(output.trim().slice(0, 200))}`);
  }
  return version;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(pkgDir, '../provider/package.json'), 'utf8')) as {
    version: string;
  };
  return providerVersionOf(pkg.version);
}

/** The schema document with the provider's version, as the generators read it (`provider_versions`). */
export function withProviderVersion(schema: unknown, version: string): unknown {
  return { ...(schema as object), provider_versions: { [PROVIDER_FQN]: providerVersionOf(version) } };
}

function readSchema(): { schema: unknown; source: string } | undefined {
  const draft = process.env.COFFER_PROVIDER_SCHEMA_FILE;
  if (draft) {
    console.warn(
      `!! generate: using the schema in ${draft} (COFFER_PROVIDER_SCHEMA_FILE). Do not commit the result.`,
    );
    const schema = JSON.parse(readFileSync(draft, 'utf8')) as { provider_versions?: unknown };
    return {
      schema: schema.provider_versions ? schema : withProviderVersion(schema, packageVersion()),
      source: draft,
    };
  }
  if (!existsSync(providerBin)) {
    skip(`the provider executable ${relative(process.cwd(), providerBin)} does not exist`);
    return undefined;
  }
  const out = execFileSync(providerBin, ['schema'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const version = providerVersionOf(execFileSync(providerBin, ['version'], { encoding: 'utf8' }));
  return {
    schema: withProviderVersion(JSON.parse(out), version),
    source: `${relative(pkgDir, providerBin)} schema (version ${version})`,
  };
}

/** Resource types the hand-written constructs build on. */
export const REQUIRED_RESOURCES = [
  'coffer_secret',
  'coffer_secrets_manager',
  'coffer_team',
  'coffer_workspace',
  'coffer_workspace_secret',
];

interface SchemaDoc {
  provider_schemas: Record<string, { resource_schemas?: Record<string, unknown> }>;
  provider_versions: Record<string, string>;
}

function checkSchema(schema: unknown): asserts schema is SchemaDoc {
  const schemas = (schema as Partial<SchemaDoc> | null)?.provider_schemas;
  if (!schemas || !(PROVIDER_FQN in schemas) || Object.keys(schemas).length !== 1) {
    throw new Error(`generate: expected exactly one provider "${PROVIDER_FQN}" in provider_schemas`);
  }
  const version = (schema as Partial<SchemaDoc>).provider_versions?.[PROVIDER_FQN];
  if (typeof version !== 'string' || !SEMVER.test(version)) {
    throw new Error(`generate: expected provider_versions["${PROVIDER_FQN}"], the provider's version`);
  }
}

function missingResources(schema: SchemaDoc): string[] {
  const have = Object.keys(schema.provider_schemas[PROVIDER_FQN]?.resource_schemas ?? {});
  return REQUIRED_RESOURCES.filter((r) => !have.includes(r));
}

/** Child-process entry: runs one generator. */
async function generateFlavor(flavor: Flavor, schemaFile: string, outDir: string): Promise<void> {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const generator = require(
    flavor === 'cdktf' ? '@cdktf/provider-generator' : '@cdktn/provider-generator',
  ) as {
    generateProviderBindingsFromSchema(target: string, schema: unknown): Promise<void>;
  };
  await generator.generateProviderBindingsFromSchema(outDir, JSON.parse(readFileSync(schemaFile, 'utf8')));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Compiles generated/<flavor>/providers/coffer/*.ts to generated/<flavor>/lib (CommonJS + declarations). */
function compileFlavor(flavorDir: string): void {
  const rootDir = join(flavorDir, 'providers', 'coffer');
  const outDir = join(flavorDir, 'lib');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    declaration: true,
    strict: true,
    skipLibCheck: true,
    types: [],
    rootDir,
    outDir,
    newLine: ts.NewLineKind.LineFeed,
    removeComments: false,
    useDefineForClassFields: false,
  };
  const program = ts.createProgram([join(rootDir, 'index.ts')], options);
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  if (diagnostics.length > 0) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => pkgDir,
      getNewLine: () => '\n',
    };
    throw new Error(
      `generate: compiling ${relative(pkgDir, rootDir)} failed:\n${ts.formatDiagnostics(diagnostics, host)}`,
    );
  }
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
}

/**
 * Writes `schema.json`, `cdktf/` and `cdktn/` under `outRoot` from a provider schema document. `outRoot` must be
 * inside this package (the compile step resolves cdktf/cdktn from here).
 */
export function generateFrom(schema: unknown, outRoot: string): void {
  checkSchema(schema);
  const text = `${JSON.stringify(sortKeys(schema), null, 2)}\n`;
  const tmp = mkdtempSync(join(tmpdir(), 'coffer-cdktf-gen-'));
  try {
    const schemaFile = join(tmp, 'schema.json');
    writeFileSync(schemaFile, text);
    mkdirSync(outRoot, { recursive: true });
    writeFileSync(join(outRoot, 'schema.json'), text);
    for (const flavor of FLAVORS) {
      const flavorDir = join(outRoot, flavor);
      rmSync(flavorDir, { recursive: true, force: true });
      execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--flavor', flavor, schemaFile, flavorDir],
        {
          stdio: 'inherit',
          // The generators' shared code asks `terraform version` and HashiCorp's checkpoint service on load;
          // neither is needed to generate code from a schema document.
          env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
        },
      );
      compileFlavor(flavorDir);
      console.log(
        `generate: ${flavor}: ${listFiles(flavorDir).length} files in ${relative(pkgDir, flavorDir)}`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--flavor') {
    const [, , , flavor, schemaFile, outDir] = process.argv;
    await generateFlavor(flavor as Flavor, schemaFile as string, outDir as string);
    return;
  }
  const read = readSchema();
  if (!read) return;
  checkSchema(read.schema);
  const missing = missingResources(read.schema);
  if (missing.length > 0) {
    skip(`the provider schema has no ${missing.join(', ')} yet`);
    return;
  }
  generateFrom(read.schema, generatedDir);
  console.log(`generate: bindings generated from ${read.source}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}

// The committed bindings against the committed schema document (generated/schema.json, the provider's
// `schema` output that `npm run generate` recorded): every type has its class, write-only attributes are
// marked in the cdktn bindings, ephemeral resources exist only there. `npm run check:generated` proves the
// files themselves are what the generators produce.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateFrom,
  PROVIDER_FQN,
  providerVersionOf,
  REQUIRED_RESOURCES,
  sortKeys,
  withProviderVersion,
} from '../scripts/generate.ts';

const pkg = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

interface Block {
  attributes?: Record<string, { write_only?: boolean; sensitive?: boolean }>;
  block_types?: Record<string, { block: Block }>;
}
interface ProviderSchema {
  provider: { block: Block };
  resource_schemas?: Record<string, { block: Block }>;
  data_source_schemas?: Record<string, { block: Block }>;
  ephemeral_resource_schemas?: Record<string, { block: Block }>;
}
const doc = JSON.parse(readFileSync(join(pkg, 'generated/schema.json'), 'utf8')) as {
  provider_schemas: Record<string, ProviderSchema>;
  provider_versions: Record<string, string>;
};
const providerVersion = (
  JSON.parse(readFileSync(join(pkg, '../provider/package.json'), 'utf8')) as { version: string }
).version;
const schema = doc.provider_schemas[PROVIDER_FQN] as ProviderSchema;

type Lib = Record<string, Record<string, { tfResourceType?: string }>>;
const libs = {
  cdktf: require('../generated/cdktf/lib/index.js') as Lib,
  cdktn: require('../generated/cdktn/lib/index.js') as Lib,
};

function classTypes(lib: Lib): string[] {
  return Object.values(lib)
    .flatMap((ns) => Object.values(ns))
    .map((c) => (c as { tfResourceType?: unknown }).tfResourceType)
    .filter((t): t is string => typeof t === 'string')
    .sort();
}

function writeOnlyAttributes(block: Block, prefix = ''): string[] {
  const own = Object.entries(block.attributes ?? {})
    .filter(([, a]) => a.write_only)
    .map(([n]) => `${prefix}${n}`);
  const nested = Object.entries(block.block_types ?? {}).flatMap(([n, b]) =>
    writeOnlyAttributes(b.block, `${n}.`),
  );
  // nested attribute types (`nested_type`) carry their own attributes
  const nestedTypes = Object.entries(block.attributes ?? {}).flatMap(([n, a]) => {
    const nt = (a as { nested_type?: Block }).nested_type;
    return nt ? writeOnlyAttributes(nt, `${n}.`) : [];
  });
  return [...own, ...nested, ...nestedTypes];
}

describe('generated bindings', () => {
  it('the schema document is the sorted provider schema and has the resources the constructs need', () => {
    expect(sortKeys(doc)).toEqual(doc);
    expect(JSON.stringify(sortKeys(doc))).toBe(JSON.stringify(doc));
    expect(Object.keys(schema.resource_schemas ?? {})).toEqual(expect.arrayContaining(REQUIRED_RESOURCES));
  });

  it("records the provider's version; a synthesized stack pins required_providers.coffer.version to it", () => {
    // cdktf-cli 0.21 and cdktn-cli 0.24 refuse a stack whose provider has no version
    // (terraform.required_providers.coffer.version: Required).
    expect(doc.provider_versions).toEqual({ [PROVIDER_FQN]: providerVersion });
    for (const flavor of ['cdktf', 'cdktn'] as const) {
      const cdk = require(flavor) as typeof import('cdktf');
      const stack = new cdk.TerraformStack(cdk.Testing.app(), 'versioned');
      const { CofferProvider } = libs[flavor].provider as unknown as {
        CofferProvider: new (s: unknown, id: string, c: object) => unknown;
      };
      new CofferProvider(stack, 'coffer', {});
      const synth = JSON.parse(cdk.Testing.synth(stack)) as {
        terraform: { required_providers: Record<string, { source: string; version?: string }> };
      };
      expect(synth.terraform.required_providers.coffer, flavor).toEqual({
        source: PROVIDER_FQN,
        version: providerVersion,
      });
    }
  });

  it('reads the version from `terraform-provider-coffer version` and refuses anything else', () => {
    expect(providerVersionOf('terraform-provider-coffer 1.2.3\n')).toBe('1.2.3');
    expect(providerVersionOf('0.1.0-rc.1')).toBe('0.1.0-rc.1');
    expect(() => providerVersionOf('terraform-provider-coffer dev')).toThrow(/cannot read a version/);
    expect(() => withProviderVersion({}, '')).toThrow(/cannot read a version/);
    expect(withProviderVersion({ a: 1 }, '2.0.0')).toEqual({
      a: 1,
      provider_versions: { [PROVIDER_FQN]: '2.0.0' },
    });
  });

  it('sortKeys sorts nested object keys and keeps array order', () => {
    expect(JSON.stringify(sortKeys({ b: [{ z: 1, a: 2 }, 'x'], a: null }))).toBe(
      '{"a":null,"b":[{"a":2,"z":1},"x"]}',
    );
  });

  it('cdktf: one class per resource, data source and the provider; no ephemeral resources', () => {
    const expected = [
      'coffer',
      ...Object.keys(schema.resource_schemas ?? {}),
      ...Object.keys(schema.data_source_schemas ?? {}),
    ].sort();
    expect(classTypes(libs.cdktf)).toEqual(expected);
  });

  it('cdktn: the same plus every ephemeral resource', () => {
    const expected = [
      'coffer',
      ...Object.keys(schema.resource_schemas ?? {}),
      ...Object.keys(schema.data_source_schemas ?? {}),
      ...Object.keys(schema.ephemeral_resource_schemas ?? {}),
    ].sort();
    expect(classTypes(libs.cdktn)).toEqual(expected);
    expect(Object.keys(schema.ephemeral_resource_schemas ?? {})).toContain('coffer_secret_value');
  });

  // cdktn 0.24 marks top-level write-only attributes only (nested ones, like vault.token_wo, are emitted as
  // ordinary attributes; OpenTofu still treats them as write-only from the provider schema).
  it('cdktn marks every top-level write-only attribute; cdktf treats them as ordinary attributes', () => {
    const found: string[] = [];
    for (const [type, r] of Object.entries(schema.resource_schemas ?? {})) {
      const wo = writeOnlyAttributes(r.block).filter((a) => !a.includes('.'));
      if (wo.length === 0) continue;
      found.push(...wo.map((a) => `${type}.${a}`));
      const dir = type.replace(/^coffer_/, '').replaceAll('_', '-');
      const tn = readFileSync(join(pkg, 'generated/cdktn/providers/coffer', dir, 'index.ts'), 'utf8');
      const tf = readFileSync(join(pkg, 'generated/cdktf/providers/coffer', dir, 'index.ts'), 'utf8');
      for (const attr of wo) {
        expect(tn, `${type}.${attr}`).toContain(`${attr}: this.markWriteOnlyAttribute(`);
        expect(tf).not.toContain('markWriteOnlyAttribute');
      }
    }
    expect(found).toEqual(
      expect.arrayContaining(['coffer_secret.value_wo', 'coffer_workspace_secret.value_wo']),
    );
  });

  it('each flavor is compiled to CommonJS next to its sources', () => {
    for (const flavor of ['cdktf', 'cdktn']) {
      expect(JSON.parse(readFileSync(join(pkg, 'generated', flavor, 'lib/package.json'), 'utf8'))).toEqual({
        type: 'commonjs',
      });
      expect(existsSync(join(pkg, 'generated', flavor, 'lib/index.d.ts'))).toBe(true);
      expect(readFileSync(join(pkg, 'generated', flavor, 'lib/secret/index.js'), 'utf8')).toContain(
        `require("${flavor}")`,
      );
    }
  });
});

describe('regenerating from the committed schema', () => {
  it('reproduces every committed file byte for byte (what check:generated proves with the provider)', () => {
    mkdirSync(join(pkg, '.tmp'), { recursive: true }); // .tmp/ is git-ignored
    const out = mkdtempSync(join(pkg, '.tmp', 'generate-'));
    try {
      generateFrom(doc, out);
      for (const flavor of ['cdktf', 'cdktn']) {
        const files = (dir: string) =>
          readdirSync(dir, { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => relative(dir, join(e.parentPath, e.name)))
            .sort();
        const committed = files(join(pkg, 'generated', flavor));
        expect(files(join(out, flavor))).toEqual(committed);
        for (const f of committed) {
          expect(readFileSync(join(out, flavor, f), 'utf8'), `${flavor}/${f}`).toBe(
            readFileSync(join(pkg, 'generated', flavor, f), 'utf8'),
          );
        }
      }
      expect(readFileSync(join(out, 'schema.json'), 'utf8')).toBe(
        readFileSync(join(pkg, 'generated/schema.json'), 'utf8'),
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});

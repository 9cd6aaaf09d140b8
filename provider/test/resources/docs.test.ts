// provider/docs, the registry pages, are what release/docs.ts makes from the schema (so they cannot go stale:
// `npm run generate -w terraform-provider-coffer` rewrites them), and every type has its page with an
// example, its schema and an import section.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR, docsPages } from '../../release/docs.ts';
import { cofferProvider } from '../../src/provider.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [relative(DOCS_DIR, join(dir, e.name))],
  );
}

describe('registry docs', () => {
  const pages = docsPages();

  it('are committed exactly as generated (run npm run generate -w terraform-provider-coffer)', () => {
    expect(files(DOCS_DIR).sort()).toEqual([...pages.keys()].sort());
    for (const [path, text] of pages) expect(readFileSync(join(DOCS_DIR, path), 'utf8'), path).toBe(text);
  });

  it('have a page per type in the registry layout, each with an example, the schema and an import section', () => {
    const def = cofferProvider({});
    const expected = [
      'index.md',
      ...def.resources.map((r) => `resources/${r.typeName.slice('coffer_'.length)}.md`),
      ...def.dataSources.map((d) => `data-sources/${d.typeName.slice('coffer_'.length)}.md`),
      ...def.ephemeralResources.map((e) => `ephemeral-resources/${e.typeName.slice('coffer_'.length)}.md`),
    ];
    expect([...pages.keys()].sort()).toEqual(expected.sort());
    for (const [path, text] of pages) {
      expect(text, path).toMatch(/^---\npage_title: /);
      expect(text, path).toContain('## Example Usage\n\n```terraform\n');
      expect(text, path).toContain('## Schema');
      if (path !== 'index.md') expect(text, path).toContain('## Import');
    }
  });

  it('document every attribute and the identity of each resource', () => {
    const def = cofferProvider({});
    for (const r of def.resources) {
      const text = pages.get(`resources/${r.typeName.slice('coffer_'.length)}.md`) as string;
      for (const name of Object.keys(r.schema.attributes))
        expect(text, `${r.typeName}.${name}`).toContain(`- \`${name}\` (`);
      if (r.identity) {
        expect(text).toContain('### Identity Schema');
        for (const name of Object.keys(r.identity.attributes)) expect(text).toContain(`    ${name} = "..."`);
      }
    }
    expect(pages.get('resources/secret.md')).toContain('`value_wo` (String, Sensitive, [Write-only]');
    expect(pages.get('index.md')).toContain('filesystem_mirror');
  });
});

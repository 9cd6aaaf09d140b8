// provider/README.md documents every type and every attribute the provider serves (a row per attribute path
// under the type's heading), so the reference cannot fall behind the schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attributes } from '../../src/framework/index.ts';
import { cofferProvider } from '../../src/provider.ts';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

function paths(attrs: Attributes, prefix = ''): string[] {
  return Object.entries(attrs).flatMap(([name, a]) => [
    `${prefix}${name}`,
    ...(a.nested ? paths(a.nested.attributes, `${prefix}${name}.`) : []),
  ]);
}

function section(heading: string): string {
  const start = readme.indexOf(`### \`${heading}\``);
  expect(start, heading).toBeGreaterThan(-1);
  const end = readme.indexOf('\n### ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('provider README reference', () => {
  const def = cofferProvider({});
  const types: [string, Attributes][] = [
    ['provider "coffer"', def.schema.attributes],
    ...def.resources.map((r): [string, Attributes] => [`resource ${r.typeName}`, r.schema.attributes]),
    ...def.dataSources.map((d): [string, Attributes] => [`data ${d.typeName}`, d.schema.attributes]),
    ...def.ephemeralResources.map((e): [string, Attributes] => [
      `ephemeral ${e.typeName}`,
      e.schema.attributes,
    ]),
  ];

  it.each(types)('documents every attribute of %s', (heading, attrs) => {
    const text = section(heading);
    for (const p of paths(attrs)) expect(text, `${heading}: ${p}`).toContain(`| \`${p}\` |`);
  });

  it('marks write-only attributes as such', () => {
    expect(section('resource coffer_secret')).toMatch(
      /\| `value_wo` \| string \| optional, sensitive, \*\*write-only\*\* \|/,
    );
  });
});

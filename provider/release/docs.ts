// Registry documentation generated from the provider's own schema: provider/docs/ in the layout the
// Terraform and OpenTofu registries read (index.md, resources/, data-sources/, ephemeral-resources/), each
// page with its example (provider/examples, tfplugindocs' layout), its schema and an import section.
// `npm run generate -w terraform-provider-coffer` rewrites it; `npm run check:generated` fails when the
// committed pages differ from what the schema gives.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IdentityDefinition } from '../src/framework/define.ts';
import type { Attribute, Attributes, BlockSchema, CtyType } from '../src/framework/schema.ts';
import { cofferProvider } from '../src/provider.ts';
import { VERSION } from '../src/version.ts';

const PROVIDER = resolve(import.meta.dirname, '..');
export const DOCS_DIR = join(PROVIDER, 'docs');
const EXAMPLES = join(PROVIDER, 'examples');
const WRITE_ONLY_LINK =
  'https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments';

type Kind = 'resource' | 'data-source' | 'ephemeral-resource';
const KIND_TITLE: Record<Kind, string> = {
  resource: 'Resource',
  'data-source': 'Data Source',
  'ephemeral-resource': 'Ephemeral Resource',
};

function example(path: string): string {
  const file = join(EXAMPLES, path);
  if (!existsSync(file))
    throw new Error(`no example ${file}: every type needs one (see provider/examples/README.md)`);
  return readFileSync(file, 'utf8').trimEnd();
}

function typeName(t: CtyType): string {
  if (t === 'string') return 'String';
  if (t === 'number') return 'Number';
  if (t === 'bool') return 'Boolean';
  if (t === 'dynamic') return 'Dynamic';
  if (Array.isArray(t)) {
    const [kind, inner] = t as [string, CtyType];
    if (kind === 'object') return 'Object';
    const name = { list: 'List', set: 'Set', map: 'Map' }[kind] ?? kind;
    return `${name} of ${typeName(inner)}`;
  }
  return String(t);
}

const anchor = (prefix: string, path: string) => `${prefix}--${path.replaceAll('.', '--')}`;
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Section {
  anchor: string;
  title: string;
  attributes: Attributes | Record<string, CtyType>;
}

/** `- `name` (Type, Sensitive) Description` lines in Required / Optional / Read-Only groups, plus the nested
 * sections they refer to. */
function attributeList(
  attrs: Attributes,
  path: string,
  nested: Section[],
  heading: (group: string) => string,
): string {
  const groups: Record<string, string[]> = { Required: [], Optional: [], 'Read-Only': [] };
  for (const name of Object.keys(attrs).sort()) {
    const a = attrs[name] as Attribute;
    const full = path ? `${path}.${name}` : name;
    const flags: string[] = [];
    let more = '';
    if (a.nested) {
      flags.push(
        a.nested.nesting === 'single'
          ? 'Attributes'
          : `Attributes ${a.nested.nesting === 'list' ? 'List' : a.nested.nesting === 'set' ? 'Set' : 'Map'}`,
      );
      const id = anchor('nestedatt', full);
      nested.push({ anchor: id, title: full, attributes: a.nested.attributes });
      more = ` (see [below for nested schema](#${id}))`;
    } else {
      flags.push(typeName(a.type as CtyType));
      const inner = Array.isArray(a.type) ? (a.type as [string, CtyType])[1] : undefined;
      if (Array.isArray(inner) && inner[0] === 'object') {
        const id = anchor('nestedobjatt', full);
        nested.push({ anchor: id, title: full, attributes: inner[1] as unknown as Record<string, CtyType> });
        more = ` (see [below for nested schema](#${id}))`;
      }
    }
    if (a.sensitive) flags.push('Sensitive');
    if (a.writeOnly) flags.push(`[Write-only](${WRITE_ONLY_LINK})`);
    if (a.deprecated) flags.push('Deprecated');
    const group = a.required ? 'Required' : a.optional ? 'Optional' : 'Read-Only';
    const defaultNote = a.default !== undefined ? ` Default: \`${JSON.stringify(a.default)}\`.` : '';
    const replaces = a.requiresReplace ? ' Changing it forces a new resource.' : '';
    const desc = oneLine(a.description);
    const extra = [defaultNote, desc.includes('replaces') ? '' : replaces].join('');
    groups[group]?.push(`- \`${name}\` (${flags.join(', ')}) ${desc}${extra}${more}`);
  }
  return Object.entries(groups)
    .filter(([, lines]) => lines.length > 0)
    .map(([title, lines]) => `${heading(title)}\n\n${lines.join('\n')}`)
    .join('\n\n');
}

function nestedSections(nested: Section[]): string {
  const out: string[] = [];
  for (let i = 0; i < nested.length; i++) {
    const s = nested[i] as Section;
    const first = Object.values(s.attributes)[0];
    const isObjectType = first === undefined || typeof first === 'string' || Array.isArray(first);
    let body: string;
    if (isObjectType) {
      body = Object.keys(s.attributes)
        .sort()
        .map((k) => `- \`${k}\` (${typeName((s.attributes as Record<string, CtyType>)[k] as CtyType)})`)
        .join('\n');
      body = `Read-Only:\n\n${body}`;
    } else {
      body = attributeList(s.attributes as Attributes, s.title, nested, (group) => `${group}:`);
    }
    out.push(`<a id="${s.anchor}"></a>\n### Nested Schema for \`${s.title}\`\n\n${body}`);
  }
  return out.join('\n\n');
}

function schemaSection(schema: BlockSchema): string {
  const nested: Section[] = [];
  const top = attributeList(schema.attributes, '', nested, (group) => `### ${group}`);
  const rest = nestedSections(nested);
  return `## Schema\n\n${top}${rest ? `\n\n${rest}` : ''}`;
}

function frontMatter(title: string, description: string): string {
  return `---\npage_title: "${title}"\nsubcategory: ""\ndescription: |-\n  ${oneLine(description)}\n---`;
}

function importSection(type: string, identity: IdentityDefinition | undefined, writeOnly: boolean): string {
  const parts = ['## Import', ''];
  if (identity) {
    const example = Object.keys(identity.attributes)
      .map((k) => `    ${k} = "..."`)
      .join('\n');
    const attrs = Object.keys(identity.attributes)
      .sort()
      .map((k) => {
        const a = identity.attributes[k] as IdentityDefinition['attributes'][string];
        return `- \`${k}\` (String) ${a.description}`;
      });
    const required = Object.entries(identity.attributes).every(([, a]) => a.requiredForImport);
    parts.push(
      'With OpenTofu >= 1.12 or Terraform >= 1.12, an `import` block can name the object by its resource identity:',
      '',
      '```terraform',
      'import {',
      `  to = ${type}.example`,
      '  identity = {',
      example,
      '  }',
      '}',
      '```',
      '',
      '### Identity Schema',
      '',
      required ? '#### Required' : '#### Attributes',
      '',
      ...attrs,
      '',
    );
  }
  parts.push(
    'An `import` block with an `id`, or the `import` command (`tofu import` or `terraform import`), takes the id shown here:',
    '',
    '```shell',
    example(`resources/${type}/import.sh`),
    '```',
  );
  if (writeOnly) {
    parts.push(
      '',
      'The API never returns write-only values: the first apply after an import writes the configured one.',
    );
  }
  return parts.join('\n');
}

/** Whether any attribute (nested ones too) is write-only. */
function hasWriteOnly(attrs: Attributes): boolean {
  return Object.values(attrs).some(
    (a) => a.writeOnly || (a.nested ? hasWriteOnly(a.nested.attributes) : false),
  );
}

function typePage(kind: Kind, type: string, schema: BlockSchema, identity?: IdentityDefinition): string {
  const exampleFile = `${kind}s/${type}/${kind}.tf`;
  const sections = [
    frontMatter(`${type} ${KIND_TITLE[kind]} - coffer`, schema.description),
    `# ${type} (${KIND_TITLE[kind]})`,
    oneLine(schema.description),
    `## Example Usage\n\n\`\`\`terraform\n${example(exampleFile)}\n\`\`\``,
    schemaSection(schema),
  ];
  if (kind === 'resource') sections.push(importSection(type, identity, hasWriteOnly(schema.attributes)));
  else if (kind === 'data-source') {
    sections.push('## Import\n\nA data source is read on every plan; there is nothing to import.');
  } else {
    sections.push(
      '## Import\n\nAn ephemeral resource is opened during each run and stored nowhere (neither state nor plan); there is nothing to import.',
    );
  }
  return `${sections.join('\n\n')}\n`;
}

function indexPage(): string {
  const def = cofferProvider({});
  const installation = `provider_installation {
  filesystem_mirror {
    path    = "/opt/tf-mirror" # the zips of \`npm run release:provider\`, packed or unpacked
    include = ["registry.opentofu.org/coffer/*"] # registry.terraform.io/coffer/* for Terraform
  }
  direct {
    exclude = ["registry.opentofu.org/coffer/*"]
  }
}`;
  return `${[
    frontMatter('Provider: Coffer', def.schema.description),
    '# Coffer Provider',
    `${oneLine(def.schema.description)} Write-only attributes keep secret values out of state and plan; the ephemeral resource reads a value during a run without storing it. Needs OpenTofu >= 1.11 or Terraform >= 1.11.`,
    `## Example Usage\n\n\`\`\`terraform\n${example('provider/provider.tf')}\n\`\`\``,
    `## Installation\n\nThe provider ships as one self-contained executable (version ${VERSION}, protocol 6) in the registry's release layout. Install it from a filesystem mirror (as below) or a network mirror, then \`tofu init\` (or \`terraform init\`):\n\n\`\`\`terraform\n${installation}\n\`\`\``,
    schemaSection(def.schema),
  ].join('\n\n')}\n`;
}

/** Every page: path under docs/ → contents. */
export function docsPages(): Map<string, string> {
  const def = cofferProvider({});
  const short = (t: string) => t.replace(/^coffer_/, '');
  const pages = new Map<string, string>([['index.md', indexPage()]]);
  for (const r of def.resources)
    pages.set(`resources/${short(r.typeName)}.md`, typePage('resource', r.typeName, r.schema, r.identity));
  for (const d of def.dataSources)
    pages.set(`data-sources/${short(d.typeName)}.md`, typePage('data-source', d.typeName, d.schema));
  for (const e of def.ephemeralResources) {
    pages.set(
      `ephemeral-resources/${short(e.typeName)}.md`,
      typePage('ephemeral-resource', e.typeName, e.schema),
    );
  }
  return pages;
}

export function writeDocs(dir = DOCS_DIR): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of docsPages()) {
    const file = join(dir, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
}

if (import.meta.main) {
  writeDocs();
  console.log(`wrote ${DOCS_DIR}`);
}

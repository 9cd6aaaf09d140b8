// The import rules of src/internal/README.md, checked on the source.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'generated'
        ? []
        : files(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Relative imports of a file, resolved to paths under src/ (`internal/retry.ts`). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map((m) =>
    relative(SRC, join(file, '..', m[1] as string)),
  );
}

const all = files(SRC).map((f) => ({ file: relative(SRC, f), imports: imports(f) }));

describe('source layout', () => {
  it('internal/ never imports the resources, the client or the index', () => {
    for (const { file, imports: deps } of all.filter((f) => f.file.startsWith('internal/'))) {
      for (const d of deps)
        expect(d, `${file} imports ${d}`).not.toMatch(/^(resources\/|client\.ts$|index\.ts$)/);
    }
  });

  it('transport/ imports only transport/ and the deadline', () => {
    for (const { file, imports: deps } of all.filter((f) => f.file.startsWith('internal/transport/'))) {
      for (const d of deps)
        expect(d, `${file} imports ${d}`).toMatch(
          /^(internal\/transport\/|internal\/deadline\.ts$|options\.ts$)/,
        );
    }
  });

  it('the retry layer and the attempt do not know each other', () => {
    const of = (f: string) => all.find((x) => x.file === f)?.imports ?? [];
    expect(of('internal/retry.ts')).not.toContain('internal/attempt.ts');
    expect(of('internal/attempt.ts')).not.toContain('internal/retry.ts');
    // http-client composes the two (and proves the import scan sees imports at all)
    expect(of('internal/http-client.ts')).toEqual(
      expect.arrayContaining(['internal/retry.ts', 'internal/attempt.ts']),
    );
  });

  it('public modules do not import resources/ (only client.ts and index.ts do)', () => {
    for (const { file, imports: deps } of all.filter((f) => !f.file.includes('/'))) {
      if (file === 'client.ts' || file === 'index.ts') continue;
      for (const d of deps) expect(d, `${file} imports ${d}`).not.toMatch(/^resources\//);
    }
  });

  it('resources import neither the client, the index nor each other', () => {
    for (const { file, imports: deps } of all.filter((f) => f.file.startsWith('resources/'))) {
      for (const d of deps)
        expect(d, `${file} imports ${d}`).not.toMatch(/^(client\.ts|index\.ts|resources\/(?!resource\.ts))/);
    }
  });

  it('each resource file holds one resource group over the base class', () => {
    for (const { file } of all.filter(
      (f) => f.file.startsWith('resources/') && f.file !== 'resources/resource.ts',
    )) {
      const text = readFileSync(join(SRC, file), 'utf8');
      expect(text.match(/^export class \w+ extends APIResource/gm), file).toHaveLength(1);
    }
  });
});

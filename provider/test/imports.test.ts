// The provider's import graph: no cycles, and the layers import only downwards (wire <- framework <-
// resources <- provider). Read from the sources' import/export specifiers, type-only imports included.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** file (relative to src) -> the files it imports (relative to src), only those inside src. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const spec = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const deps = [...text.matchAll(spec)]
      .map((m) => resolve(dirname(file), (m[1] ?? m[2]) as string))
      .filter((p) => p.startsWith(SRC))
      .map((p) => relative(SRC, p));
    graph.set(relative(SRC, file), [...new Set(deps)]);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...graph.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

describe('provider imports', () => {
  const graph = importGraph();

  it('reads the graph (a sanity check on the parser)', () => {
    expect(graph.get('framework/plan.ts')).toContain('framework/conform.ts');
    expect(graph.get('provider.ts')).toContain('framework/index.ts');
    expect(graph.get('main.ts')?.length).toBeGreaterThan(0);
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('imports only downwards: wire <- framework <- resources <- provider.ts', () => {
    const layer = (f: string) =>
      f.startsWith('wire/') ? 0 : f.startsWith('framework/') ? 1 : f.startsWith('resources/') ? 2 : 3;
    const upwards = [...graph].flatMap(([f, deps]) =>
      deps.filter((d) => layer(d) > layer(f)).map((d) => `${f} -> ${d}`),
    );
    expect(upwards).toEqual([]);
  });

  it('keeps the RPC semantics (fwserver/) apart from the protocol (proto6server/, wire/handler.ts)', () => {
    const fw = [...graph].filter(([f]) => f.startsWith('framework/fwserver/'));
    expect(fw.length).toBeGreaterThan(5);
    const leaks = fw.flatMap(([f, deps]) =>
      deps
        .filter((d) => d.startsWith('framework/proto6server/') || d === 'wire/handler.ts')
        .map((d) => `${f} -> ${d}`),
    );
    expect(leaks).toEqual([]);
  });

  it('keeps values and validators free of schemas', () => {
    for (const f of ['framework/value.ts', 'framework/validators.ts']) {
      expect(graph.get(f)?.filter((d) => d.startsWith('framework/')) ?? [], f).not.toContain(
        'framework/schema.ts',
      );
    }
    expect(graph.get('framework/value.ts')).toEqual(['wire/codec.ts']);
  });
});

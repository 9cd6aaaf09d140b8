import { describe, expect, it } from 'vitest';
import { conform } from '../../src/framework/conform.ts';
import { plan } from '../../src/framework/plan.ts';
import type { Attributes } from '../../src/framework/schema.ts';
import { UNKNOWN } from '../../src/framework/value.ts';

const attrs: Attributes = {
  id: { type: 'string', computed: true, description: 'id' },
  name: { type: 'string', required: true, requiresReplace: true, description: 'name' },
  note: { type: 'string', optional: true, description: 'note' },
  category: { type: 'string', optional: true, computed: true, description: 'category' },
  updated_at: { type: 'string', computed: true, computedPlan: 'volatile', description: 'updated' },
  secret_wo: { type: 'string', optional: true, writeOnly: true, sensitive: true, description: 'wo' },
  nested: {
    optional: true,
    description: 'nested',
    nested: {
      nesting: 'single',
      attributes: {
        address: { type: 'string', required: true, description: 'a' },
        path: { type: 'string', optional: true, computed: true, description: 'p' },
        key_wo: { type: 'string', optional: true, writeOnly: true, description: 'k' },
      },
    },
  },
};

const obj = (o: Record<string, unknown>) => conform(attrs, o as never, false);

describe('plan', () => {
  it('create: computed values the configuration leaves null are unknown; write-only values are null', () => {
    const config = obj({ name: 'A', note: 'n', secret_wo: 's3cr3t', nested: { address: 'x', key_wo: 'k' } });
    const r = plan({ attributes: attrs, prior: null, proposed: config, config });
    expect(r.changed).toBe(true);
    expect(r.requiresReplace).toEqual([]);
    expect(r.planned).toEqual({
      id: UNKNOWN,
      name: 'A',
      note: 'n',
      category: UNKNOWN,
      updated_at: UNKNOWN,
      secret_wo: null,
      nested: { address: 'x', path: UNKNOWN, key_wo: null },
    });
  });

  it('create: a configured optional+computed value is kept', () => {
    const config = obj({ name: 'A', category: 'agent' });
    const r = plan({ attributes: attrs, prior: null, proposed: config, config });
    expect(r.planned.category).toBe('agent');
  });

  const prior = obj({
    id: 'i-1',
    name: 'A',
    note: 'n',
    category: 'agent',
    updated_at: 't1',
    nested: { address: 'x', path: 'p/1' },
  });

  it('no change: the plan equals the prior state, even with a write-only value in the configuration', () => {
    const config = obj({
      name: 'A',
      note: 'n',
      secret_wo: 'changed-but-not-compared',
      nested: { address: 'x' },
    });
    // The CLI proposes prior values for computed attributes the configuration leaves null.
    const proposed = obj({
      ...prior,
      secret_wo: 'changed-but-not-compared',
      nested: { address: 'x', path: 'p/1' },
    });
    const r = plan({ attributes: attrs, prior, proposed, config });
    expect(r.changed).toBe(false);
    expect(r.planned).toEqual(prior);
    expect(r.requiresReplace).toEqual([]);
  });

  it('update in place: volatile computed values become unknown, stable ones keep their value', () => {
    const config = obj({ name: 'A', note: 'new', nested: { address: 'x' } });
    const proposed = obj({ ...prior, note: 'new' });
    const r = plan({ attributes: attrs, prior, proposed, config });
    expect(r.changed).toBe(true);
    expect(r.requiresReplace).toEqual([]);
    expect(r.planned.updated_at).toBe(UNKNOWN);
    expect(r.planned.id).toBe('i-1');
    expect(r.planned.category).toBe('agent');
    expect(r.planned.nested).toEqual({ address: 'x', path: 'p/1', key_wo: null });
  });

  it('requires replace only for the declared attribute that changed', () => {
    const config = obj({ name: 'B', note: 'n', nested: { address: 'x' } });
    const proposed = obj({ ...prior, name: 'B' });
    const r = plan({ attributes: attrs, prior, proposed, config });
    expect(r.requiresReplace).toEqual([['name']]);
  });

  it('a nested object added on update plans its computed values as unknown', () => {
    const before = obj({ ...prior, nested: null });
    const config = obj({ name: 'A', note: 'n', nested: { address: 'y' } });
    const proposed = obj({ ...before, nested: { address: 'y', path: null } });
    const r = plan({ attributes: attrs, prior: before, proposed, config });
    expect(r.planned.nested).toEqual({ address: 'y', path: UNKNOWN, key_wo: null });
  });

  it('is deterministic: the same inputs give the same plan', () => {
    const config = obj({ name: 'A', note: 'new', nested: { address: 'x' } });
    const proposed = obj({ ...prior, note: 'new' });
    const a = plan({ attributes: attrs, prior, proposed, config });
    const b = plan({ attributes: attrs, prior, proposed, config });
    expect(a).toEqual(b);
  });
});

/** The resolve cache's clears: local and from other replicas, and the generation that drops late writes. */
import { describe, expect, it } from 'vitest';
import { SecretValue } from '../../src/crypto/secret-value.ts';
import { ResolveCache, type ResolvedEntry } from '../../src/services/resolve-cache.ts';

const entry = (v: string): ResolvedEntry => ({
  name: 'A',
  value: new SecretValue(v),
  source: 'team',
  scope: { type: 'team', id: 't' },
  version: 1,
  expiresAt: null,
  backend: 'VAULT',
  secretId: null,
});

describe('ResolveCache', () => {
  it('a value read before a clear is not cached after it (a rotation elsewhere wins)', () => {
    const c = new ResolveCache();
    const key = ResolveCache.key('w', 'A');
    const before = c.generation;
    c.clearLocal(); // another replica rotated while this resolve was reading
    c.set(key, entry('old'), 300, Date.now(), before);
    expect(c.get(key, Date.now())).toBeUndefined();
    c.set(key, entry('new'), 300, Date.now(), c.generation);
    expect(c.get(key, Date.now())?.value.reveal()).toBe('new');
  });

  it('clear() tells the other replicas; clearLocal() (their news) does not echo it', () => {
    const c = new ResolveCache();
    let told = 0;
    c.onClear = () => {
      told += 1;
    };
    c.clear();
    c.clearLocal();
    expect(told).toBe(1);
  });
});

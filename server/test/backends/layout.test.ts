/** Remote paths: the one layout function and the KV v2 metadata-path derivation. */
import { describe, expect, it } from 'vitest';
import { joinPath, layoutPath } from '../../src/backends/layout.ts';
import { defaultSecretPath, metadataPathOf } from '../../src/backends/vault/kv.ts';

describe('layoutPath', () => {
  it('is {scopeType}/{scopeId}/{name}', () => {
    expect(layoutPath({ scopeType: 'team', scopeId: 'platform', name: 'STRIPE_API_KEY' })).toBe(
      'team/platform/STRIPE_API_KEY',
    );
    expect(layoutPath({ scopeType: 'workspace', scopeId: 'ws.1-a_b', name: '_X' })).toBe(
      'workspace/ws.1-a_b/_X',
    );
  });

  it('refuses what could leave the prefix or is not an API scope or name', () => {
    for (const bad of [
      { scopeType: 'team', scopeId: '..', name: 'A' },
      { scopeType: 'team', scopeId: 'a/b', name: 'A' },
      { scopeType: 'team', scopeId: 'p', name: '../A' },
      { scopeType: 'team', scopeId: 'p', name: 'A/B' },
      { scopeType: 'global', scopeId: 'p', name: 'A' },
      { scopeType: 'team', scopeId: '', name: 'A' },
    ] as const) {
      expect(() => layoutPath(bad as never), JSON.stringify(bad)).toThrow();
    }
  });

  it('joins without doubled slashes', () => {
    expect(joinPath('secret/data/coffer/', 'team/p/A')).toBe('secret/data/coffer/team/p/A');
    expect(joinPath('', 'team/p/A')).toBe('team/p/A');
  });
});

describe('KV paths', () => {
  it('defaults per KV version', () => {
    expect(defaultSecretPath(2)).toBe('secret/data/coffer');
    expect(defaultSecretPath(1)).toBe('secret/coffer');
  });

  it('derives the metadata path by swapping /data/ for /metadata/, unless one is set', () => {
    const p = 'kv/data/platform/coffer/team/t/A';
    expect(metadataPathOf(p, 'kv/data/platform/coffer', undefined)).toBe(
      'kv/metadata/platform/coffer/team/t/A',
    );
    expect(metadataPathOf(p, 'kv/data/platform/coffer', 'meta/custom')).toBe('meta/custom/team/t/A');
    // Written under an earlier secretPath: that path's own convention.
    expect(metadataPathOf('old/data/x/team/t/A', 'kv/data/platform/coffer', 'meta/custom')).toBe(
      'old/metadata/x/team/t/A',
    );
  });
});

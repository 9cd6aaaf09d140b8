// coffer_secrets_manager in process: create over untouched defaults, read, update, an optional setting
// removed returns to the spec's default, import, delete (reset to DB), and the refusal to create over
// settings this state did not make, against a real `coffer serve`.
import type { Coffer } from '@coffer/sdk';
import { describe, expect, it } from 'vitest';
import { type Instance, type MiniCli, summaries, withSession } from './support/cli.ts';

let cli: MiniCli;
let sdk: Coffer;
withSession((s) => {
  ({ cli, sdk } = s);
});

describe('coffer_secrets_manager', () => {
  const r = () => cli.type('coffer_secrets_manager');
  let m: Instance;

  it('creates over the untouched defaults', async () => {
    const a = await r().apply(null, { backend: 'DB', cache_ttl_seconds: 120 });
    expect(a.diagnostics).toEqual([]);
    expect(a.planned).toMatchObject({ cache_ttl_seconds: 120, fallback: 'NONE' });
    expect(a.instance?.state).toMatchObject({
      id: 'secrets-manager',
      backend: 'DB',
      effective_backend: 'DB',
      cache_ttl_seconds: 120,
      fallback: 'NONE',
      vault: null,
      aws: null,
    });
    expect((await sdk.secretsManager.get()).cache.ttlSeconds).toBe(120);
    m = a.instance as Instance;
  });

  it('reads back the same state and plans no change', async () => {
    const got = await r().read(m);
    expect(got.instance.state).toEqual(m.state);
    const p = await r().plan(got.instance, { backend: 'DB', cache_ttl_seconds: 120 });
    expect(p.planned).toEqual(m.state);
  });

  it('updates, and a setting removed from the configuration returns to the default', async () => {
    const a = await r().apply(m, { backend: 'DB', cache_ttl_seconds: 60, fallback: 'ENV' });
    expect(a.diagnostics).toEqual([]);
    expect(a.instance?.state).toMatchObject({ cache_ttl_seconds: 60, fallback: 'ENV' });
    const b = await r().apply(a.instance, { backend: 'DB' });
    expect(b.planned).toMatchObject({ cache_ttl_seconds: 300, fallback: 'NONE' });
    expect(b.instance?.state).toMatchObject({ cache_ttl_seconds: 300, fallback: 'NONE' });
    m = b.instance as Instance;
  });

  it('refuses a backend without its settings at validation', async () => {
    const p = await r().plan(null, { backend: 'VAULT' });
    expect(summaries(p.diagnostics)).toEqual(['Missing vault settings']);
  });

  it('refuses to create over settings it did not make, changing nothing; import takes them over', async () => {
    await sdk.secretsManager.put({ backend: 'DB', cache: { ttlSeconds: 42 } });
    const a = await r().apply(null, { backend: 'DB', cache_ttl_seconds: 120 });
    expect(summaries(a.diagnostics)).toEqual(['Secrets manager already configured']);
    expect(a.instance?.state).toBeNull();
    expect((await sdk.secretsManager.get()).cache.ttlSeconds).toBe(42);
    const i = await r().import('secrets-manager');
    expect(i.diagnostics).toEqual([]);
    expect(i.instance?.state).toMatchObject({ id: 'secrets-manager', backend: 'DB', cache_ttl_seconds: 42 });
    m = i.instance as Instance;
  });

  it('deletes by resetting the server to DB with its defaults', async () => {
    const d = await r().apply(m, null);
    expect(d.diagnostics).toEqual([]);
    expect(d.instance?.state).toBeNull();
    const now = await sdk.secretsManager.get();
    expect([now.backend, now.cache.ttlSeconds, now.fallback]).toEqual(['DB', 300, 'NONE']);
  });
});

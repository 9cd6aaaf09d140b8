/** SQLite group commit: concurrent transactions share a commit, yet each succeeds or fails on its own. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DuplicateError } from '../../src/store/types.ts';
import { makeStoreEnv } from '../support/stores.ts';

describe('sqlite group commit', () => {
  it('rolls back only the failing transactions of a batch and keeps the rest', async () => {
    const env = await makeStoreEnv('sqlite');
    const store = await env.open();
    try {
      const mk = (name: string) => ({
        id: randomUUID(),
        scopeType: 'workspace' as const,
        scopeId: 'gc',
        name,
        category: 'agent' as const,
        storageBackend: 'DB' as const,
      });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) =>
          store.transaction(async (tx) => {
            const rec = await tx.secrets.create(mk(`GC_${i}`));
            await tx.audit.appendEvent({
              type: 'secret.created',
              principalId: null,
              requestId: `r${i}`,
              name: rec.name,
              scopeType: 'workspace',
              scopeId: 'gc',
              details: null,
            });
            if (i % 7 === 3) throw new Error(`fail ${i}`);
            return rec.id;
          }),
        ),
      );
      // A duplicate inside a batch fails alone too.
      const dup = await Promise.allSettled([
        store.transaction((tx) => tx.secrets.create(mk('GC_DUP'))),
        store.transaction((tx) => tx.secrets.create(mk('GC_DUP'))),
      ]);
      expect(dup.map((d) => d.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((dup.find((d) => d.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(
        DuplicateError,
      );

      for (const [i, o] of outcomes.entries()) {
        const row = await store.secrets.getByNaturalKey('workspace', 'gc', `GC_${i}`);
        const events = await store.audit.listEvents({ name: `GC_${i}` });
        if (i % 7 === 3) {
          expect(o.status).toBe('rejected');
          expect(row).toBeNull();
          expect(events.items).toHaveLength(0);
        } else {
          expect(o.status).toBe('fulfilled');
          expect(row?.id).toBe((o as PromiseFulfilledResult<string>).value);
          expect(events.items).toHaveLength(1);
        }
      }
      // Plain statements issued while batches run still see a consistent store.
      expect(await store.secrets.count()).toBe(60 - Math.ceil((60 - 3) / 7) + 1);
    } finally {
      await store.close();
      await env.cleanup();
    }
  });
});

import type { PublicHandler, Reply } from '../context.ts';

export const getHealth: PublicHandler = async () => ({ status: 200, body: { status: 'ok' } });

export const getReadiness: PublicHandler = async (_ctx, s): Promise<Reply> => {
  let store: 'ok' | 'unavailable' | 'full' | 'damaged' = 'ok';
  try {
    await s.store.ping();
    store = await s.storeHealth.check();
  } catch {
    store = 'unavailable';
  }
  // DB and ENV are the only backends with I/O so far; both live in this process and its store.
  const backend = store === 'ok' ? 'ok' : 'unavailable';
  const ok = store === 'ok';
  return {
    status: ok ? 200 : 503,
    body: { status: ok ? 'ok' : 'unavailable', checks: { store, backend } },
    headers: ok ? {} : ({ 'retry-after': '5' } as Record<string, string>),
  };
};

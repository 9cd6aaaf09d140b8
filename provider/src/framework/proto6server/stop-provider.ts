import type * as W from '../../wire/handler.ts';
import type { FrameworkServer } from '../fwserver/server.ts';

export async function stopProvider<C>(s: FrameworkServer<C>): Promise<W.StopProviderResponse> {
  try {
    await s.def.stop?.(s.client);
    return {};
  } catch (e) {
    return { Error: e instanceof Error ? e.message : String(e) };
  }
}

import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeObject } from '../dynamic.ts';
import { configureProvider as configure } from '../fwserver/configure-provider.ts';
import type { FrameworkServer } from '../fwserver/server.ts';
import { wire } from './common.ts';

export async function configureProvider<C>(
  s: FrameworkServer<C>,
  req: W.ConfigureProviderRequest,
): Promise<W.ConfigureProviderResponse> {
  let config: ReturnType<typeof decodeObject>;
  try {
    config = decodeObject(req.config, s.providerType);
  } catch (e) {
    s.configureDiagnostics = fromThrown(e, 'Configuring the provider');
    return { diagnostics: wire(s.configureDiagnostics) };
  }
  return { diagnostics: wire(await configure(s, config, req.terraform_version)) };
}

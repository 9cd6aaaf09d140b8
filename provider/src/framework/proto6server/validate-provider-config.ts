import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeObject } from '../dynamic.ts';
import type { FrameworkServer } from '../fwserver/server.ts';
import { validateConfig } from '../fwserver/validate-config.ts';
import { wire } from './common.ts';

export function validateProviderConfig<C>(
  s: FrameworkServer<C>,
  req: W.ValidateProviderConfigRequest,
): W.ValidateProviderConfigResponse {
  try {
    return { diagnostics: wire(validateConfig(s.def, decodeObject(req.config, s.providerType))) };
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, 'Validating the provider configuration')) };
  }
}

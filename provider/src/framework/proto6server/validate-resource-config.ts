import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeObject } from '../dynamic.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import { validateResourceConfig as validate } from '../fwserver/validate-config.ts';
import { wire } from './common.ts';

export function validateResourceConfig<C>(
  s: FrameworkServer<C>,
  req: W.ValidateResourceConfigRequest,
): W.ValidateResourceConfigResponse {
  const r = s.resources.get(req.type_name);
  if (!r) return { diagnostics: wire(unknownType('resource', req.type_name)) };
  try {
    const config = decodeObject(req.config, r.type);
    const writeOnly = !!req.client_capabilities?.write_only_attributes_allowed;
    return { diagnostics: wire(validate(r.def, config, writeOnly)) };
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Validating ${req.type_name}`)) };
  }
}

import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeObject } from '../dynamic.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import { validateConfig } from '../fwserver/validate-config.ts';
import { wire } from './common.ts';

export function validateEphemeralResourceConfig<C>(
  s: FrameworkServer<C>,
  req: W.ValidateEphemeralResourceConfigRequest,
): W.ValidateEphemeralResourceConfigResponse {
  const x = s.ephemerals.get(req.type_name);
  if (!x) return { diagnostics: wire(unknownType('ephemeral resource', req.type_name)) };
  try {
    return { diagnostics: wire(validateConfig(x.def, decodeObject(req.config, x.type))) };
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Validating ephemeral resource ${req.type_name}`)) };
  }
}

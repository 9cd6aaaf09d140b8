import type * as W from '../../wire/handler.ts';
import { fromThrown } from '../diagnostics.ts';
import { decodeObject } from '../dynamic.ts';
import { type FrameworkServer, unknownType } from '../fwserver/server.ts';
import { validateConfig } from '../fwserver/validate-config.ts';
import { wire } from './common.ts';

export function validateDataResourceConfig<C>(
  s: FrameworkServer<C>,
  req: W.ValidateDataResourceConfigRequest,
): W.ValidateDataResourceConfigResponse {
  const d = s.dataSources.get(req.type_name);
  if (!d) return { diagnostics: wire(unknownType('data source', req.type_name)) };
  try {
    return { diagnostics: wire(validateConfig(d.def, decodeObject(req.config, d.type))) };
  } catch (e) {
    return { diagnostics: wire(fromThrown(e, `Validating data source ${req.type_name}`)) };
  }
}

import type * as W from '../../wire/handler.ts';
import type { FrameworkServer } from '../fwserver/server.ts';
import { toWireIdentitySchema } from '../identity.ts';

export function getResourceIdentitySchemas<C>(s: FrameworkServer<C>): W.GetResourceIdentitySchemasResponse {
  const identity_schemas: Record<string, W.ResourceIdentitySchema> = {};
  for (const [name, r] of s.resources) {
    if (r.def.identity) identity_schemas[name] = toWireIdentitySchema(r.def.identity);
  }
  return { identity_schemas, diagnostics: [] };
}

import type * as W from '../../wire/handler.ts';
import type { FrameworkServer, Typed } from '../fwserver/server.ts';
import type { BlockSchema } from '../schema.ts';
import { toWireSchema } from '../schema-wire.ts';
import { SERVER_CAPABILITIES } from './common.ts';

const schemas = <D extends { schema: BlockSchema }>(m: Map<string, Typed<D>>) =>
  Object.fromEntries([...m].map(([name, t]) => [name, toWireSchema(t.def.schema)]));

export function getProviderSchema<C>(s: FrameworkServer<C>): W.GetProviderSchemaResponse {
  return {
    provider: toWireSchema(s.def.schema),
    resource_schemas: schemas(s.resources),
    data_source_schemas: schemas(s.dataSources),
    ephemeral_resource_schemas: schemas(s.ephemerals),
    diagnostics: [],
    server_capabilities: { ...SERVER_CAPABILITIES },
  };
}

import type * as W from '../../wire/handler.ts';
import type { FrameworkServer } from '../fwserver/server.ts';
import { SERVER_CAPABILITIES } from './common.ts';

export function getMetadata<C>(s: FrameworkServer<C>): W.GetMetadataResponse {
  return {
    server_capabilities: { ...SERVER_CAPABILITIES },
    diagnostics: [],
    resources: [...s.resources.keys()].map((type_name) => ({ type_name })),
    data_sources: [...s.dataSources.keys()].map((type_name) => ({ type_name })),
    ephemeral_resources: [...s.ephemerals.keys()].map((type_name) => ({ type_name })),
    functions: [],
  };
}

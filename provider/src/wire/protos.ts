// The protobuf definitions the plugin serves, loaded once per process from provider/proto/.
import { join } from 'node:path';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { loadSync, type Options } from '@grpc/proto-loader';

export const PROTO_DIR = join(import.meta.dirname, '..', '..', 'proto');

/** How messages are decoded: the shapes ./handler.ts describes. */
export const LOADER_OPTIONS: Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  bytes: Buffer,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

export interface Services {
  provider: ServiceDefinition;
  controller: ServiceDefinition;
  stdio: ServiceDefinition;
  broker: ServiceDefinition;
  health: ServiceDefinition;
}

let loaded: Services | undefined;

export function services(): Services {
  if (loaded) return loaded;
  const defs = loadSync(
    ['tfplugin6.proto', 'grpc_controller.proto', 'grpc_stdio.proto', 'grpc_broker.proto', 'health.proto'],
    LOADER_OPTIONS,
  );
  const service = (name: string) => defs[name] as ServiceDefinition;
  loaded = {
    provider: service('tfplugin6.Provider'),
    controller: service('plugin.GRPCController'),
    stdio: service('plugin.GRPCStdio'),
    broker: service('plugin.GRPCBroker'),
    health: service('grpc.health.v1.Health'),
  };
  return loaded;
}

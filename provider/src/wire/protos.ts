// The gRPC services the plugin serves, built once per process from proto/generated/descriptor.json (the
// .proto files of provider/proto as a protobufjs JSON descriptor; `npm run generate` rebuilds it).
// protobufjs/light and a prebuilt descriptor start about 50 ms faster than @grpc/proto-loader parsing the
// .proto text. Messages decode exactly as proto-loader would with the options below (test/wire/protos.test.ts
// checks both against each other), which is what ./handler.ts describes.
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import protobuf from 'protobufjs/light.js';
import descriptor from '../../proto/generated/descriptor.json' with { type: 'json' };

/** toObject options: proto-loader's `{ keepCase: true, longs: Number, enums: String, bytes: Buffer,
 * defaults: true, oneofs: true }` (keepCase is built into the descriptor). */
export const DECODE_OPTIONS: protobuf.IConversionOptions = {
  longs: Number,
  enums: String,
  bytes: Buffer as unknown as protobuf.IConversionOptions['bytes'],
  defaults: true,
  oneofs: true,
};

export interface Services {
  provider: ServiceDefinition;
  controller: ServiceDefinition;
  stdio: ServiceDefinition;
  broker: ServiceDefinition;
  health: ServiceDefinition;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function serviceDefinition(root: protobuf.Root, name: string): ServiceDefinition {
  const service = root.lookupService(name);
  const def: Record<string, MethodDefinition<object, object>> = {};
  for (const method of service.methodsArray) {
    method.resolve();
    const req = method.resolvedRequestType as protobuf.Type;
    const res = method.resolvedResponseType as protobuf.Type;
    def[method.name] = {
      path: `/${name}/${method.name}`,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
      requestSerialize: (value) => Buffer.from(req.encode(req.fromObject(value)).finish()),
      requestDeserialize: (bytes) => req.toObject(req.decode(bytes), DECODE_OPTIONS),
      responseSerialize: (value) => Buffer.from(res.encode(res.fromObject(value)).finish()),
      responseDeserialize: (bytes) => res.toObject(res.decode(bytes), DECODE_OPTIONS),
      originalName: lowerFirst(method.name),
    };
  }
  return def as ServiceDefinition;
}

let loaded: Services | undefined;

export function services(): Services {
  if (loaded) return loaded;
  const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
  loaded = {
    provider: serviceDefinition(root, 'tfplugin6.Provider'),
    controller: serviceDefinition(root, 'plugin.GRPCController'),
    stdio: serviceDefinition(root, 'plugin.GRPCStdio'),
    broker: serviceDefinition(root, 'plugin.GRPCBroker'),
    health: serviceDefinition(root, 'grpc.health.v1.Health'),
  };
  return loaded;
}

// Regenerates proto/generated/descriptor.json: the .proto files of this folder as a protobufjs JSON
// descriptor, which the plugin loads at start-up with protobufjs/light instead of parsing .proto text
// (about 50 ms faster to the handshake). Run: npm run generate -w terraform-provider-coffer
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import protobuf from 'protobufjs';

export const PROTO_FILES = [
  'tfplugin6.proto',
  'grpc_controller.proto',
  'grpc_stdio.proto',
  'grpc_broker.proto',
  'health.proto',
];
export const DESCRIPTOR_PATH = join(import.meta.dirname, 'generated', 'descriptor.json');

/** The descriptor as text, from the .proto files (field names kept as written). */
export function descriptorJson(): string {
  const root = new protobuf.Root();
  // google/protobuf/*.proto come with protobufjs; everything else is in this folder
  root.resolvePath = (_origin, target) =>
    target.startsWith('google/protobuf/') ? target : join(import.meta.dirname, target);
  root.loadSync(PROTO_FILES, { keepCase: true });
  root.resolveAll();
  return `${JSON.stringify(root.toJSON(), null, 1)}\n`;
}

if (import.meta.main) {
  writeFileSync(DESCRIPTOR_PATH, descriptorJson());
  console.log(`wrote ${DESCRIPTOR_PATH}`);
}

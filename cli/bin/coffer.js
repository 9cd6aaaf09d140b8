#!/usr/bin/env node
// The `coffer` command: the bundle that `npm run build -w @coffer/cli` writes (at install, and before the tests).
// Node's on-disk compile cache (in the OS temp directory) saves most of the parse time of later starts.
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 24 || (major === 24 && minor < 18)) {
  process.stderr.write(
    `coffer needs Node.js 24.18 or later; this is ${process.version} (${process.execPath})\n`,
  );
  process.exit(1);
}
module.enableCompileCache?.();
await import('../dist/main.js');

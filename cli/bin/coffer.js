#!/usr/bin/env node
// The `coffer` command: the bundle that `npm run build -w @coffer/cli` writes (at install, and before the tests).
// Node's on-disk compile cache (in the OS temp directory) saves most of the parse time of later starts.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/main.js');

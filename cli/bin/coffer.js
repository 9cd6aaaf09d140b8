#!/usr/bin/env node
// The `coffer` command: the bundle that `npm run build -w @coffer/cli` writes (at install, and before the tests).
import '../dist/main.js';

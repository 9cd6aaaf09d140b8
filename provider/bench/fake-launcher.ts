// The wire layer's no-op test provider (every RPC answered at once), started the way bin/terraform-provider-coffer
// starts the real one (Node's compile cache on): the floor the benchmarks print next to the Coffer provider.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const FAKE = resolve(import.meta.dirname, '..', 'test', 'wire', 'fixtures', 'fake-provider.ts');

/** Writes `dir/terraform-provider-coffer` running the no-op provider; point dev_overrides at `dir`. */
export function writeFakeLauncher(dir: string): void {
  const cache = process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache');
  writeFileSync(
    join(dir, 'terraform-provider-coffer'),
    `#!/bin/sh\nNODE_COMPILE_CACHE=${JSON.stringify(cache)} exec ${JSON.stringify(process.execPath)} --disable-warning=ExperimentalWarning ${JSON.stringify(FAKE)} 2>/dev/null\n`,
    { mode: 0o755 },
  );
}

// A Node 24 single executable application (https://nodejs.org/api/single-executable-applications.html):
// the bundled provider is turned into a preparation blob (with V8's code cache, when the target runs the
// same Node as the build) and injected into a copy of a Node binary with postject.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// postject ships CommonJS without type declarations: the one function used here, typed.
const { inject } = createRequire(import.meta.url)('postject') as {
  inject(file: string, resource: string, data: Buffer, options: { sentinelFuse: string }): Promise<void>;
};

/** The fuse every Node binary carries; flipping it tells Node to run the injected blob. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export interface SeaOptions {
  /** The bundled CommonJS script. */
  script: string;
  /** The Node binary to copy (the target platform's). */
  nodeBinary: string;
  /** Where to write the executable. */
  output: string;
  /** A scratch directory for the blob and its configuration. */
  workDir: string;
  /** Build V8's code cache into the blob: only when nodeBinary is the Node running this build. */
  codeCache: boolean;
}

export async function buildSea(o: SeaOptions): Promise<void> {
  const blob = join(o.workDir, 'sea-prep.blob');
  const config = join(o.workDir, 'sea-config.json');
  writeFileSync(
    config,
    JSON.stringify({
      main: o.script,
      output: blob,
      disableExperimentalSEAWarning: true,
      useCodeCache: o.codeCache,
      useSnapshot: false,
    }),
  );
  // The blob is made by the Node that runs this build (the project's Node 24); its format is tied to the
  // Node version, which is why only Node binaries of that same version are used as targets.
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: 'pipe' });
  rmSync(o.output, { force: true });
  copyFileSync(o.nodeBinary, o.output);
  chmodSync(o.output, 0o755);
  await inject(o.output, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE });
  rmSync(blob, { force: true });
}

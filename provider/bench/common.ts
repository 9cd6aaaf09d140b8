// What the apply benchmarks share: the no-op floor provider's launcher, timing a tofu command, arguments.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTofu } from '../src/dev/tofu.ts';

/** The wire layer's no-op test provider (one computed attribute, every RPC answered at once). */
export const FAKE = resolve(import.meta.dirname, '..', 'test', 'wire', 'fixtures', 'fake-provider.ts');
/** A no-op provider serving the real provider's schemas (plan and apply echo OpenTofu's proposal). */
export const ECHO = resolve(import.meta.dirname, 'echo-provider.ts');
/** The real provider with the Coffer API answered in its own process (no socket, no server). */
export const STUB_API = resolve(import.meta.dirname, 'stub-api-provider.ts');

/** Writes `dir/terraform-provider-coffer` running the wire layer's no-op test provider (every RPC answered at
 * once; or `script`, e.g. ECHO) the way bin/terraform-provider-coffer starts the real one (compile cache on); point dev_overrides at
 * `dir`. */
export function writeFakeLauncher(dir: string, script = FAKE): void {
  const cache = process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache');
  writeFileSync(
    join(dir, 'terraform-provider-coffer'),
    `#!/bin/sh\nNODE_COMPILE_CACHE=${JSON.stringify(cache)} exec ${JSON.stringify(process.execPath)} --disable-warning=ExperimentalWarning ${JSON.stringify(script)} 2>/dev/null\n`,
    { mode: 0o755 },
  );
}

/** Milliseconds `tofu args` took; throws with its output when it fails. */
export async function timeTofu(
  bin: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const started = performance.now();
  await runTofu(bin, args, { cwd, env, ok: [0], timeoutMs: 30 * 60_000 });
  return performance.now() - started;
}

/** The value after `--name` on the command line. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

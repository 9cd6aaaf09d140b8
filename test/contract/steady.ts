// Starting Steady (@stdy/cli 0.22, the mock server Stainless SDKs test against) on the real spec, on a free
// loopback port: a second, independent mock beside Prism. Steady refuses any request that breaks the spec
// (400, its diagnostics in `steady.errors[]` and `x-steady-error-*` headers) and answers the spec's examples.
import { type ChildProcess, spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '@coffer/server/launch';
import type { Running } from './prism.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`steady exited with ${child.exitCode}:\n${log()}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within 60 s:\n${log()}`);
}

export async function startSteady(): Promise<Running> {
  const port = await freePort();
  // The package's launcher (steady.js) runs the platform binary from @stdy/cli-<platform>.
  const steady = realpathSync(`${root}node_modules/.bin/steady`);
  let output = '';
  const child = spawn(
    process.execPath,
    [
      steady,
      '--host',
      '127.0.0.1',
      '-p',
      String(port),
      '--no-color',
      '--log-format',
      'text',
      'openapi/coffer.yaml',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  const collect = (c: Buffer) => {
    output += c.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${url}/v1/healthz`, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// Starts `prism mock --errors` on the real spec on a free loopback port, or uses COFFER_CONTRACT_BASE_URL
// (e.g. `prism proxy --errors openapi/coffer.yaml http://127.0.0.1:8080` in front of the real server).
import { type ChildProcess, spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    cofferBaseUrl: string;
    cofferApiKey: string;
    cofferTarget: 'prism-mock' | 'external';
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}:\n${log()}`);
    try {
      // Any HTTP answer (even 401/404) means Prism is listening.
      await fetch(`${url}/v1/healthz`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`prism did not start within 60 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  const apiKey = process.env.COFFER_CONTRACT_API_KEY ?? 'cof_contract_0123456789abcdef';
  project.provide('cofferApiKey', apiKey);
  const external = process.env.COFFER_CONTRACT_BASE_URL;
  if (external) {
    project.provide('cofferBaseUrl', external.replace(/\/+$/, ''));
    project.provide('cofferTarget', 'external');
    return;
  }
  const port = await freePort();
  const prism = realpathSync(`${root}node_modules/.bin/prism`);
  let output = '';
  // Run Prism's JS entry with this Node (the repo's Node 24), not whatever `env node` finds.
  const child = spawn(
    process.execPath,
    [prism, 'mock', '--errors', '-h', '127.0.0.1', '-p', String(port), 'openapi/coffer.yaml'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
  );
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, child, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  project.provide('cofferBaseUrl', url);
  project.provide('cofferTarget', 'prism-mock');
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
}
